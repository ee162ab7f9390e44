import { browser } from 'wxt/browser';

/**
 * The context every Jalur content script runs in, in place of WXT's (wxt.config.ts resolves
 * `wxt/utils/content-script-context` to this module; same public surface).
 *
 * WXT's context announces each start to the page (a `window.postMessage` and a document event, both
 * named after the extension id, "…:content-script-started") and invalidates itself when the page
 * replays that event: any page could learn the extension id and switch Jalur off. Its location watcher
 * also dispatches a window event named after the id. This one talks to nothing the page can see:
 * - location changes go straight to the registered handlers (Navigation API, else a 1 s poll of
 *   `location.href`), never through a DOM event;
 * - a newer copy of the same script replaces this one through the isolated world's own global, which
 *   page scripts cannot reach; an orphaned script (extension reloaded or removed) invalidates itself
 *   when `browser.runtime.id` is gone.
 */
type Listener = (event: Event) => void;

interface LocationChange extends Event {
  newUrl: URL;
  oldUrl: URL;
}

interface NavigationLike {
  addEventListener(
    type: 'navigate',
    cb: (event: Event & { destination: { url: string } }) => void,
    options?: AddEventListenerOptions,
  ): void;
}

const LOCATION_CHANGE = 'wxt:locationchange';

/** Live contexts by script name, in the isolated world's global (shared by copies of our script, not by the page). */
const REGISTRY = Symbol.for('jalur.content-contexts');

function registry(): Map<string, ContentScriptContext> {
  const g = globalThis as unknown as Record<symbol, Map<string, ContentScriptContext> | undefined>;
  return (g[REGISTRY] ??= new Map());
}

export class ContentScriptContext {
  readonly #controller = new AbortController();
  readonly #onLocation = new Set<Listener>();
  #watching = false;

  constructor(
    readonly contentScriptName: string,
    readonly options?: unknown,
  ) {
    const live = registry();
    live.get(contentScriptName)?.notifyInvalidated();
    live.set(contentScriptName, this);
    this.onInvalidated(() => {
      if (live.get(contentScriptName) === this) live.delete(contentScriptName);
    });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  abort(reason?: unknown): void {
    this.#controller.abort(reason);
  }

  get isInvalid(): boolean {
    if (browser?.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  block<T>(): Promise<T> {
    return new Promise(() => undefined);
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((t) => {
      if (this.isValid) callback(t);
    });
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => {
      if (!this.signal.aborted) callback(deadline);
    }, options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  /** `wxt:locationchange` is served in-process; any other type is a plain listener removed on invalidation. */
  addEventListener(target: EventTarget, type: string, handler: Listener, options?: AddEventListenerOptions): void {
    if (this.signal.aborted) return;
    if (type === LOCATION_CHANGE) {
      this.#onLocation.add(handler);
      this.onInvalidated(() => this.#onLocation.delete(handler));
      this.#watchLocation();
      return;
    }
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }

  #watchLocation(): void {
    if (this.#watching) return;
    this.#watching = true;
    let last = new URL(location.href);
    const changed = (next: URL) => {
      if (next.href === last.href || !this.isValid) return;
      const event = Object.assign(new Event(LOCATION_CHANGE), { newUrl: next, oldUrl: last }) as LocationChange;
      last = next;
      for (const handler of [...this.#onLocation]) handler(event);
    };
    const navigation = (globalThis as unknown as { navigation?: NavigationLike }).navigation;
    if (typeof navigation?.addEventListener === 'function') {
      navigation.addEventListener(
        'navigate',
        (event) => {
          // A page can construct a NavigateEvent of its own; only the browser's count.
          if (event.isTrusted) changed(new URL(event.destination.url));
        },
        { signal: this.signal },
      );
    } else {
      this.setInterval(() => changed(new URL(location.href)), 1000);
    }
  }
}
