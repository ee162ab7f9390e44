// Whom a list row's link names, and who the viewer is. LinkedIn links people by vanity slug
// (`/in/jane-doe-1a2b`) or, in some lists and all of Sales Navigator, by an opaque member id
// (`/in/ACoAA…`, `/sales/lead/ACwAA…,NAME_SEARCH,x`). Ids are case-sensitive, so they are read from
// the raw path, never through the lower-casing slug canonicaliser.
import { canonicalSlug, memberIdOf } from '../url';
import * as S from '../selectors';

export interface PersonKey {
  slug: string | null;
  memberId: string | null;
}

/** Query parameters of slug links that also carry the member's URN (2021–25 search and reactions rows). */
const URN_PARAMS = ['miniProfileUrn', 'profileUrn'];

/**
 * The person a link names, or null for anything else (companies, hashtags, search links). A link by
 * id (`/in/ACoA…`, a Sales Navigator lead) gives the id only; a link by slug gives the slug, and the id
 * too when its query carries the member's URN.
 */
export function personFromHref(href: string | null | undefined): PersonKey | null {
  if (!href) return null;
  const byId = memberIdOf(href);
  if (byId) return { slug: null, memberId: byId };
  const slug = canonicalSlug(href);
  if (!slug) return null;
  let memberId: string | null = null;
  try {
    const q = new URL(href, 'https://www.linkedin.com/').searchParams;
    for (const name of URN_PARAMS) memberId ??= memberIdOf(q.get(name));
  } catch {
    // a malformed query names no id
  }
  return { slug, memberId };
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
