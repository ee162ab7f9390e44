// Reading one list row: the person's link, the name, and the texts after it (headline, location).
// Rows of every surface and vintage share a shape — a link to the member, the name inside it, then
// a few lines of text — while their classes change with each redesign, so the reader relies on the
// shape and uses a vintage's subtitle class only where one is known (selectors.ts).
import { visibleText } from '../dom';
import * as S from '../selectors';
import { cap, clean, cleanName, isNoise } from '../text';
import { personFromHref, type PersonKey } from './identity';
import type { ListPerson, Surface } from './types';

const MAX_HEADLINE = 300;
const MAX_LOCATION = 120;

/** Row text that is UI, not the person: degree, mutual connections, counts, timestamps, action words. */
const ROW_NOISE = new RegExp(
  [
    /^[•·]\s*(?:1st|2nd|3rd\+?|1|2|3)$/,
    /mutual connection|koneksi bersama|connections? in common|followers?$|pengikut$/,
    /^(?:view|lihat)\b.*\b(?:profile|profil)/,
    /^(?:status is|current:|past:|summary:|saat ini:|sebelumnya:)/,
    /^\d+\s*(?:s|m|h|d|w|mo|yr|j|mg|bln|thn)\b\s*[•·]?/,
    /^(?:promoted|dipromosikan|sponsored|bersponsor)$/,
    /^(?:linkedin member|anggota linkedin)$/,
    /^(?:open to work|hiring|connect|message|follow|following|pending|accept|ignore|withdraw|hubungkan|pesan|ikuti|mengikuti|terima|abaikan)$/,
    /^(?:visible to anyone|edited|diedit)\b/,
    /^(?:out of network|di luar jaringan)/,
    /\b(?:reposted this|likes this|commented on this|celebrates this|loves this|supports this|finds this|membagikan ulang|menyukai ini|mengomentari ini)\b/,
    /^(?:sent|received) \d|^invited you|^mengundang anda/,
  ]
    .map((r) => r.source)
    .join('|'),
  'i',
);

export function isRowNoise(s: string): boolean {
  return isNoise(s) || ROW_NOISE.test(s);
}

function directText(el: Element): boolean {
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3 && c.nodeValue?.trim()) return true;
  return false;
}

/** The first element inside `root` that holds text itself (a name span, a heading), skipping hidden copies. */
function firstTextLeaf(root: Element): Element | null {
  if (directText(root)) return root;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (el.closest(S.HIDDEN_TEXT)) continue;
    if (directText(el)) return el;
  }
  return null;
}

export interface NameLink {
  link: Element;
  nameEl: Element;
  name: string;
  key: PersonKey;
}

function nameIn(link: Element): { el: Element; name: string } | null {
  const el = link.querySelector(S.ROW_VISIBLE_NAME) ?? firstTextLeaf(link);
  if (!el) return null;
  const name = cleanName(visibleText(el));
  return name && !isRowNoise(name) ? { el, name } : null;
}

/**
 * The row's person: the first person link whose text is a name. A photo link before it names the
 * same person; another person's link (a mutual connection) after the name is never reached.
 */
export function personLink(row: Element): NameLink | null {
  let photo: { link: Element; key: PersonKey; alt: string } | null = null;
  for (const a of Array.from(row.querySelectorAll(S.LIST_PERSON_LINK))) {
    const key = personFromHref(a.getAttribute('href'));
    if (!key) continue;
    if (photo && (photo.key.slug !== key.slug || photo.key.memberId !== key.memberId)) break;
    const found = nameIn(a);
    if (found) return { link: a, nameEl: found.el, name: found.name, key };
    photo ??= { link: a, key, alt: cleanName(a.querySelector('img')?.getAttribute('alt')) };
  }
  // Only a photo links to the member (some 2025 cards): its alt text is the name.
  return photo?.alt && !isRowNoise(photo.alt) ? { link: photo.link, nameEl: photo.link, name: photo.alt, key: photo.key } : null;
}

/** Visible texts after `from` inside `row`, in order: the leaf blocks a sighted rep reads as lines. */
export function textsAfter(row: Element, from: Element, max: number, skip: readonly string[] = []): string[] {
  const out: string[] = [];
  let taken: Element | null = null;
  for (const el of Array.from(row.querySelectorAll(S.ROW_TEXT))) {
    if (taken?.contains(el)) continue;
    const pos = from.compareDocumentPosition(el);
    if (!(pos & 4) || pos & 16) continue; // not after the name, or inside it
    if (el.closest(S.ROW_SKIP)) continue;
    if (!directText(el) && el.querySelector(S.ROW_TEXT)) continue; // a wrapper: its children come next
    const text = visibleText(el);
    if (!text || isRowNoise(text) || out.includes(text) || skip.includes(text)) continue;
    taken = el;
    out.push(text);
    if (out.length >= max) break;
  }
  return out;
}

/** The first match of a selector list inside the row, as visible text. */
export function textOf(row: Element, list: readonly string[]): string {
  for (const sel of list) {
    const el = row.querySelector(sel);
    const text = el ? visibleText(el) : '';
    if (text && !isRowNoise(text)) return text;
  }
  return '';
}

/** "VP Sales at Acme | Speaker" → title "VP Sales", company "Acme" (a company name starts with a capital or digit). */
export function splitHeadline(headline: string | null): { title: string | null; company: string | null } {
  if (!headline) return { title: null, company: null };
  for (const part of headline.split(/\s+[|•·]\s+/)) {
    const m = /^(.+?)\s+(?:at|di|bei|chez)\s+(.+)$/i.exec(part) ?? /^(.+?)\s*@\s*(.+)$/.exec(part);
    if (m && /^[\p{Lu}\d]/u.test(m[2]!)) return { title: cap(clean(m[1]), 200), company: cap(clean(m[2]), 200) };
  }
  return { title: null, company: null };
}

export interface RowOptions {
  headline?: readonly string[];
  location?: readonly string[];
  /** The row shows a location line after the headline (search results do; most cards do not). */
  withLocation?: boolean;
}

/** A person as a generic row shows them: link, name, headline, optional location. */
export function readRow(surface: Surface, row: Element, o: RowOptions = {}): ListPerson | null {
  const p = personLink(row);
  if (!p) return null;
  let headline = o.headline ? textOf(row, o.headline) : '';
  let location = o.location ? textOf(row, o.location) : '';
  if (!headline || (o.withLocation && !location)) {
    const texts = textsAfter(row, p.nameEl, 2, [p.name, headline, location]);
    if (!headline) headline = texts.shift() ?? '';
    if (o.withLocation && !location) location = texts[0] ?? '';
  }
  const h = headline ? cap(headline, MAX_HEADLINE) : null;
  return {
    surface,
    row,
    anchor: p.link,
    slug: p.key.slug,
    memberId: p.key.memberId,
    name: p.name,
    headline: h,
    ...splitHeadline(h),
    location: o.withLocation && location ? cap(location, MAX_LOCATION) : null,
  };
}

/** Every element matching any selector of the list, in document order, without one nested in another match. */
export function rowsOf(doc: Document, list: readonly string[]): Element[] {
  const sel = list.join(', ');
  return Array.from(doc.querySelectorAll(sel)).filter((el) => !el.parentElement?.closest(sel));
}
