import { render, type ComponentChildren } from 'preact';
import chipCss from './inline-chip.css?inline';
import { InlineChip, type ChipActions, type ChipState } from './InlineChip';
import { acceptTrustedInputOnly } from './trusted-events';

export const INLINE_TAG = 'jalur-inline';
export const MARK_TAG = 'jalur-mark';

export interface ShadowHost {
  el: HTMLElement;
  render(children: ComponentChildren): void;
}

/**
 * The shipped build closes the shadow roots, so the page's own scripts cannot read a prospect's
 * stage, score or follow-up nor reach the chip's buttons; `JALUR_OPEN_SHADOW=1` builds the same
 * extension with open roots for outside acceptance tests (wxt.config.ts, CONTRACT.md "Build").
 * Unit tests, which have no build define, get the shipped mode.
 */
export const SHADOW_MODE: ShadowRootMode = import.meta.env.JALUR_OPEN_SHADOW === true ? 'open' : 'closed';

/**
 * Jalur's UI on a page lives in a shadow root on its own element (CONTRACT.md), so the page's
 * CSS cannot restyle it and page text rendered inside is always escaped by Preact.
 * Content scripts cannot define custom elements (no `customElements` in the isolated world), but a
 * valid custom-element name still accepts a shadow root.
 * The host carries only the attributes the contract names (whom it is for, never their name, stage
 * or score): everything else lives inside the root, which acts on trusted input only.
 */
export function createShadowHost(doc: Document, tag: string, attrs: Record<string, string>): ShadowHost {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const root = el.attachShadow({ mode: SHADOW_MODE });
  acceptTrustedInputOnly(root);
  const style = doc.createElement('style');
  style.textContent = chipCss;
  const mount = doc.createElement('span');
  root.append(style, mount);
  return { el, render: (children) => render(children, mount) };
}

export interface InlineHost {
  el: HTMLElement;
  render(state: ChipState, actions: ChipActions): void;
}

export function createInlineHost(doc: Document, attrs: Record<string, string>): InlineHost {
  const host = createShadowHost(doc, INLINE_TAG, attrs);
  return { el: host.el, render: (state, actions) => host.render(<InlineChip state={state} actions={actions} />) };
}
