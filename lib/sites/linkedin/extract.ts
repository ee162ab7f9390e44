// extract(document, url): what the rep would type about the LinkedIn member in view, each field
// tagged with the layer it came from (DESIGN.md §4): structured data → accessibility/analytics
// attributes → headings/title → heuristics. Pure: reads the document, never changes or fetches.
//
// Sources, as used here: 'json-ld' / 'meta' (profile:first_name) / 'og' / 'embedded-json' are
// structured data tied to the slug; 'aria' and 'data-view-name' are attributes LinkedIn keeps for
// screen readers and analytics; 'heading' is visible top-card text located by its markup; 'title'
// is document.title; 'img-alt' is the top-card photo's alt/title; 'heuristic' is position or
// wording ("VP Sales at Acme", the text before "Contact info"); 'overlay-link' is a mailto shown in
// the open contact-info overlay.

import type { DraftField, DraftFieldName, ExtractResult, FieldSource, ProspectDraft } from '../../model/draft';
import { isMemberId, isProfileUrl, memberIdOf, profileKeys, profileUrl } from './url';
import { cap, clean, cleanName, isNoise, loose, nameFromTitle } from './text';
import { cardOwnerHref, findNameElement, findPhoto, findTopCard, first, firstOf, inProfileArea, photoName, visibleText } from './dom';
import { readEmbedded, readJsonLd, readMeta } from './structured';
import { companyLinkSlug, currentPositions, type Position } from './experience';
import { companySlugFromUrl } from './company';
import * as S from './selectors';

type Candidate = [value: string | null | undefined, source: FieldSource];

const LIMIT: Record<DraftFieldName, number> = {
  name: 120,
  headline: 220,
  title: 160,
  company: 160,
  location: 160,
  photoUrl: 2048,
  email: 160,
};

/** First candidate that survives cleaning. */
function pick(field: DraftFieldName, candidates: Candidate[]): DraftField | undefined {
  for (const [raw, source] of candidates) {
    const value = field === 'name' ? cleanName(raw) : cap(clean(raw), LIMIT[field]);
    if (value && !isNoise(value)) return { value, source };
  }
  return undefined;
}

/** Member photos only: https on LinkedIn's media CDN, so showing one never pings a third party. */
function photo(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 2048) return null;
  try {
    const u = new URL(raw.trim());
    return u.protocol === 'https:' && u.hostname.endsWith('.licdn.com') && !u.hostname.startsWith('static') ? u.href : null;
  } catch {
    return null;
  }
}

/** "VP Sales at Acme | Speaker" → title "VP Sales", company "Acme". */
function splitHeadline(headline: string): { title: string; company: string } | null {
  for (const part of headline.split(/\s+[|•·]\s+/)) {
    const m = /^(.+?)\s+(?:at|di|bei|chez)\s+(.+)$/i.exec(part) ?? /^(.+?)\s*@\s*(.+)$/.exec(part);
    // "Looking at opportunities", "Bekerja di rumah": a company name starts with a capital or digit.
    if (m && /^[\p{Lu}\d]/u.test(m[2]!)) return { title: m[1]!, company: m[2]! };
  }
  return null;
}

/** 2021–25 label "Current company: Acme Corp. Click to skip to experience card". */
function ariaCompany(card: Element): string {
  const label = first(card, S.CURRENT_COMPANY_ARIA)?.getAttribute('aria-label') ?? '';
  return label.slice('Current company: '.length).replace(/\.?\s*Click to skip to experience card\.?$/i, '');
}

/**
 * The text just before the contact-info link (skipping "·" separators), climbing at most three
 * levels: the location in 2021–26 cards, including obfuscated ones. Never the name or headline,
 * which is what sits there when a member has no location.
 */
