// The `browser` that content scripts get instead of webextension-polyfill (wxt.config.ts swaps it in for
// content-script builds only). In MV3 both Chrome and Firefox already return promises from
// runtime.sendMessage; the polyfill's ~4 KB gzipped of API metadata bought content scripts only the
// promise-returning onMessage listener, which is adapted here. Pages and the background keep the polyfill.
type Listener = (msg: unknown, sender: unknown) => unknown;
type NativeListener = (msg: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean | undefined;

interface NativeRuntime {
  id?: string;
  sendMessage(msg: unknown): Promise<unknown>;
  onMessage: { addListener(fn: NativeListener): void; removeListener(fn: NativeListener): void };
}
interface NativeApi {
  runtime?: NativeRuntime;
  i18n: unknown;
}

const g = globalThis as unknown as { browser?: NativeApi; chrome?: NativeApi };
// Looked up on first use, not when the script is injected: the first touch of the extension API builds
// its bindings (milliseconds), and injection runs in the task just before the page's load event.
let api: NativeApi | undefined;
const native = (): NativeApi => (api ??= (g.browser?.runtime?.id ? g.browser : g.chrome) as NativeApi);
const wrapped = new WeakMap<Listener, NativeListener>();

/** A listener's promise becomes the reply, as with the polyfill; anything else leaves the message to other listeners. */
function adapt(fn: Listener): NativeListener {
  let a = wrapped.get(fn);
  if (!a) {
    a = (msg, sender, sendResponse) => {
      const out = fn(msg, sender);
      if (!out || typeof (out as Promise<unknown>).then !== 'function') return undefined;
      (out as Promise<unknown>).then(sendResponse, (e: unknown) => sendResponse({ ok: false, error: String((e as Error)?.message ?? e) }));
      return true;
    };
    wrapped.set(fn, a);
  }
  return a;
}

export const browser = {
  get i18n(): unknown {
    return native().i18n;
  },
  runtime: {
    get id(): string | undefined {
      return native().runtime?.id;
    },
    /** Rejects (never throws) once the extension is reloaded and this script's context is gone. */
    sendMessage(msg: unknown): Promise<unknown> {
      try {
        return native().runtime!.sendMessage(msg);
      } catch (e) {
        return Promise.reject(e);
      }
    },
    onMessage: {
      addListener: (fn: Listener) => native().runtime?.onMessage.addListener(adapt(fn)),
      removeListener: (fn: Listener) => native().runtime?.onMessage.removeListener(adapt(fn)),
    },
  },
};
export default browser;
