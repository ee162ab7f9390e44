// Text hygiene shared by every way text enters the store: page captures, the rep's edits, CSV imports,
// backups, teammates' rows pulled from the server and queued changes on their way out. Plain
// functions, no validation library, so content scripts may use them too.
//
// Why each rule:
// - Lone UTF-16 surrogates are not Unicode text. PostgreSQL's json/jsonb refuse them, so one such name
//   made the whole sync_push call fail; they become U+FFFD (what String.prototype.toWellFormed does).
// - NUL cannot be stored in a PostgreSQL text value either, and C0/C1 controls have no business in a
//   name; they become spaces.
// - Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and the invisible marks
//   (U+200E/200F, U+061C) let a name display as something else ("Trojan Source"); removed.
// - Cutting to a length must never split a surrogate pair (that would make a lone surrogate again).

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Controls except tab/newline/carriage return, which multi-line text keeps.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const LINE_BREAKS = /[\t\n\r\u2028\u2029]/g;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Every lone surrogate replaced with U+FFFD; everything else untouched. */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\uFFFD');
}

/** Whether `s` is well-formed UTF-16 (no lone surrogates). */
export function isWellFormed(s: string): boolean {
  LONE_SURROGATE.lastIndex = 0;
  return !LONE_SURROGATE.test(s);
}

/** At most `max` UTF-16 units, never ending in half of a pair. */
export function capText(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** One line of text (a name, a title): well-formed, no controls or bidi marks, spaces collapsed, trimmed. */
export function cleanLine(s: string): string {
  return wellFormed(s).replace(BIDI, '').replace(CONTROLS, ' ').replace(LINE_BREAKS, ' ').replace(/\s+/g, ' ').trim();
}

/** Text that may span lines (a cadence step's note template): like cleanLine, but line breaks stay. */
export function cleanMultiline(s: string): string {
  return wellFormed(s)
    .replace(BIDI, '')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

/**
 * Any JSON-like value with every string made well-formed and NUL-free (keys too). For what is already
 * queued or stored in a shape we do not re-validate field by field: outbox entries, meta rows.
 * Returns the same object when nothing needed changing, so the common case allocates nothing.
 */
export function wellFormedDeep<T>(value: T, depth = 0): T {
  if (typeof value === 'string') {
    const fixed = wellFormed(value).replace(/\u0000/g, ' ');
    return (fixed === value ? value : fixed) as T;
  }
  if (value === null || typeof value !== 'object' || depth > 32) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    value.forEach((v, i) => {
      const w = wellFormedDeep(v, depth + 1);
      if (w !== v) (out ??= [...value])[i] = w;
    });
    return (out ?? value) as T;
  }
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const key = wellFormedDeep(k, depth + 1);
    const w = wellFormedDeep(v, depth + 1);
    if (key !== k || w !== v) {
      out ??= { ...(value as Record<string, unknown>) };
      if (key !== k) delete out[k];
      out[key] = w;
    }
  }
  return (out ?? value) as T;
}

/**
 * A member photo Jalur may show: https on LinkedIn's media CDN (media.licdn.com and its regional
 * siblings), never the static asset host. Anything else would be fetched when the panel opens, so a
 * hostile file or teammate could plant a tracker; such URLs are dropped. Same rule as the extractor.
 */
export function memberPhotoUrl(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 2048) return null;
  try {
    const u = new URL(raw.trim());
    const host = u.hostname.replace(/\.$/, '');
    const ok = u.protocol === 'https:' && !u.username && !u.password && !u.port && host.endsWith('.licdn.com') && !host.startsWith('static');
    return ok ? u.href : null;
  } catch {
    return null;
  }
}
