// A LinkedIn company page (/company/<slug>/ and its About and People tabs) read for the company chip:
// the company's name, industry, size band, headquarters, website and followers. Pure DOM reading,
// layered like the profile extractor (DESIGN.md §4): structured data (public pages' JSON-LD) → the
// About tab's labelled list → the top card's short facts, classified by their wording → the title.
// Selectors live in ./selectors.ts; no zod here (content-script bundle). The store validates again.
import { visibleText } from './dom';
import * as S from './selectors';
import { clean } from './text';

export interface CompanyDraft {
  slug: string;
  name: string;
  industry: string | null;
  size: string | null;
  headquarters: string | null;
  website: string | null;
  followers: number | null;
}

export type CompanyReadResult = { ok: true; company: CompanyDraft } | { ok: false; reason: 'not-company-page' | 'not-rendered' };

const MAX = { name: 160, industry: 120, size: 60, headquarters: 160 } as const;

/** The company slug of a LinkedIn company URL (`/company/<slug>/…`), lower-cased; null for anything else. */
export function companySlugFromUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url, 'https://www.linkedin.com');
  } catch {
    return null;
  }
  const host = u.hostname.replace(/\.$/, '');
  if (!/^(?:(?:www|m|[a-z]{2})\.)?linkedin\.com$/.test(host) || (u.protocol !== 'https:' && u.protocol !== 'http:')) return null;
  const seg = u.pathname.split('/');
  if (seg[1] !== 'company' || !seg[2]) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(seg[2]);
  } catch {
    return null;
  }
  slug = slug.normalize('NFC').toLowerCase();
  // "setup" is the page for creating a company page, not a company.
  if (slug === 'setup' || slug.length > 200 || /[\s/\\?#%<>"'`\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/.test(slug)) return null;
  return slug;
}

const cut = (s: string | null | undefined, max: number): string | null => {
  const c = clean(s ?? '');
  return c ? c.slice(0, max) : null;
};

/** "12,345 followers", "1.2K followers", "12 rb pengikut" → the number; null when it is not a follower count. */
export function parseFollowers(text: string): number | null {
  const m = /([\d][\d.,]*)\s*(k|m|rb|jt|ribu|juta)?\s+(?:followers|pengikut)\b/i.exec(text);
  if (!m) return null;
  const unit = (m[2] ?? '').toLowerCase();
  const scale = unit === 'k' || unit === 'rb' || unit === 'ribu' ? 1e3 : unit === 'm' || unit === 'jt' || unit === 'juta' ? 1e6 : 1;
  let digits = m[1]!;
  if (scale === 1) digits = digits.replace(/[.,]/g, '');
  else digits = digits.replace(',', '.');
  const n = Math.round(Number(digits) * scale);
  return Number.isFinite(n) && n >= 0 && n <= 1e10 ? n : null;
}

/** "51-200 employees", "10,001+ employees", "51-200 karyawan" → the band as LinkedIn words it; null otherwise. */
export function parseSize(text: string): string | null {
  const m = /\b(\d[\d,.]*\s*(?:-|–)\s*\d[\d,.]*|\d[\d,.]*\+)\s+(employees|karyawan)\b/i.exec(text);
  return m ? `${m[1]!.replace(/\s*[-–]\s*/, '-')} ${m[2]!.toLowerCase()}` : null;
}

/** A company website as a link gives it: http(s) only; LinkedIn's redirect wrapper is unwrapped. */
export function websiteOf(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    let u = new URL(href, 'https://www.linkedin.com');
    if (/(^|\.)linkedin\.com$/.test(u.hostname) && u.pathname.startsWith('/redir/redirect')) {
      const inner = u.searchParams.get('url');
      if (!inner) return null;
      u = new URL(inner);
    }
    if ((u.protocol !== 'https:' && u.protocol !== 'http:') || /(^|\.)linkedin\.com$/.test(u.hostname) || u.username || u.password) return null;
    return u.href.length <= 2048 ? u.href : null;
  } catch {
    return null;
  }
}

function firstIn(root: ParentNode, list: S.SelectorList): Element | null {
  for (const sel of list) {
    const el = root.querySelector(sel);
    if (el && !el.closest(S.COMPANY_ASIDE)) return el;
  }
  return null;
}

export function findCompanyTopCard(doc: Document): Element | null {
  return firstIn(doc, S.COMPANY_TOP_CARD);
}

/** The element the chip is mounted after: the company's name in its top card. */
export function findCompanyAnchor(doc: Document): Element | null {
  const card = findCompanyTopCard(doc);
  if (!card) return null;
  const name = firstIn(card, S.COMPANY_NAME);
  return name && visibleText(name).trim() ? name : null;
}

interface Facts {
  name?: string | null;
  industry?: string | null;
  size?: string | null;
  headquarters?: string | null;
  website?: string | null;
  followers?: number | null;
}

/** Public pages: a JSON-LD Organization. */
function fromJsonLd(doc: Document): Facts {
  for (const script of Array.from(doc.querySelectorAll(S.JSON_LD))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const nodes = Array.isArray((data as { '@graph'?: unknown })?.['@graph']) ? (data as { '@graph': unknown[] })['@graph'] : [data];
    for (const n of nodes) {
      const o = n as Record<string, unknown> | null;
      if (!o || typeof o !== 'object' || o['@type'] !== 'Organization') continue;
      const address = o.address as Record<string, unknown> | undefined;
      const place = address && typeof address === 'object' ? [address.addressLocality, address.addressRegion].filter((x) => typeof x === 'string' && x).join(', ') : '';
      const sameAs = Array.isArray(o.sameAs) ? o.sameAs[0] : o.sameAs;
      return {
        name: typeof o.name === 'string' ? o.name : null,
        headquarters: place || null,
        website: typeof sameAs === 'string' ? websiteOf(sameAs) : null,
      };
    }
  }
  return {};
}

