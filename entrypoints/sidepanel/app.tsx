// The side panel itself, started by ./main.tsx once the opening view's data has been asked for.
import { render } from 'preact';
import { SidePanelApp, preloadOpeningView } from '../../components/sidepanel/SidePanelApp';
import { setDocumentLanguage } from '../../components/shared/page-setup';
import '../../components/ui/ui.css';

export function startPanel(opening: Promise<unknown> = Promise.resolve()): void {
  setDocumentLanguage();
  // The opening view's own code (a view loaded on demand) is fetched before the first render, so the
  // panel does not paint "Loading…" and then wait for it.
  // The opening view's first screen, when the store keeps one, is in hand too: the first frame shows it.
  void Promise.all([preloadOpeningView(location.search), opening.catch(() => undefined)]).finally(() =>
    render(<SidePanelApp />, document.getElementById('app')!),
  );
}
