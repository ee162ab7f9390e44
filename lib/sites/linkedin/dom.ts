// DOM reading shared by extract() and findNameAnchor(): visible text, and which elements belong to
// the profile's top card rather than to the viewer or to other people on the page.

import { clean, cleanName, loose } from './text';
import * as S from './selectors';

type Root = Document | Element;

const BLOCK = /^(?:DIV|P|LI|UL|OL|H[1-6]|SECTION|ARTICLE|HEADER|FOOTER|TR|TD|DT|DD|BR)$/;

/** Text a sighted user sees: skips screen-reader copies, scripts and SVG; blocks are word breaks. */
export function visibleText(el: Element | null | undefined): string {
  if (!el) return '';
  let out = '';
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out += c.nodeValue ?? '';
      else if (c.nodeType === 1) {
        const e = c as Element;
        if (e.matches(S.HIDDEN_TEXT)) continue;
        const block = BLOCK.test(e.tagName);
        if (block) out += ' ';
        walk(e);
        if (block) out += ' ';
      }
    }
  };
  walk(el);
  const s = clean(out);
  // When the hidden copy's class is obfuscated away both copies arrive glued: "Jane DoeJane Doe".
  const h = s.length / 2;
  return h >= 4 && Number.isInteger(h) && s.slice(0, h) === s.slice(h) ? s.slice(0, h) : s;
}

/** False for elements inside the viewer's nav, side rails, messaging and modals. */
export function inProfileArea(el: Element): boolean {
  return !el.closest(S.NOT_PROFILE);
}

/** First element matching `sel` under `root` that is in the profile area. */
export function first(root: Root, sel: string): Element | null {
  for (const el of Array.from(root.querySelectorAll(sel))) if (inProfileArea(el)) return el;
  return null;
}

/** First match of the first selector in `list` that matches anything. */
export function firstOf(root: Root, list: S.SelectorList): Element | null {
  for (const sel of list) {
    const el = first(root, sel);
    if (el) return el;
  }
  return null;
}

function widen(el: Element): Element {
  return el.closest(S.CARD_CONTAINER) ?? el.closest(S.MAIN) ?? el.parentElement ?? el;
}

/** The top card of the profile in view, or null while the SPA has not rendered it. */
export function findTopCard(doc: Document): Element | null {
  const card = firstOf(doc, S.TOP_CARD);
  if (card) return card;
  const hint = firstOf(doc, S.OWNER_LINKS) ?? visibleHeading(doc);
  return hint ? widen(hint) : null;
}

function visibleHeading(doc: Document): Element | null {
  for (const sel of S.LAST_RESORT_HEADING) {
    for (const h of Array.from(doc.querySelectorAll(sel))) {
      if (inProfileArea(h) && !h.closest(S.HIDDEN_TEXT) && visibleText(h)) return h;
    }
  }
  return null;
}

/** Slug the top card says it belongs to (from its contact-info / about-this-profile links). */
export function cardOwnerHref(card: Element): string | null {
  for (const sel of S.OWNER_LINKS) {
    const a = card.querySelector(sel);
    const href = a?.getAttribute('href');
    if (href) return href;
  }
  return null;
}

/**
 * The top-card profile photo, never a placeholder. An image matched only by the generic CDN rule
 * must come before the card's owner links: the faces after them are mutual connections.
 */
export function findPhoto(card: Element): HTMLImageElement | null {
  const ref = firstOf(card, S.OWNER_LINKS);
  for (const sel of S.PHOTO) {
    const generic = sel === S.PHOTO[S.PHOTO.length - 1];
    for (const img of Array.from(card.querySelectorAll(sel))) {
      if (img.tagName !== 'IMG' || img.matches(S.GHOST_PHOTO)) continue;
      if (generic && ref && !(img.compareDocumentPosition(ref) & 4)) continue;
      return img as HTMLImageElement;
    }
  }
  return null;
}

/** Alt/title of the photo, without the frame hashtags LinkedIn appends ("Jane Doe, #OPEN_TO_WORK"). */
export function photoName(img: HTMLImageElement | null): string {
  return clean((img?.getAttribute('alt') || img?.getAttribute('title') || '').replace(/[,\s]*#(?:OPEN_TO_WORK|HIRING)\b/gi, ''));
}

/**
 * The element holding the name. Vintage classes first, then the first h1, then (2026
 * SDUI) an h2 whose text matches the page title's or photo's name, since h2 is also used for card
 * headings and, in 2022, for the current-company button text.
 */
export function findNameElement(card: Element, corroborate: string[]): Element | null {
  const byClass = firstOf(card, S.NAME);
  if (byClass) return byClass;
  const h1 = first(card, S.NAME_H1);
  if (h1 && !h1.closest(S.HIDDEN_TEXT) && cleanName(visibleText(h1))) return h1;
  const inLink = first(card, S.NAME_IN_ABOUT_LINK);
  if (inLink && cleanName(visibleText(inLink))) return inLink;
  const wanted = corroborate.filter(Boolean).map(loose);
  for (const h2 of Array.from(card.querySelectorAll(S.NAME_H2))) {
    if (inProfileArea(h2) && !h2.closest(S.BUTTON) && wanted.includes(loose(cleanName(visibleText(h2))))) return h2;
  }
  return null;
}
