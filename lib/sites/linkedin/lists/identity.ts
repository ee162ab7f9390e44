// Whom a list row's link names, and who the viewer is. LinkedIn links people by vanity slug
// (`/in/jane-doe-1a2b`) or, in some lists and all of Sales Navigator, by an opaque member id
// (`/in/ACoAA…`, `/sales/lead/ACwAA…,NAME_SEARCH,x`). Ids are case-sensitive, so they are read from
// the raw path, never through the lower-casing slug canonicaliser.
import { canonicalSlug } from '../url';
import * as S from '../selectors';

export interface PersonKey {
  slug: string | null;
  memberId: string | null;
}

/** `ACoA…` (profile URN id) or `ACwA…` (Sales Navigator), as the identity key is stored (url.ts). */
const MEMBER_ID = /^AC[ow]A[A-Za-z0-9_-]{20,100}$/;

export function isMemberId(s: string): boolean {
  return MEMBER_ID.test(s);
}

function pathOf(href: string): string | null {
  try {
    const u = new URL(href, 'https://www.linkedin.com/');
    const h = u.hostname;
    if (h !== 'linkedin.com' && !h.endsWith('.linkedin.com')) return null;
    return u.pathname;
  } catch {
    return null;
  }
}

/** The person a link names, or null for anything else (companies, hashtags, search links, overlays of the viewer). */
export function personFromHref(href: string | null | undefined): PersonKey | null {
  if (!href) return null;
  const path = pathOf(href);
  if (!path) return null;
  const seg = path.split('/');
  if (seg[1] === 'in' && seg[2]) {
    let raw: string;
    try {
      raw = decodeURIComponent(seg[2]);
    } catch {
      return null;
    }
    if (isMemberId(raw)) return { slug: null, memberId: raw };
    const slug = canonicalSlug(path);
    return slug ? { slug, memberId: null } : null;
  }
  if (seg[1] === 'sales' && (seg[2] === 'lead' || seg[2] === 'people') && seg[3]) {
    const id = seg[3].split(',')[0] ?? '';
    return isMemberId(id) ? { slug: null, memberId: id } : null;
  }
  return null;
}

export interface Viewer {
  slugs: Set<string>;
  memberIds: Set<string>;
}

/** The logged-in member, from links only the viewer's own chrome carries (global nav "Me", identity card). */
export function viewerOf(doc: Document): Viewer {
  const v: Viewer = { slugs: new Set(), memberIds: new Set() };
  for (const a of Array.from(doc.querySelectorAll(S.VIEWER_LINKS.join(', ')))) {
    const k = personFromHref(a.getAttribute('href'));
    if (k?.slug) v.slugs.add(k.slug);
    if (k?.memberId) v.memberIds.add(k.memberId);
  }
  return v;
}

export function isViewer(v: Viewer, k: PersonKey): boolean {
  return (!!k.slug && v.slugs.has(k.slug)) || (!!k.memberId && v.memberIds.has(k.memberId));
}

/** One key string per person (slug first): how marks and selections are kept. */
export function keyOf(k: PersonKey): string {
  return k.slug ? `s:${k.slug}` : `m:${k.memberId ?? ''}`;
}