function locationBeforeContactInfo(card: Element, skip: string[]): string {
  let node: Node | null = card.querySelector(S.OWNER_LINKS[0]!) ?? card.querySelector(S.OWNER_LINKS[1]!);
  for (let level = 0; node && node !== card && level < 3; level++, node = node.parentNode) {
    for (let sib = node.previousSibling; sib; sib = sib.previousSibling) {
      const text = sib.nodeType === 1 ? visibleText(sib as Element) : clean(sib.textContent).replace(/^[·•|\s]+|[·•|\s]+$/g, '');
      if (!text || isNoise(text)) continue;
      return skip.some((s) => s && text.includes(s)) ? '' : text;
    }
  }
  return '';
}

/** First text block after the name element that is not name-row noise (pronouns, degree, badges). */
function textAfter(card: Element, nameEl: Element | null, name: string): string {
  if (!nameEl) return '';
  for (const el of Array.from(card.querySelectorAll(S.TEXT_BLOCK))) {
    if (
      !(nameEl.compareDocumentPosition(el) & 4) ||
      nameEl.contains(el) ||
      el.closest(S.CONTROL) ||
      el.closest(S.HIDDEN_TEXT) ||
      !inProfileArea(el)
    )
      continue;
    if (el.querySelector(S.TEXT_BLOCK_CHILD)) continue;
    const text = visibleText(el);
    if (text && text !== name && !isNoise(text) && !/^[·•]/.test(text)) return text;
  }
  return '';
}

const fail = (reason: 'not-a-profile' | 'not-rendered' | 'no-name', detail?: string): ExtractResult =>
  detail ? { ok: false, reason, detail } : { ok: false, reason };

