// The first search after the worker starts used to build the search index on the rep's keystroke
// (about half a second at 10,000 prospects, seconds on a busy machine). The side panel is where search
// lives: when it asks anything (its board, Today, the person), the index is built a moment later, in
// slices between other answers (lib/store/search-index.ts warmSearchIndex), so by the time the rep
// types it is ready. Chips on LinkedIn and mail pages, which wake the worker far more often, never
// cause a build.
import { warmSearchIndex } from '../../lib/store/search-index';
export { fromSidePanel } from '../../lib/search/from-side-panel';
import { storeContext } from './context';

/** After the panel's request: its answers (board, Today) go first. */
const WARM_DELAY_MS = 400;

let timer: ReturnType<typeof setTimeout> | null = null;

/** Builds the search index soon, unless it is built (then this costs nothing but a check). */
export function warmSearchSoon(): void {
  if (timer) return;
  timer = setTimeout(() => {
    timer = null;
    void storeContext()
      .then((ctx) => warmSearchIndex(ctx))
      .catch(() => undefined);
  }, WARM_DELAY_MS);
}
