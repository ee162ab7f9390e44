import { render } from 'preact';
import chipCss from './inline-chip.css?inline';
import { InlineChip, type ChipState } from './InlineChip';

export const INLINE_TAG = 'jalur-inline';

export interface InlineHost {
  el: HTMLElement;
  render(state: ChipState, onAdd: () => void): void;
}

/**
 * The chip lives in an open shadow root on a `jalur-inline` element (CONTRACT.md), so the page's CSS
 * cannot restyle it and page text rendered inside is always escaped by Preact.
 * Content scripts cannot define custom elements (no `customElements` in the isolated world), but a
 * valid custom-element name still accepts a shadow root.
 */
export function createInlineHost(doc: Document, attrs: Record<string, string>): InlineHost {
  const el = doc.createElement(INLINE_TAG);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const root = el.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = chipCss;
  const mount = doc.createElement('span');
  root.append(style, mount);
  return {
    el,
    render(state, onAdd) {
      render(<InlineChip state={state} onAdd={onAdd} />, mount);
    },
  };
}