const LABELS: Record<string, keyof Facts> = {
  website: 'website',
  'situs web': 'website',
  industry: 'industry',
  industri: 'industry',
  'company size': 'size',
  'ukuran perusahaan': 'size',
  headquarters: 'headquarters',
  'kantor pusat': 'headquarters',
};

/** The About tab: a definition list of labelled facts (English and Indonesian labels). */
function fromAbout(doc: Document): Facts {
  const out: Facts = {};
  for (const dl of Array.from(doc.querySelectorAll(S.COMPANY_ABOUT_LIST))) {
    if (dl.closest(S.COMPANY_ASIDE)) continue;
    let key: keyof Facts | undefined;
    for (const el of Array.from(dl.children)) {
      if (el.matches(S.COMPANY_ABOUT_TERM)) key = LABELS[clean(visibleText(el)).toLowerCase()];
      else if (el.matches(S.COMPANY_ABOUT_VALUE) && key) {
        const text = clean(visibleText(el));
        if (key === 'website') out.website ??= websiteOf(el.querySelector(S.LINK)?.getAttribute('href')) ?? websiteOf(text);
        else if (key === 'size') out.size ??= parseSize(text);
        else if (key === 'industry' || key === 'headquarters') out[key] ??= text || null;
        // A second dd under one dt ("312 associated members") belongs to nobody.
        if (key !== 'size') key = undefined;
      }
    }
  }
  for (const [key, sel] of Object.entries(S.COMPANY_PUBLIC_FACT) as [keyof typeof S.COMPANY_PUBLIC_FACT, string][]) {
    const el = doc.querySelector(sel);
    if (!el) continue;
    const text = clean(visibleText(el));
    if (key === 'website') out.website ??= websiteOf(el.querySelector(S.LINK)?.getAttribute('href')) ?? websiteOf(text);
    else if (key === 'size') out.size ??= parseSize(text);
    else out[key] ??= text || null;
  }
  return out;
}

/**
 * The top card's short facts, by their wording: a follower count, an employee band, and otherwise the
 * industry first and the headquarters second (the order every vintage shows them in).
 */
function fromTopCard(card: Element, name: string): Facts {
  const out: Facts = {};
  const texts: string[] = [];
  for (const sel of S.COMPANY_INFO_ITEMS) {
    const items = Array.from(card.querySelectorAll(sel));
    if (!items.length) continue;
    for (const el of items) {
      // One public subline holds them all: "Software Development · Jakarta · 12,345 followers".
      for (const part of clean(visibleText(el)).split(/\s+·\s+/)) if (part) texts.push(part);
    }
    break;
  }
  const rest: string[] = [];
  for (const text of texts) {
    const followers = parseFollowers(text);
    const size = parseSize(text);
    if (followers !== null) out.followers ??= followers;
    else if (size) out.size ??= size;
    // The name, a tagline (a sentence: LinkedIn's industry and place names never end like one) and
    // counts of people are not facts.
    else if (
      text !== name &&
      text.length <= 80 &&
      !/[.!?…]$/.test(text) &&
      !/\d+\s+(?:associated members|employees|karyawan|connections|koneksi)/i.test(text)
    )
      rest.push(text);
  }
  if (!out.size) {
    for (const a of Array.from(card.querySelectorAll(S.COMPANY_EMPLOYEES_LINK))) {
      const size = parseSize(clean(visibleText(a)));
      if (size) {
        out.size = size;
        break;
      }
    }
  }
  out.industry = rest[0] ?? null;
  out.headquarters = rest[1] ?? null;
  out.website = websiteOf(card.querySelector(S.COMPANY_WEBSITE_ACTION)?.getAttribute('href'));
  return out;
}

/** "(3) Nusantara Logistik: About | LinkedIn" → "Nusantara Logistik". */
export function companyNameFromTitle(title: string): string {
  return clean(
    title
      .replace(/^\(\d+\+?\)\s*/, '')
      .replace(/\s*\|\s*LinkedIn\s*$/i, '')
      .replace(/:\s*(?:Overview|About|People|Posts|Jobs|Life|Ringkasan|Tentang|Orang|Postingan|Lowongan)\s*$/i, ''),
  );
}

/** What the company page in view shows, or why it cannot be read yet. */
export function readCompany(doc: Document, url: string): CompanyReadResult {
  const slug = companySlugFromUrl(url);
  if (!slug) return { ok: false, reason: 'not-company-page' };
  const card = findCompanyTopCard(doc);
  const anchor = findCompanyAnchor(doc);
  const ld = fromJsonLd(doc);
  const name = cut(ld.name, MAX.name) ?? cut(anchor ? visibleText(anchor) : null, MAX.name);
  if (!card || !name) return { ok: false, reason: 'not-rendered' };
  const about = fromAbout(doc);
  const top = fromTopCard(card, name);
  return {
    ok: true,
    company: {
      slug,
      name,
      industry: cut(about.industry ?? top.industry, MAX.industry),
      size: cut(about.size ?? top.size, MAX.size),
      headquarters: cut(about.headquarters ?? ld.headquarters ?? top.headquarters, MAX.headquarters),
      website: about.website ?? ld.website ?? top.website ?? null,
      followers: top.followers ?? null,
    },
  };
}
