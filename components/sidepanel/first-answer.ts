// The opening view's first answer, for the panel's first script (entrypoints/sidepanel/main.tsx): the
// first screen kept in IndexedDB when it is certainly current, else the background's. Kept free of the
// UI and of zod, like ./early.ts: it runs before the rest of the page is loaded.
import { answerEarly, earlyPort, type EarlyPort } from './early';
import { readStoredFirstScreen } from './stored-first-screen';
import type { FirstScreenKind } from '../../lib/store/first-screen-record';

/** Set when the opening view's first screen came from the store, not from the background (read by the benches). */
const STORED_MARK = 'jalur:first-screen-stored';

/**
 * On a busy machine the stored first screen can be slow to read too (the browser's own thread is
 * starved): past this long the background is asked as well, and the first answer in is shown.
 */
export const ASK_TOO_AFTER_MS = 150;

/**
 * The opening view's first answer: the one kept in IndexedDB when it is certainly current (it paints
 * before the background is even awake), else the background's, whichever is in first once the
 * background is asked too. Settles, for the first render to wait on, once the stored one is known to
 * be there or not, or when the background is asked (not when it answers).
 */
export function firstAnswer(
  key: string,
  kind: FirstScreenKind,
  request: unknown,
  now: number,
  fresh: (data: unknown) => unknown,
  answered: () => void = () => undefined,
  // The page's own by default; stand-ins in unit tests.
  port: EarlyPort | null = earlyPort(),
  readStored: (kind: FirstScreenKind, request: unknown, now: number) => Promise<unknown> = readStoredFirstScreen,
): Promise<unknown> {
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
        readStored(kind, request, now).then((data) => {
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
