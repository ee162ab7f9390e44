// Text cleaning for strings read off mail pages. Everything a correspondent controls (display names,
// subjects) is hostile (DESIGN.md §2): it can carry control characters, bidi overrides that reorder
// what the rep sees, or markup. These helpers return plain text; callers render it escaped.
// Kept separate from the LinkedIn helpers so a mail content script bundles nothing LinkedIn-specific.

/**
 * C0/C1 controls, zero-width space, soft hyphen, BOM, line/paragraph separators and interlinear
 * annotation: read as a space. ZWJ/ZWNJ stay: Indic and Persian names and emoji sequences need them.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u180e\u200b\u2028\u2029\u2060-\u2064\ufeff\ufff9-\ufffb]/g;
/** Bidi marks, embeddings, overrides and isolates: removed, since they sit inside words ("\u202eUrgent\u202c:"). */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Strip invisible/bidi characters and collapse all whitespace (incl. NBSP, narrow NBSP) to one space. */
export function clean(s: string | null | undefined): string {
  if (!s) return '';
  return s.replace(BIDI, '').replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
}

/** Cap to `max` code points (never splitting a surrogate pair); a cut value ends with "…". */
export function cap(s: string, max: number): string {
  if (s.length <= max) return s;
  const cps = Array.from(s);
  if (cps.length <= max) return s;
  return (
    cps
      .slice(0, max - 1)
      .join('')
      .trimEnd() + '…'
  );
}

/** For comparing names that differ only in case or apostrophe style (O'Brien vs O’Brien). */
export const loose = (s: string): string =>
  clean(s)
    .toLowerCase()
    .replace(/[’‘`´ʼ]/g, "'");
