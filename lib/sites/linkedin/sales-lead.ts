// The Sales Navigator lead page (`/sales/lead/<member id>,NAME_SEARCH,…`): whom it shows, for the
// same chip as a profile. The lead URL names the member by id; the page shows the public profile
// link (by slug) in the lead's card or its "View LinkedIn profile" menu item on some vintages, and
// then the person is known by both keys.
import { visibleText } from './dom';
import { isViewer, personFromHref, viewerOf } from './lists/identity';
import * as S from './selectors';
import { cap, clean, cleanName, isNoise } from './text';
import { memberIdOf } from './url';

export interface SalesLead {
  memberId: string;
  slug: string | null;
  name: string;
  headline: string | null;
  /** The chip goes right after the name. */
  anchor: Element;
}

export function isSalesLeadUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return /(^|\.)linkedin\.com$/.test(u.hostname) && u.pathname.startsWith('/sales/lead/');
  } catch {
    return false;
  }
}

function firstIn(root: ParentNode, list: S.SelectorList): Element | null {
  for (const sel of list) {
    const el = root.querySelector(sel);
    if (el) return el;
  }
  return null;
}

const VIEW_PROFILE = /^(?:view linkedin profile|lihat profil linkedin)$/i;

/** The lead in view, or null off a lead page or while its card has not rendered. */
export function readSalesLead(doc: Document, url: string): SalesLead | null {
  if (!isSalesLeadUrl(url)) return null;
  const memberId = memberIdOf(url);
  if (!memberId) return null;
  const card = firstIn(doc, S.SALES_LEAD_CARD);
  if (!card) return null;
  const nameEl = firstIn(card, S.SALES_LEAD_NAME);
  const name = nameEl ? cleanName(visibleText(nameEl)) : '';
  if (!nameEl || !name) return null;
  const line = card.querySelector(S.SALES_LEAD_HEADLINE);
  const headline = line ? clean(visibleText(line)) : '';
  // The public profile link: inside the lead's card, or anywhere labelled "View LinkedIn profile";
  // never the viewer's own (the user menu links to it too).
  const viewer = viewerOf(doc);
  let slug: string | null = null;
  for (const a of Array.from(doc.querySelectorAll(S.SALES_LEAD_PROFILE_LINK))) {
    if (!card.contains(a) && !VIEW_PROFILE.test(clean(a.textContent))) continue;
    const key = personFromHref(a.getAttribute('href'));
    if (!key?.slug || isViewer(viewer, key)) continue;
    slug = key.slug;
    break;
  }
  return { memberId, slug, name, headline: headline && !isNoise(headline) ? cap(headline, 300) : null, anchor: nameEl };
}
