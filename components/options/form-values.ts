// What the options forms' text becomes in a request. Pure, so it is unit-tested without a browser.

/**
 * A number input's text: empty (or not a number) is null, so the background's validation names the
 * field that is missing instead of the form silently sending 0.
 */
export function numberOrNull(text: string): number | null {
  const v = text.trim();
  if (v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** A one-value-per-line textarea: trimmed, blank lines and repeats (ignoring case) dropped, order kept. */
export function linesOf(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const v = line.trim();
    if (!v || seen.has(v.toLowerCase())) continue;
    seen.add(v.toLowerCase());
    out.push(v);
  }
  return out;
}
