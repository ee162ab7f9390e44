// Cleaning for text read off LinkedIn pages. Page text is hostile (DESIGN.md §2): anything a member
// typed can carry control characters, bidi overrides that reorder what the rep sees, or markup.
// Everything here returns plain text; callers render it escaped.

/**
 * C0/C1 controls, bidi embeddings/overrides/isolates and marks, zero-width space, soft hyphen, BOM,
 * line/paragraph separators and interlinear annotation. ZWJ/ZWNJ stay: Indic and Persian names and
 * emoji sequences need them.
 */
const INVISIBLE =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;

/** Strip invisible/bidi characters and collapse all whitespace (incl. NBSP, ideographic) to one space. */
export function clean(s: string | null | undefined): string {
  if (!s) return '';
  return s.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
}

/** Cap to `max` code points (never splitting a surrogate pair); a cut value ends with "…". */
export function cap(s: string, max: number): string {
  const cps = Array.from(s);
  if (cps.length <= max) return s;
  return (
    cps
      .slice(0, max - 1)
      .join('')
      .trimEnd() + '…'
  );
}

const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|amp|lt|gt|quot|apos|nbsp);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Undo HTML escaping left in attribute/JSON text. LinkedIn has served og:title escaped twice
 * ("O&amp;#39;Brien" in the source, "O&#39;Brien" after parsing), so decode until stable (max 3 rounds).
 */
export function decodeEntities(s: string): string {
  for (let i = 0; i < 3 && s.includes('&'); i++) {
    const next = s.replace(ENTITY, (_, e: string) => {
      if (e[0] !== '#') return NAMED[e.toLowerCase()] ?? '';
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
    });
    if (next === s) break;
    s = next;
  }
  return s;
}

/** Pronouns shown beside the name: "(She/Her)", "he/him", "They/Them/Theirs". */
const PRONOUNS = /[([]?\b(?:she|he|they|ze|xe|dia)\s*\/\s*(?:her|hers|him|his|them|theirs|hir|xem|dia)(?:\s*\/\s*\w+)?\b[)\]]?/gi;
/** Connection degree and badges that sit in the name row: "· 2nd", "1st degree connection", "Verified". */
const NAME_NOISE =
  /(?:^|\s)(?:·\s*)?(?:(?:1st|2nd|3rd\+?)(?:\s+degree(?:\s+connection)?)?|verified(?:\s+(?:identity|profile|member))?|premium(?:\s+member)?)(?=\s|$)/gi;

/** Clean a person's display name; "" when nothing name-like is left. */
export function cleanName(raw: string | null | undefined): string {
  const s = clean(clean(raw).replace(PRONOUNS, ' ').replace(NAME_NOISE, ' ')).replace(/^[\s·|,–—-]+|[\s·|,–—-]+$/g, '');
  return cap(s, 120);
}

/** Short UI noise that is never a headline or location. */
export function isNoise(s: string): boolean {
  return (
    s.length < 2 ||
    /^[·•|\-–—\s]*$/.test(s) ||
    clean(s.replace(PRONOUNS, '').replace(NAME_NOISE, '')) === '' ||
    /^\d[\d.,]*\+?\s*(?:connections?|followers?|koneksi|pengikut)$/i.test(s) ||
    /^contact info$|^info kontak$/i.test(s)
  );
}

/**
 * Strip the notification count "(3) "/"(99+) " and " | LinkedIn"; on public pages the title is
 * "Name - Company | LinkedIn", so also cut at the first spaced dash there.
 */
export function nameFromTitle(title: string, isPublic: boolean): string {
  let s = clean(decodeEntities(title))
    .replace(/^\(\d+\+?\)\s*/, '')
    // Pre-2019 public pages ended in " - LinkedIn" / " – LinkedIn" rather than " | LinkedIn".
    .replace(/\s+[|–—-]\s*LinkedIn\s*$/i, '');
  if (/^LinkedIn$/i.test(s) || s.includes(' | ')) return '';
  if (isPublic) s = s.split(/ [-–—] /)[0] ?? '';
  return cleanName(s);
}

/** For comparing names across sources that differ only in case or apostrophe style (O'Brien vs O’Brien). */
export const loose = (s: string) => s.toLowerCase().replace(/[’‘`´ʼ]/g, "'");
