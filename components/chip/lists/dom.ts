// Plain DOM for the marks (no UI library on LinkedIn's busiest pages): tiny element builders, the
// shadow host every mark and the bulk bar live in, and the text the page gives us always as text.
import { t, type MessageKey } from '../../shared/i18n';
import { isDarkBehind } from '../page-theme';
import { attachPageRoot } from '../shadow-root';
import css from './list-mark.css?inline';

type Child = Node | string | null | undefined | false;

/** An element with attributes (`on…` keys become listeners) and children; strings become text nodes. */
export function h(tag: string, attrs: Record<string, string | boolean | ((e: Event) => void) | undefined> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

export interface Host {
  el: HTMLElement;
  mount: HTMLElement;
}

let darkPage: boolean | null = null;

/**
 * A custom-element host with a shadow root (attachPageRoot: closed in the shipped build, trusted input
 * only). Isolated: clicks and keys inside never reach LinkedIn's own row handlers (a row that opens the
 * profile on click must not open it when the rep presses our button). LinkedIn's theme is read once per
 * page from its body, not per mark: marks come by the dozen per frame and each ancestor walk costs style work.
 */
export function shadowHost(tag: string, attrs: Record<string, string>): Host {
  const { el, mount } = attachPageRoot(document, tag, attrs, css, true);
  darkPage ??= isDarkBehind(document.body, (e) => getComputedStyle(e));
  if (darkPage) mount.classList.add('dark');
  return { el, mount };
}

const said = new Map<string, string>();

/**
 * `t()` through a cache: each call crosses into the extension's i18n binding (a fifth of a millisecond
 * on a busy machine), and fifty marks ask for the same few strings with different names in them. The
 * catalogue is asked once per message, with markers where the values go, and the values are put in here.
 */
export function tr(key: MessageKey, subs?: string | string[]): string {
  const values = subs === undefined ? [] : ([] as string[]).concat(subs);
  let template = said.get(key);
  if (template === undefined) said.set(key, (template = t(key, values.map((_, i) => `\u0001${i}\u0002`))));
  return template.replace(/\u0001(\d+)\u0002/g, (_, i: string) => values[Number(i)] ?? '');
}