export function extract(doc: Document, url: string): ExtractResult {
  // A profile opened by member id (/in/ACoA…) has no slug in its URL; the card's links may give it.
  const keys = isProfileUrl(url) ? profileKeys(url) : { slug: null, memberId: null };
  let slug = keys.slug;
  if (!slug && !keys.memberId) return fail('not-a-profile');

  const card = findTopCard(doc);
  if (!card) return fail('not-rendered');
  // After in-app navigation the URL changes before the new card replaces the old one.
  const owner = profileKeys(cardOwnerHref(card));
  if (owner.slug && owner.slug !== slug) {
    if (slug) return fail('not-rendered', `top card belongs to ${owner.slug}`);
    slug = owner.slug;
  }
  if (owner.memberId && keys.memberId && owner.memberId !== keys.memberId) return fail('not-rendered', `top card belongs to ${owner.memberId}`);

  const ld = slug ? readJsonLd(doc, slug) : null;
  const meta = slug ? readMeta(doc, slug) : null;
  const emb = slug ? readEmbedded(doc, slug) : null;
  const memberId = keys.memberId ?? cardMemberId(card) ?? emb?.memberId ?? owner.memberId;
  const isPublic = !!doc.querySelector(S.PUBLIC_PAGE);
  const img = findPhoto(card);
  const titleName = nameFromTitle(doc.title, isPublic);
  const cardText = loose(visibleText(card));
  const nameEl = findNameElement(card, [titleName, cleanName(photoName(img))]);
  const ogName = meta ? nameFromTitle(meta.ogTitle, true) : '';

  const headingName = cleanName(visibleText(nameEl));
  const ariaName = cleanName(first(card, S.ABOUT_PROFILE_LINK)?.getAttribute('aria-label'));

  const fields: ProspectDraft['fields'] = {};
  const name = pick('name', [
    [ld?.name, 'json-ld'],
    [emb?.name, 'embedded-json'],
    [meta && [meta.first, meta.last].filter(Boolean).join(' '), 'meta'],
    [ogName, 'og'],
    // The label wins over the heading it wraps (no pronouns/badges in it) unless they disagree.
    [ariaName && (!headingName || loose(ariaName) === loose(headingName)) ? ariaName : '', 'aria'],
    [headingName, 'heading'],
    // A stale title (SPA) names someone else; trust it only when the card shows that name too.
    [titleName && (cardText.includes(loose(titleName)) || loose(titleName) === loose(cleanName(photoName(img)))) ? titleName : '', 'title'],
    [photoName(img), 'img-alt'],
  ]);
  if (!name) return fail('no-name');
  fields.name = name;

  const headline = pick('headline', [
    [emb?.headline, 'embedded-json'],
    [visibleText(firstOf(card, S.HEADLINE)), 'heading'],
    // A public page marks its headline; without one the text after the name is the location or a
    // sign-in control, not a headline the member wrote.
    [isPublic ? '' : textAfter(card, nameEl, visibleText(nameEl)), 'heuristic'],
  ]);
  const lines = sduiLines(card, nameEl, headline?.value ?? '');
  if (headline) fields.headline = headline;

  const positions = currentPositions(doc);
  const labelled = ariaCompany(card);
  const company = pick('company', [
    [ld?.company, 'json-ld'],
    [labelled, 'aria'],
    [visibleText(firstOf(card, S.COMPANY)), 'heading'],
  ]);
  // With several current positions, the one at the labelled company is the one the card shows.
  const pos = positions.find((p) => company && p.company.toLowerCase() === company.value.toLowerCase()) ?? positions[0];
  const posSource: FieldSource = pos?.viaDataViewName ? 'data-view-name' : 'heuristic';
  const fromHeadline = headline ? splitHeadline(headline.value) : null;
  const title = pick('title', [
    [ld?.title, 'json-ld'],
    [pos?.title, posSource],
    [fromHeadline?.title, 'heuristic'],
  ]);
  if (title) fields.title = title;
  const anyCompany =
    company ??
    pick('company', [
      [pos?.company, posSource],
      [lines.company, 'heuristic'],
      [fromHeadline?.company, 'heuristic'],
    ]);
  if (anyCompany) fields.company = anyCompany;
  const companySlug = anyCompany ? currentCompanySlug(card, anyCompany.value, ld, positions) : null;

  const location = pick('location', [
    [ld?.location, 'json-ld'],
    [emb?.location, 'embedded-json'],
    [visibleText(firstOf(card, S.LOCATION)), 'heading'],
    [locationBeforeContactInfo(card, [name.value, headline?.value ?? '']), 'heuristic'],
    [lines.location, 'heuristic'],
  ]);
  if (location) fields.location = location;

  const alt = cleanName(photoName(img)).toLowerCase();
  const src = img?.getAttribute('src') || img?.getAttribute('data-delayed-url');
  const photoUrl = pick('photoUrl', [
    [photo(ld?.photo), 'json-ld'],
    [photo(meta?.ogImage), 'og'],
    [photo(emb?.photo), 'embedded-json'],
    [photo(src), alt && alt === name.value.toLowerCase() ? 'img-alt' : 'heuristic'],
    [photo(/url\(["']?([^"')]+)/.exec(first(card, S.PHOTO_BACKGROUND)?.getAttribute('style') ?? '')?.[1]), 'heuristic'],
  ]);
  if (photoUrl) fields.photoUrl = photoUrl;

  const email = contactEmail(doc, url);
  if (email) fields.email = { value: email, source: 'overlay-link' };

  const linkedinUrl = profileUrl((slug ?? memberId)!);
  return { ok: true, draft: { site: 'linkedin', slug, ...(memberId ? { memberId } : {}), ...(companySlug ? { companySlug } : {}), linkedinUrl, fields } };
}

/**
 * The slug of the page of the company the draft names, read only where the page ties a link to that
 * same company: the structured data's current employer, the public top card's current-company link,
 * or the experience entry at that company (its logo or name link). Never a link to another company
 * (a past employer, a second current position), and never a numeric id (not the page's slug).
 */
function currentCompanySlug(card: Element, company: string, ld: ReturnType<typeof readJsonLd>, positions: Position[]): string | null {
  const same = (name: string | null | undefined) => !!name && loose(clean(name)) === loose(company);
  if (ld?.companyUrl && same(ld.company)) {
    const slug = companySlugFromUrl(ld.companyUrl);
    if (slug && !/^\d+$/.test(slug)) return slug;
  }
  const link = card.ownerDocument.querySelector(S.TOP_CARD_COMPANY_LINK);
  if (link && (same(visibleText(link)) || same(link.querySelector('img')?.getAttribute('alt')))) {
    const slug = companyLinkSlug(link);
    if (slug) return slug;
  }
  return positions.find((p) => p.companySlug && same(p.company))?.companySlug ?? null;
}

/**
 * The member id the top card names as its own: a 2026 SDUI card's componentkey ("…ref<id>Topcard"),
 * else the card's links that name the owner by id (Message, the owner's connections) when they all
 * agree. Never an `/in/` link in the card: those are mutual connections.
 */
function cardMemberId(card: Element): string | null {
  const key = /ref(AC[ow]A[A-Za-z0-9_-]+?)Topcard$/.exec((card.closest(S.SDUI_TOP_CARD) ?? card).getAttribute('componentkey') ?? '')?.[1];
  if (key && isMemberId(key)) return key;
  const ids = new Set<string>();
  for (const a of Array.from(card.querySelectorAll(S.OWNER_ID_LINKS))) {
    if (!inProfileArea(a)) continue;
    const href = a.getAttribute('href') ?? '';
    const id = memberIdOf(href) ?? connectionOf(href);
    if (id) ids.add(id);
  }
  return ids.size === 1 ? [...ids][0]! : null;
}

/** `?connectionOf=["<id>"]`: whose connections a search lists. */
function connectionOf(href: string): string | null {
  try {
    const raw = new URL(href, 'https://www.linkedin.com/').searchParams.get('connectionOf') ?? '';
    const list: unknown = JSON.parse(raw);
    return Array.isArray(list) && list.length === 1 && typeof list[0] === 'string' && isMemberId(list[0]) ? list[0] : null;
  } catch {
    return null;
  }
}

/**
 * 2026 SDUI cards without class names or a contact-info link: after the name, the headline, the
 * current company and the location are bare paragraphs (counts of followers or connections and
 * controls are not lines). With two lines after the headline they are company and location; with
 * one it is the location (LinkedIn always shows a location, a company only when there is one).
 */
function sduiLines(card: Element, nameEl: Element | null, headline: string): { company: string; location: string } {
  const none = { company: '', location: '' };
  if (!nameEl || !card.matches(S.SDUI_TOP_CARD)) return none;
  const lines: string[] = [];
  for (const p of Array.from(card.querySelectorAll(S.SDUI_LINE))) {
    if (!(nameEl.compareDocumentPosition(p) & 4) || p.closest(S.CONTROL) || p.querySelector(S.CONTROL) || !inProfileArea(p)) continue;
    const text = visibleText(p);
    if (text && !isNoise(text) && !/^[·•]/.test(text)) lines.push(text);
  }
  const after = lines[0] === headline ? lines.slice(1) : lines;
  if (after.length >= 2) return { company: after[0]!, location: after[1]! };
  return { company: '', location: after[0] ?? '' };
}

/** Only an address the open contact-info overlay shows; never one found elsewhere on the page. */
function contactEmail(doc: Document, url: string): string | null {
  const onOverlay = /\/overlay\/contact-info/.test(url);
  const links = [...S.CONTACT_EMAIL.map((s) => doc.querySelector(s)), onOverlay ? doc.querySelector(S.DIALOG_EMAIL) : null];
  for (const a of links) {
    const addr = clean(decodeURIComponentSafe((a?.getAttribute('href') ?? '').slice(7).split('?')[0] ?? '')).toLowerCase();
    if (/^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/.test(addr) && addr.length <= 160) return addr;
  }
  return null;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
