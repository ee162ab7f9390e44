// The side panel's first script: it asks the background for what the opening view shows
// (components/sidepanel/early.ts) before it starts the panel (./app.tsx), so waking a sleeping worker and
// reading the store overlap with the first render instead of following it. The panel's code is loaded
// with this script (the page lists every chunk up front): loading it on demand after this script ran
// measured slower, one more round of fetches before anything could show.
import { earlyPreviewFilter, FILTER_KEY, previewKey, previewRequest } from '../../components/sidepanel/board/first-request';
import { readPageState } from '../../components/sidepanel/page-state';
import { firstAnswer } from '../../components/sidepanel/first-answer';
import { startPanel } from './app';
import { earlyFirstPage, TODAY_ANSWERED_MARK, TODAY_ASKED_MARK, TODAY_EARLY_KEY } from '../../components/sidepanel/today/first-page';

const q = new URLSearchParams(location.search);
const view = q.get('view')?.toLowerCase() ?? null;
let opening: Promise<unknown> = Promise.resolve();
// With no view named the panel shows the tab's person, or Today when the tab shows nobody: Today's
// first page is cheap to read, so it is asked for in case (unused, it is dropped).
if (view === 'today' || (view === null && !q.has('person') && !q.has('account'))) {
  const now = Date.now();
  performance.mark(TODAY_ASKED_MARK);
  // The kept page was read at its own moment; nothing fell due since (its validity), so it is the page now.
  opening = firstAnswer(TODAY_EARLY_KEY, 'today', earlyFirstPage(now), now, (data) => ({ ...(data as object), now }), () =>
    performance.mark(TODAY_ANSWERED_MARK),
  );
} else if (view === 'board') {
  const filter = earlyPreviewFilter(readPageState(FILTER_KEY));
  if (filter) opening = firstAnswer(previewKey(filter), 'board', previewRequest(filter), Date.now(), (data) => ({ ...(data as object), asOf: Date.now() }));
}

startPanel(opening);
