// The side panel's first script: it asks the background for what the opening view shows
// (components/sidepanel/early.ts) before it starts the panel (./app.tsx), so waking a sleeping worker and
// reading the store overlap with the first render instead of following it. The panel's code is loaded
// with this script (the page lists every chunk up front): loading it on demand after this script ran
// measured slower, one more round of fetches before anything could show.
import { answerEarly, earlyPort } from '../../components/sidepanel/early';
import { earlyPreviewFilter, FILTER_KEY, previewKey, previewRequest } from '../../components/sidepanel/board/first-request';
import { readPageState } from '../../components/sidepanel/page-state';
import { readStoredFirstScreen } from '../../components/sidepanel/stored-first-screen';
import { startPanel } from './app';
import { earlyFirstPage, TODAY_ANSWERED_MARK, TODAY_ASKED_MARK, TODAY_EARLY_KEY } from '../../components/sidepanel/today/first-page';
import type { FirstScreenKind } from '../../lib/store/first-screen-record';

/** Set when the opening view's first screen came from the store, not from the background (read by the benches). */
const STORED_MARK = 'jalur:first-screen-stored';

/**
 * On a busy machine the stored first screen can be slow to read too (the browser's own thread is
 * starved): past this long the background is asked as well, and the first answer in is shown.
 */
const ASK_TOO_AFTER_MS = 150;

/**
 * The opening view's first answer: the one kept in IndexedDB when it is certainly current (it paints
 * before the background is even awake), else the background's, whichever is in first once the
 * background is asked too. Settles, for the first render to wait on, once the stored one is known to
 * be there or not, or when the background is asked (not when it answers).
 */
function firstAnswer(
  key: string,
  kind: FirstScreenKind,
  request: unknown,
  now: number,
  fresh: (data: unknown) => unknown,
  answered: () => void = () => undefined,
): Promise<unknown> {
  const port = earlyPort();
  if (!port) return Promise.resolve();
  let found!: (stored: boolean) => void;
  const known = new Promise<boolean>((r) => (found = r));
  const reply = answerEarly(
    key,
    request,
    now,
    port,
    () =>
      new Promise<unknown>((resolve, reject) => {
        let done = false;
        let asked = false;
        const ask = () => {
          if (asked || done) return;
          asked = true;
          found(false);
          port.sendMessage(request).then(
            (r) => !done && ((done = true), resolve(r)),
            (e: unknown) => !done && ((done = true), reject(e)),
          );
        };
        readStoredFirstScreen(kind, request, now).then((data) => {
          if (data === null || done) return ask();
          done = true;
          performance.mark(STORED_MARK);
          found(true);
          resolve({ ok: true, data: fresh(data) });
        }, ask);
        setTimeout(ask, ASK_TOO_AFTER_MS);
      }),
  );
  reply.then(answered, () => undefined);
  // A stored answer is in hand (and handed to the view) by the time `reply` settles.
  return known.then((stored) => (stored ? reply.then(() => undefined, () => undefined) : undefined));
}

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
