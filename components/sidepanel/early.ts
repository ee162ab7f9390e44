// Requests the side panel sends before its views are loaded. The panel's first script asks the
// background for what the opening view shows (Today's first page, the board's preview) and only then
// loads the rest of the page, so waking the worker and reading the store overlap with loading,
// parsing and running the page's code instead of following it. The view's first read takes the reply.
//
// A reply is handed out once, within seconds of the panel opening, and never when the store may have
// changed since it was asked for: a `changed` broadcast seen before the view takes it drops it (the
// view then asks again). From the
// moment the view takes it, the view's own change listener is in place (its effects register before
// its first read runs), so no change can fall between the two.
//
// Kept tiny and free of the UI and of zod: it runs before the rest of the page is loaded.

export interface EarlyPort {
  sendMessage: (msg: unknown) => Promise<unknown>;
  onMessage: {
    addListener: (fn: (msg: unknown) => undefined) => void;
    removeListener: (fn: (msg: unknown) => undefined) => void;
  };
}

/** An early request as its view takes it: the reply, what was asked, and when (the clock it was asked at). */
export interface Early {
  reply: Promise<unknown>;
  request: unknown;
  at: number;
}

interface Pending extends Early {
  stale: boolean;
  /** The reply once it is in, for a view that renders with it at once. */
  settled?: { value: unknown };
}

/**
 * An early reply older than this is not handed out: it is for a panel just opened, not for a view
 * chosen later (time alone moves follow-ups from Today to Overdue).
 */
export const EARLY_TTL_MS = 10_000;

const pending = new Map<string, Pending>();
let port: EarlyPort | null = null;
let listening = false;

function onNotice(msg: unknown): undefined {
  if ((msg as { type?: unknown } | null)?.type === 'changed') for (const p of pending.values()) p.stale = true;
  return undefined;
}

/** The extension API the panel talks through (the page's `browser`/`chrome`; a fake in unit tests). */
export function earlyPort(): EarlyPort | null {
  const g = globalThis as unknown as { browser?: { runtime?: EarlyPort }; chrome?: { runtime?: EarlyPort } };
  return g.browser?.runtime ?? g.chrome?.runtime ?? null;
}

/**
 * Ask now; `key` names the request for the view that will take the reply, `at` is the clock it was
 * made at. Returns the reply (for the caller's timing marks; the view takes it with takeEarly).
 */
export function askEarly(key: string, request: unknown, at = Date.now(), via: EarlyPort | null = earlyPort()): Promise<unknown> | null {
  return via ? answerEarly(key, request, at, via, () => via.sendMessage(request)) : null;
}

/**
 * As askEarly, with the reply from `answer` (the view's first screen as kept in IndexedDB, falling
 * back to asking the background). The change listener is in place before `answer` runs, so a change
 * broadcast after the stored answer was read still drops it.
 */
export function answerEarly(key: string, request: unknown, at: number, via: EarlyPort, answer: () => Promise<unknown>): Promise<unknown> {
  port = via;
  if (!listening) {
    via.onMessage.addListener(onNotice);
    listening = true;
  }
  const reply = answer();
  // Taken or not, a failure here is the view's to report (it asks again when the reply is dropped).
  reply.catch(() => undefined);
  const p: Pending = { reply, request, at, stale: false };
  reply.then((value) => void (p.settled = { value }), () => undefined);
  pending.set(key, p);
  return reply;
}

/** The reply to the early request named `key`, once, unless a change was broadcast since it was asked. */
export function takeEarly(key: string): Early | null {
  const p = pending.get(key);
  pending.delete(key);
  if (pending.size === 0 && listening && port) {
    port.onMessage.removeListener(onNotice);
    listening = false;
  }
  return p && !p.stale && Date.now() - p.at <= EARLY_TTL_MS ? { reply: p.reply, request: p.request, at: p.at } : null;
}

/**
 * The data of the early reply named `key` when there is a usable one (and `accept` agrees it asked what
 * the view would ask), else `ask()`'s: a refusal or no answer to the early request is asked again the
 * view's usual way, which words the error for the rep.
 */
export function earlyOr<T>(key: string, ask: () => Promise<T>, accept: (request: unknown, at: number) => boolean = () => true): Promise<T> {
  const early = takeEarly(key);
  if (!early || !accept(early.request, early.at)) return ask();
  return early.reply.then((r) => {
    const reply = r as { ok?: unknown; data?: unknown } | undefined;
    return reply?.ok === true ? (reply.data as T) : ask();
  }, ask);
}

/**
 * The data of the early reply named `key` if it is already in, usable and successful (taking it), so a
 * view can render its first frame with it; otherwise undefined and the request stays for earlyOr.
 */
export function takeSettled<T>(key: string, accept: (request: unknown, at: number) => boolean = () => true): T | undefined {
  const p = pending.get(key);
  const reply = p?.settled?.value as { ok?: unknown; data?: unknown } | undefined;
  if (!p || reply?.ok !== true || p.stale || Date.now() - p.at > EARLY_TTL_MS || !accept(p.request, p.at)) return undefined;
  takeEarly(key);
  return reply.data as T;
}

/** Drop every early request (a view that will not take its reply). */
export function dropEarly(): void {
  for (const k of [...pending.keys()]) takeEarly(k);
}
