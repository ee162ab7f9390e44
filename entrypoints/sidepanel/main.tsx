// The side panel's first script, kept small and free of imports of shared code (their chunks would be
// loaded before it runs): it asks the background for what the opening view shows
// (components/sidepanel/early.ts) and then loads the panel itself (./app.tsx). Waking a sleeping worker
// and reading the store then overlap with loading and running the panel's code instead of following it.
import { askEarly } from '../../components/sidepanel/early';
import { earlyPreviewFilter, FILTER_KEY, previewKey, previewRequest } from '../../components/sidepanel/board/first-request';
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

void import('./app');
