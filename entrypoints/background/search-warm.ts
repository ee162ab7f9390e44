// The first search after the worker starts used to build the search index on the rep's keystroke
// (about half a second at 10,000 prospects, seconds on a busy machine). The side panel is where search
// lives: when it asks anything (its board, Today, the person), the index is built a moment later, in
// slices between other answers (lib/store/search-index.ts warmSearchIndex), so by the time the rep
// types it is ready. Chips on LinkedIn and mail pages, which wake the worker far more often, never
// cause a build.
import { warmSearchIndex } from '../../lib/store/search-index';
export { fromSidePanel } from '../../lib/search/from-side-panel';
import { storeContext } from './context';
import { afterFirstAnswer } from './warm-up';

/** After the panel's first answers are out: they go first. */
const WARM_DELAY_MS = 400;

let pending = false;

/**
 * Builds the search index soon, unless it is built (then this costs nothing but a check). A worker the
 * panel just woke answers the panel first: the build reads every prospect row, and a build started while
 * the opening view's first read was still out made that read wait behind it in IndexedDB (traced:
 * seconds on a busy machine). It starts a moment after the first answers (./warm-up.ts).
 */
export function warmSearchSoon(): void {
  if (pending) return;
  pending = true;
  afterFirstAnswer(() =>
    setTimeout(() => {
      pending = false;
      void storeContext()
        .then((ctx) => warmSearchIndex(ctx))
        .catch(() => undefined);
    }, WARM_DELAY_MS),
  );
}
