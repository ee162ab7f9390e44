// The side panel itself, started by ./main.tsx once the opening view's data has been asked for.
import { render } from 'preact';
import { SidePanelApp, preloadOpeningView } from '../../components/sidepanel/SidePanelApp';
import { setDocumentLanguage } from '../../components/shared/page-setup';
import '../../components/ui/ui.css';

export function startPanel(): void {
  setDocumentLanguage();
  // The opening view's own code (a view loaded on demand) is fetched before the first render, so the
  // panel does not paint "Loading…" and then wait for it.
  void preloadOpeningView(location.search).finally(() => render(<SidePanelApp />, document.getElementById('app')!));
}
