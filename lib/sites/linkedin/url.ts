// URL predicates and member identity (DESIGN.md §3). The slug is the dedup key, so every way of
// writing the same profile URL must give the same slug, and anything that is not a member profile
// must give none.
//
// Decision on old public URLs (`/pub/first-last/a/b/c`): they are NOT profile URLs here. LinkedIn
// 301-redirects them to `/in/…`, but the vanity slug cannot be derived from the path without asking
// LinkedIn, which Jalur never does; a rep who opens one lands on the `/in/` URL and is matched there.

const MAX_URL = 2048;

/** Hosts that serve member profiles: bare, www, mobile and two-letter country subdomains (id., uk., de.). */
const PROFILE_HOST = /^(?:(?:www|m|[a-z]{2})\.)?linkedin\.com$/;

function parse(input: string): URL | null {
  let s = input.trim();
  if (!s || s.length > MAX_URL) return null;
  if (s.startsWith('//')) s = 'https:' + s;
  else if (s.startsWith('/')) s = 'https://www.linkedin.com' + s;
  // What reps paste: "linkedin.com/in/x" without a scheme.
  else if (/^(?:[a-z0-9-]+\.)*linkedin\.com\//i.test(s)) s = 'https://' + s;
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

function host(u: URL): string {
  return u.hostname.replace(/\.$/, '');
}

/** Any http(s) page on linkedin.com or one of its subdomains; lookalikes such as linkedin.com.evil.io are not. */
export function isLinkedInHost(url: string): boolean {
  const u = parse(url);
  if (!u) return false;
  const h = host(u);
  return h === 'linkedin.com' || h.endsWith('.linkedin.com');
}

function slugOf(u: URL): string | null {
  if (!PROFILE_HOST.test(host(u))) return null;
  const seg = u.pathname.split('/');
  // seg[0] is the empty string before the leading slash. /mwlite/in/<slug> was the 2018–2021 lite site.
  const i = seg[1] === 'in' ? 2 : seg[1] === 'mwlite' && seg[2] === 'in' ? 3 : -1;
  const raw = i > 0 ? seg[i] : undefined;
  if (!raw) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(raw);
  } catch {
    return null; // malformed percent-encoding: not a key we could ever match again
  }
  // NFC so a decomposed "u + ¨" and a precomposed "ü" are one person.
  slug = slug.normalize('NFC').toLowerCase();
  if (slug.length > 200 || /[\s/\\?#%<>"'`\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/.test(slug)) return null;
  return slug;
}

/** A LinkedIn member profile (`/in/<slug>` and its subpages) on a LinkedIn profile host, http(s) only. */
export function isProfileUrl(url: string): boolean {
  const u = parse(url);
  return !!u && /^[a-z]/i.test(url.trim()) && slugOf(u) !== null;
}

/**
 * The canonical member slug of a profile URL or path (`/in/x/…`): percent-decoded, NFC, lower-cased,
 * query/fragment/subpath ignored. Null when it is not a member profile or the slug is malformed.
 */
export function canonicalSlug(urlOrPath: string): string | null {
  const u = parse(urlOrPath);
  return u ? slugOf(u) : null;
}

/** The one URL Jalur stores for a member. */
export function profileUrl(slug: string): string {
  return `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`;
}

/**
 * Search results and some links use the member's opaque id (`/in/ACoAA…`) instead of the vanity slug.
 * It is a valid key for that link but will not match the vanity slug seen on the profile itself.
 */
export function isOpaqueMemberId(slug: string): boolean {
  return /^acoa[a-z0-9_-]{20,}$/i.test(slug);
}

// ── Member ids (a third identity key beside the slug and e-mail) ──
//
// LinkedIn's opaque member id as pages write it: `ACoA…` in profile URNs and `/in/<id>` links,
// `ACwA…` in Sales Navigator lead URLs (which LinkedIn also opens as `/in/<id>`). Case matters (the
// id is base64-like), so it is kept as written — never lower-cased like a slug. Decision: both forms
// are keys in one space, compared as written; Jalur cannot convert one into the other without asking
// LinkedIn, so a person seen once in Sales Navigator and once on a profile is joined by their slug
// (or by the rep's merge), never guessed.

/** The stored form of a member id: the id exactly as LinkedIn writes it. */
export const MEMBER_ID = /^AC[ow]A[A-Za-z0-9_-]{20,100}$/;

export function isMemberId(s: string): boolean {
  return MEMBER_ID.test(s);
}

/** URN kinds that name a member by id: `urn:li:fsd_profile:<id>`, `fs_miniProfile`, `fs_profile`, `member`… */
const URN = /^urn:li:(?:fsd_profile|fs_miniProfile|fs_profile|fsd_miniProfile|fs_salesProfile|fsd_salesProfile|member|person):\(?([A-Za-z0-9_-]+)/;
/** Query parameters some links carry the member's URN or id in. */
const ID_PARAMS = ['profileUrn', 'miniProfileUrn', 'memberUrn', 'recipient', 'profileId'];

function idIn(segment: string | undefined): string | null {
  if (!segment) return null;
  let s: string;
  try {
    s = decodeURIComponent(segment);
  } catch {
    return null;
  }
  // Sales Navigator: `/sales/lead/<id>,NAME_SEARCH,<x>` and `urn:li:fs_salesProfile:(<id>,NAME_SEARCH,<x>)`.
  const id = s.split(',')[0]!;
  return isMemberId(id) ? id : null;
}

/**
 * The member id a URL, path or URN names, case kept; null when it names none. Reads `/in/<id>/`
 * (and its subpages), Sales Navigator `/sales/lead/<id>,…` and `/sales/people/<id>,…`, URNs
 * (`urn:li:fsd_profile:<id>`, percent-encoded too) and a URN or id in the query (`?profileUrn=…`).
 */
export function memberIdOf(urlOrUrn: string | null | undefined): string | null {
  if (!urlOrUrn) return null;
  const raw = urlOrUrn.trim();
  if (raw.length > MAX_URL) return null;
  if (/^urn(?::|%3a)/i.test(raw)) {
    let urn = raw;
    try {
      urn = decodeURIComponent(raw);
    } catch {
      return null;
    }
    const m = URN.exec(urn);
    return m ? idIn(m[1]) : null;
  }
  const u = parse(raw);
  if (!u) return null;
  const h = host(u);
  if (h !== 'linkedin.com' && !h.endsWith('.linkedin.com')) return null;
  const seg = u.pathname.split('/');
  if (seg[1] === 'in' || (seg[1] === 'mwlite' && seg[2] === 'in')) {
    if (!PROFILE_HOST.test(h)) return null;
    return idIn(seg[1] === 'in' ? seg[2] : seg[3]);
  }
  if (seg[1] === 'sales' && (seg[2] === 'lead' || seg[2] === 'people')) return idIn(seg[3]);
  for (const name of ID_PARAMS) {
    const v = u.searchParams.get(name);
    if (!v) continue;
    const id = isMemberId(v) ? v : memberIdOf(v);
    if (id) return id;
  }
  return null;
}

/**
 * Both keys a profile URL gives: a vanity slug, or a member id when the URL names the member by id
 * (then there is no slug: an id lower-cased into a "slug" would never match the person's real slug).
 */
export function profileKeys(urlOrPath: string | null | undefined): { slug: string | null; memberId: string | null } {
  if (!urlOrPath) return { slug: null, memberId: null };
  const memberId = memberIdOf(urlOrPath);
  if (memberId) return { slug: null, memberId };
  return { slug: canonicalSlug(urlOrPath), memberId: null };
}
