// Structured data a profile page carries (DESIGN.md §4, first layer). Each reader returns data only
// when it provably describes the member in the URL: LinkedIn is a single-page app, so head tags and
// embedded API payloads can be left over from an earlier page or describe the viewer.

import { canonicalSlug, memberIdOf } from './url';
import { decodeEntities } from './text';
import * as S from './selectors';

type Json = Record<string, unknown>;

export interface Structured {
  name?: string;
  headline?: string;
  title?: string;
  company?: string;
  /** The current employer's LinkedIn page (`worksFor[].url`), when the data gives one. */
  companyUrl?: string;
  location?: string;
  photo?: string;
  /** The member id, when the payload ties one to the slug (a MiniProfile's `urn:li:fs_miniProfile:<id>`). */
  memberId?: string;
}

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? decodeEntities(v) : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v == null ? [] : [v]);

function parseJson(text: string | null): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}

/** schema.org Person from JSON-LD (public profiles, 2019–25), only if its url/sameAs is this slug. */
export function readJsonLd(doc: Document, slug: string): Structured | null {
  for (const script of Array.from(doc.querySelectorAll(S.JSON_LD))) {
    const root = parseJson(script.textContent);
    const nodes = list(root).flatMap((n) => (isObj(n) && Array.isArray(n['@graph']) ? n['@graph'] : [n]));
    for (const n of nodes) {
      if (!isObj(n) || !list(n['@type']).includes('Person')) continue;
      const urls = [...list(n.url), ...list(n.sameAs)].map(str);
      if (!urls.some((u) => canonicalSlug(u) === slug)) continue;
      const current = list(n.worksFor).find((o) => isObj(o) && !(isObj(o.member) && o.member.endDate));
      const addr = isObj(n.address) ? n.address : {};
      const locality = str(addr.addressLocality);
      const country = str(addr.addressCountry);
      const img = n.image;
      return {
        name: str(n.name),
        title: str(list(n.jobTitle)[0]),
        company: isObj(current) ? str(current.name) : '',
        companyUrl: isObj(current) ? str(current.url) : '',
        // addressCountry is often a two-letter code; only a spelled-out country adds information.
        location: country.length > 2 && !locality.includes(country) ? [locality, country].filter(Boolean).join(', ') : locality,
        photo: isObj(img) ? str(img.contentUrl) || str(img.url) : str(img),
      };
    }
  }
  return null;
}

/** og:/profile: meta tags, trusted only when the page's canonical or og:url names this slug. */
export function readMeta(doc: Document, slug: string): { first: string; last: string; ogTitle: string; ogImage: string } | null {
  const attr = (sel: string, a = 'content') => str(doc.querySelector(sel)?.getAttribute(a));
  const owner = canonicalSlug(attr(S.CANONICAL, 'href')) ?? canonicalSlug(attr(S.META_OG_URL));
  if (owner !== slug) return null;
  return {
    first: attr(S.META_FIRST_NAME),
    last: attr(S.META_LAST_NAME),
    ogTitle: attr(S.META_OG_TITLE),
    ogImage: attr(S.META_OG_IMAGE),
  };
}

/** Largest rendition of a Voyager vector image ({ rootUrl, artifacts[] }) found inside `v`. */
function vectorImage(v: unknown, depth = 0): string {
  if (!isObj(v) || depth > 5) return '';
  if (typeof v.rootUrl === 'string' && Array.isArray(v.artifacts)) {
    let best: Json | undefined;
    for (const a of v.artifacts) if (isObj(a) && (!best || Number(a.width) > Number(best.width))) best = a;
    return best ? v.rootUrl + str(best.fileIdentifyingUrlPathSegment) : '';
  }
  for (const k of Object.keys(v)) {
    const found = vectorImage(v[k], depth + 1);
    if (found) return found;
  }
  return '';
}

/**
 * Voyager payloads in `code[id^="bpr-guid-"]` (logged-in, 2017–23). The member entity is the one whose
 * publicIdentifier equals the slug; in 2017–19 payloads it is a MiniProfile (occupation) that a full
 * Profile entity (headline, locationName) points at through `miniProfile`.
 */
export function readEmbedded(doc: Document, slug: string): Structured | null {
  const entities: Json[] = [];
  for (const code of Array.from(doc.querySelectorAll(S.EMBEDDED_JSON))) {
    const payload = parseJson(code.textContent);
    if (!isObj(payload)) continue;
    for (const e of [...list(payload.data), ...list(payload.included)]) if (isObj(e)) entities.push(e);
  }
  const me = entities.find((e) => typeof e.publicIdentifier === 'string' && e.publicIdentifier.normalize('NFC').toLowerCase() === slug);
  if (!me) return null;
  const urn = me.entityUrn;
  const full = entities.find((e) => e !== me && urn && (e.miniProfile === urn || e['*miniProfile'] === urn)) ?? {};
  const pick = (k: string) => str(full[k]) || str(me[k]);
  // Normalized payloads reference the geo entity by urn ("*geo") instead of embedding it.
  const gl = isObj(me.geoLocation) ? me.geoLocation : {};
  const geoEntity = isObj(gl.geo) ? gl.geo : entities.find((e) => gl['*geo'] && e.entityUrn === gl['*geo']);
  const geo = geoEntity ? str(geoEntity.defaultLocalizedName) : '';
  return {
    name: [pick('firstName'), pick('lastName')].filter(Boolean).join(' '),
    headline: pick('headline') || pick('occupation'),
    location: pick('locationName') || pick('geoLocationName') || geo,
    photo: vectorImage(me.profilePicture) || vectorImage(me.picture) || vectorImage(full.profilePicture),
    ...(memberIdOf(str(urn)) ? { memberId: memberIdOf(str(urn))! } : {}),
  };
}
