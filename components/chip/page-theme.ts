// The chip sits inside LinkedIn, Gmail and Outlook, whose themes are their own settings and need not
// follow the system's: a dark chip on a light LinkedIn page (or the reverse) would glare. So the chip
// takes its scheme from the page around it: the first opaque background above it decides.

/** `rgb(…)`/`rgba(…)` as getComputedStyle writes it → [r, g, b, alpha], or null for anything else. */
export function parseRgb(css: string): [number, number, number, number] | null {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(css.trim());
  if (!m) return null;
  const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), a];
}

/** WCAG relative luminance of an sRGB colour, 0 (black) … 1 (white). */
export function luminance(r: number, g: number, b: number): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Whether the page behind `el` is dark; a page with no opaque background anywhere is a light page. */
export function isDarkBehind(el: Element | null, styleOf: (e: Element) => { backgroundColor: string }): boolean {
  for (let e = el; e; e = e.parentElement) {
    const c = parseRgb(styleOf(e).backgroundColor);
    if (c && c[3] >= 0.5) return luminance(c[0], c[1], c[2]) < 0.2;
  }
  return false;
}
