// The one script Jalur's manifest puts on LinkedIn (entrypoints/linkedin-router.ts). Chromium runs
// document_idle scripts in the task just before the page's load event, so all this does when injected is
// wait for that event: no DOM read (not even document.readyState), no extension API, no message,
// nothing posted or added to the page.
// In a task after the load event, and again whenever the page moves to another URL in-app, it asks the
// background for the surface scripts the URL needs (./surfaces.ts), each at most once per document; the
// background injects exactly those into this tab and frame. A move that needs no new surface is told to
// the background as `pageChanged`: these two messages are how it learns what a LinkedIn tab shows. What the surfaces then do is theirs
// (./start-surface.ts): they too start after the load and follow in-app navigation themselves.
import { surfacesFor, type SurfaceName } from './surfaces';

/** What the router needs of the page and the browser (real ones in the script, fakes in tests). */
export interface RouterEnv {
  /** runtime.sendMessage to the background. */
  send(msg: unknown): Promise<unknown>;
  /** The page's current URL. */
  href(): string;
  /** Call back in a task after the page's load event (at once, in a new task, if it is over). */
  afterLoad(cb: () => void): void;
  /** Call back when the page's URL may have changed without a new document. */
  onUrlChange(cb: () => void): void;
}

/** Start routing: after the load, and after each in-app navigation, ask for the surfaces not yet injected. */
export function startRouter(env: RouterEnv): void {
  const asked = new Set<SurfaceName>();
  let last = '';
  const check = () => {
    const href = env.href();
    if (href === last) return;
    last = href;
    const want = surfacesFor(href).filter((s) => !asked.has(s));
    // Nothing to inject: still tell the background the page moved, so the tab's toolbar title follows
    // (it keeps no watch on tab updates, which would wake it for every page load on every site).
    if (!want.length) {
      env.send({ type: 'pageChanged', url: href }).catch(() => undefined);
      return;
    }
    for (const s of want) asked.add(s);
    // A worker that cannot answer or refuses: the next navigation asks again.
    const forget = () => {
      for (const s of want) asked.delete(s);
      last = '';
    };
    env.send({ type: 'injectSurfaces', surfaces: want }).then((r) => (r as { ok?: unknown } | undefined)?.ok === true || forget(), forget);
  };
  env.afterLoad(() => {
    env.onUrlChange(check);
    check();
  });
}

interface NavigationLike {
  addEventListener(type: 'currententrychange', cb: () => void): void;
}
interface Runtime {
  id?: string;
  sendMessage(msg: unknown): Promise<unknown>;
}

/** When the router looks whether the load is over without it having heard the event. */
export const AFTER_LOAD_CHECK_MS = 300;

/** The real page and browser. */
export function pageEnv(): RouterEnv {
  const g = globalThis as unknown as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime }; navigation?: NavigationLike };
  return {
    send(msg) {
      try {
        // Looked up only now (after the load): the first touch of the extension API builds its bindings.
        return (g.browser?.runtime?.id ? g.browser : g.chrome)!.runtime!.sendMessage(msg);
      } catch (e) {
        return Promise.reject(e); // the extension was reloaded or removed: this page's scripts are orphans
      }
    },
    href: () => location.href,
    afterLoad(cb) {
      let started = false;
      const go = () => {
        if (started) return;
        started = true;
        setTimeout(cb, 0);
      };
      // Injected before the load event (the usual case): wait for it, reading nothing of the page. The
      // first touch of `document` in a fresh isolated world builds its bindings, ~0.5 ms of the main
      // thread (traced; `document.readyState` alone took the router from 0.35 to 1 ms before the load).
      addEventListener('load', go, { once: true });
      // Chromium may also run document_idle scripts just after the load event, when none will come: look
      // once, a moment later (after the load on a page that was about to fire it).
      setTimeout(() => document.readyState === 'complete' && go(), AFTER_LOAD_CHECK_MS);
    },
    onUrlChange(cb) {
      // The Navigation API tells of every same-document move (pushState, replaceState, back/forward);
      // only location.href is read, so an event the page fakes costs one comparison. Without it, a poll.
      if (typeof g.navigation?.addEventListener === 'function') g.navigation.addEventListener('currententrychange', cb);
      else setInterval(cb, 1000);
    },
  };
}
