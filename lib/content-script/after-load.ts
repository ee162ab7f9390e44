// When a LinkedIn content script may start, and the one "Show Jalur on LinkedIn pages" question all of
// them share.
//
// Chromium runs document_idle content scripts in the task just before the page's load event, so
// whatever a script does when injected lengthens the page's load. Traced on the synthetic profile
// (main-thread CPU before loadEventEnd): an empty content script 0.3 ms; Jalur's four LinkedIn scripts
// 3.5 ms, of it ~1.3 ms the first touch of the extension API at injection (a runtime.onMessage listener
// builds the bindings) and ~0.6 ms four load-event listeners each sending a message. So a script does
// nothing at injection but this, and its start runs in a task of its own after the load event (2.3 ms;
// what is left is compiling and initialising four bundles). LinkedIn draws its profiles, lists and
// conversations by script after load anyway, so no chip or mark comes later than the page's content.
// Since then the manifest injects only the router (./router.ts), which asks the background after the
// load event to inject the surface scripts the URL needs: they arrive after the load, and this starts
// them in a task of their own (readyState is "complete" by then).
import { askShowOnLinkedIn } from './page-settings';

/** What of the content-script context (WXT's type, Jalur's lib/content-script/context.ts at run time) this needs. */
type Ctx = { setTimeout(handler: () => void, timeout?: number): number; readonly signal: AbortSignal };

/** Call `start` once, in a task after the page's load event (at once, in a new task, if it is over). */
export function afterPageLoad(ctx: Ctx, start: () => void): void {
  const later = () => void ctx.setTimeout(start, 0);
  // readyState turns "complete" just before the load event is dispatched: a listener added then still runs.
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true, signal: ctx.signal });
}

/** The isolated world all of Jalur's content scripts in a page share (the page cannot reach it). */
const SHOW = Symbol.for('jalur.show-on-linkedin');

/**
 * "Show Jalur on LinkedIn pages", asked once per page for all the LinkedIn scripts (four asked
 * separately before: four messages to the worker on every LinkedIn load). They all start together after
 * the load event; later changes reach each of them as the background's notice (`showFromNotice`).
 */
export function showOnLinkedInOnce(): Promise<boolean> {
  const g = globalThis as unknown as Record<symbol, Promise<boolean> | undefined>;
  return (g[SHOW] ??= askShowOnLinkedIn());
}
