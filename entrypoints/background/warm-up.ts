// Start-up work (the badge recount, the first sync round) waits until the worker has answered what
// woke it. Chrome stops an idle worker after 30 s, so the side panel or a chip usually wakes a sleeping
// one with a request: that answer comes first, and the recount's write transaction and the sync
// round's reads no longer sit in front of it in IndexedDB's queue. Woken by an alarm or an install
// instead, nothing asks: the work starts after a short quiet moment.

/** In the worker's own timeline (from its start): the first request answered (read by the bench). */
export const FIRST_ANSWER_MARK = 'jalur:worker-first-answer';

/** Without a request, start-up work begins after this long. */
const QUIET_MS = 600;
/**
 * A request still being answered then (a cold read of a large pipeline on a busy machine) holds the
 * start-up work back until it is answered, but never longer than this from the first call.
 */
export const LONGEST_HOLD_MS = 5_000;

let released = false;
let inFlight = 0;
let answered = 0;
const waiting: (() => unknown)[] = [];

function release(): void {
  if (released) return;
  released = true;
  for (const job of waiting.splice(0)) void Promise.resolve().then(job).catch(() => undefined);
}

let timer: ReturnType<typeof setTimeout> | null = null;
let firstCall = 0;

function quiet(): void {
  // Something is being answered: its answer releases the work (see answering), unless it takes too long.
  if (inFlight > 0 && Date.now() - firstCall < LONGEST_HOLD_MS) timer = setTimeout(quiet, QUIET_MS);
  else release();
}

/** Runs `job` once the first requests are answered (or nothing asked for a moment from the first call). */
export function afterFirstAnswer(job: () => unknown): void {
  if (released) return void Promise.resolve().then(job).catch(() => undefined);
  waiting.push(job);
  if (timer === null) {
    firstCall = Date.now();
    timer = setTimeout(quiet, QUIET_MS);
  }
}

/**
 * Wraps the answer to a request. When the first answers are out and nothing else is being answered,
 * the start-up work may begin (a task later, so requests sent together with the first are in first).
 */
export function answering<T>(reply: Promise<T>): Promise<T> {
  inFlight++;
  return reply.finally(() => {
    inFlight--;
    if (answered++ === 0) performance.mark(FIRST_ANSWER_MARK);
    if (!released)
      setTimeout(() => {
        if (inFlight === 0 && answered > 0) release();
      }, 0);
  });
}
