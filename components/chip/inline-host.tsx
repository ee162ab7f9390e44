import { render, type ComponentChildren } from 'preact';
import chipCss from './inline-chip.css?inline';
import { InlineChip, type ChipActions, type ChipState } from './InlineChip';
import { attachPageRoot } from './shadow-root';

export const INLINE_TAG = 'jalur-inline';
export const MARK_TAG = 'jalur-mark';

export interface ShadowHost {
  el: HTMLElement;
  render(children: ComponentChildren): void;
}

/**
 * Jalur's UI on a page lives in a shadow root on its own element (CONTRACT.md), so the page's
 * CSS cannot restyle it and page text rendered inside is always escaped by Preact.
 * The host carries only the attributes the contract names (whom it is for, never their name, stage
 * or score): everything else lives inside the root, which acts on trusted input only.
 */
export function createShadowHost(doc: Document, tag: string, attrs: Record<string, string>): ShadowHost {
  const { el, mount, followTheme } = attachPageRoot(doc, tag, attrs, chipCss);
  return {
    el,
    render: (children) => {
      // At each render (rare: a lookup's answer, a rep's action), so a page switching theme is followed.
      followTheme();
      render(children, mount);
    },
  };
}

export interface InlineHost {
  el: HTMLElement;
  render(state: ChipState, actions: ChipActions): void;
}

export function createInlineHost(doc: Document, attrs: Record<string, string>): InlineHost {
  const host = createShadowHost(doc, INLINE_TAG, attrs);
  return { el: host.el, render: (state, actions) => host.render(<InlineChip state={state} actions={actions} />) };
}
