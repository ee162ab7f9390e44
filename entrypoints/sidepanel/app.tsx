// The side panel itself, loaded by ./main.tsx once the opening view's data has been asked for.
import { render } from 'preact';
import { SidePanelApp, preloadOpeningView } from '../../components/sidepanel/SidePanelApp';
import { setDocumentLanguage } from '../../components/shared/page-setup';
import '../../components/ui/ui.css';

setDocumentLanguage();
// The opening view's own code (a view loaded on demand) is fetched before the first render, so the
// panel does not paint "Loading…" and then wait for it.
void preloadOpeningView(location.search).finally(() => render(<SidePanelApp />, document.getElementById('app')!));
