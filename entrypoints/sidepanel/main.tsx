// The side panel's first script: it asks the background for what the opening view shows
// (components/sidepanel/early.ts) before it starts the panel (./app.tsx), so waking a sleeping worker and
// reading the store overlap with the first render instead of following it. The panel's code is loaded
// with this script (the page lists every chunk up front): loading it on demand after this script ran
// measured slower, one more round of fetches before anything could show.
import { askEarly } from '../../components/sidepanel/early';
import { earlyPreviewFilter, FILTER_KEY, previewKey, previewRequest } from '../../components/sidepanel/board/first-request';
import { startPanel } from './app';
import { earlyFirstPage, TODAY_ANSWERED_MARK, TODAY_ASKED_MARK, TODAY_EARLY_KEY } from '../../components/sidepanel/today/first-page';

const q = new URLSearchParams(location.search);
const view = q.get('view')?.toLowerCase() ?? null;
// With no view named the panel shows the tab's person, or Today when the tab shows nobody: Today's
// first page is cheap to read, so it is asked for in case (unused, it is dropped).
if (view === 'today' || (view === null && !q.has('person') && !q.has('account'))) {
  const now = Date.now();
  performance.mark(TODAY_ASKED_MARK);
  askEarly(TODAY_EARLY_KEY, earlyFirstPage(now), now)?.then(
    () => performance.mark(TODAY_ANSWERED_MARK),
    () => undefined,
  );
} else if (view === 'board') {
  let kept: string | null = null;
  try {
    kept = sessionStorage.getItem(FILTER_KEY);
  } catch {
    kept = '';
  }
  const filter = earlyPreviewFilter(kept);
  if (filter) askEarly(previewKey(filter), previewRequest(filter));
}

startPanel();
