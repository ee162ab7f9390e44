// The one place Jalur attaches a shadow root to a page (components/chip/shadow-hosts.test.ts holds it
// to that). Everything Jalur adds to LinkedIn, Gmail or Outlook — chips, list marks, company chips —
// gets here: the shipped build's closed root, the trusted-input guard, its own style sheet, and the
// page's light or dark scheme. No Preact: the plain-DOM marks build on it too.
import { isDarkBehind } from './page-theme';
import { acceptTrustedInputOnly } from './trusted-events';

/**
 * The shipped build closes the shadow roots, so the page's own scripts cannot read a prospect's
 * stage, score or follow-up nor reach the chip's buttons; `JALUR_OPEN_SHADOW=1` builds the same
 * extension with open roots for outside acceptance tests (wxt.config.ts, CONTRACT.md "Build").
 * Unit tests, which have no build define, get the shipped mode.
 */
export const SHADOW_MODE: ShadowRootMode = import.meta.env.JALUR_OPEN_SHADOW === true ? 'open' : 'closed';

export interface PageRoot {
  /** The custom-element host the page sees: only the attributes the contract names. */
  el: HTMLElement;
  /** Where the content goes, inside the root. */
  mount: HTMLElement;
  /** Match the page's scheme (`.dark` on the mount); call when rendering, once the host is in the page. */
  followTheme(): void;
}

/**
 * Content scripts cannot define custom elements (no `customElements` in the isolated world), but a
 * valid custom-element name still accepts a shadow root. With `isolate`, clicks and keys inside never
 * reach the page's own handlers (a result row that opens the profile on click must not open it when
 * the rep presses our button).
 */
export function attachPageRoot(doc: Document, tag: string, attrs: Record<string, string>, css: string, isolate = false): PageRoot {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const root = el.attachShadow({ mode: SHADOW_MODE });
  acceptTrustedInputOnly(root);
  if (isolate) for (const type of ['click', 'keydown', 'keyup', 'mousedown', 'pointerdown']) root.addEventListener(type, (e) => e.stopPropagation());
  const style = doc.createElement('style');
  style.textContent = css;
  const mount = doc.createElement('span');
  root.append(style, mount);
  return {
    el,
    mount,
    followTheme() {
      if (el.isConnected) mount.classList.toggle('dark', isDarkBehind(el.parentElement, (e) => getComputedStyle(e)));
    },
  };
}
