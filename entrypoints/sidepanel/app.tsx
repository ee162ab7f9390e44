// The side panel itself, started by ./main.tsx once the opening view's data has been asked for.
import { render } from 'preact';
import { SidePanelApp, preloadOpeningView } from '../../components/sidepanel/SidePanelApp';
import { setDocumentLanguage } from '../../components/shared/page-setup';
import '../../components/ui/ui.css';
// The board's style sheets with the panel's own, written into the page (build/page-start.ts): the board,
// opened in its tab, then fetches its code alone, not three style sheets too (about 6 KB).
import '../../components/sidepanel/board/board.css';
import '../../components/sidepanel/board/bulk.css';
import '../../components/sidepanel/board/move-prompt.css';

export function startPanel(opening: Promise<unknown> = Promise.resolve()): void {
  setDocumentLanguage();
  // The opening view's own code (a view loaded on demand) is fetched before the first render, so the
  // panel does not paint "Loading…" and then wait for it.
  // The opening view's first screen, when the store keeps one, is in hand too: the first frame shows it.
  void Promise.all([preloadOpeningView(location.search), opening.catch(() => undefined)]).finally(() =>
    render(<SidePanelApp />, document.getElementById('app')!),
  );
}
