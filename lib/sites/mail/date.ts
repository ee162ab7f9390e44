// Message dates as the mail apps print them ("Tue, Mar 5, 2024, 10:12 AM", "Sel, 5 Mar 2024, 10.12",
// "Tue 3/5/2024 10:12 AM"). The apps print local wall-clock time without a zone, so the result is
// ISO 8601 without an offset; the caller (in the browser) reads it as local time. No Date.parse: its
// output for these strings differs between engines and depends on the machine's time zone.

const MONTHS: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  janv: 1,
  jän: 1,
  ene: 1,
  feb: 2,
  februari: 2,
  february: 2,
  févr: 2,
  fév: 2,
  fev: 2,
  mar: 3,
  maret: 3,
  march: 3,
  mars: 3,
  mär: 3,
  märz: 3,
  mrt: 3,
  apr: 4,
  april: 4,
  avr: 4,
  abr: 4,
  may: 5,
  mei: 5,
  mai: 5,
  jun: 6,
  juni: 6,
  june: 6,
  juin: 6,
  jul: 7,
  juli: 7,
  july: 7,
  juil: 7,
  juillet: 7,
  aug: 8,
  agu: 8,
  agt: 8,
  agustus: 8,
  august: 8,
  août: 8,
  aoû: 8,
  ago: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  okt: 10,
  oktober: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  des: 12,
  desember: 12,
  december: 12,
  déc: 12,
  dez: 12,
  dic: 12,
};

const MONTH_WORD = '([a-zà-ÿ]{3,9})';

function month(word: string): number | null {
  const w = word.toLowerCase();
  return MONTHS[w] ?? MONTHS[w.slice(0, 4)] ?? MONTHS[w.slice(0, 3)] ?? null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export interface DateOptions {
  /** For all-numeric dates such as 3/5/2024: true for day/month (en-GB, id, de…), false for month/day
   * (en-US). Unknown (undefined): only dates whose day is over 12 are read. */
  dayFirst?: boolean;
}

/** The order of all-numeric dates for a UI language tag, or undefined when the tag does not say. */
export function dayFirstFor(lang: string | null | undefined): boolean | undefined {
  const l = (lang ?? '').trim().toLowerCase();
  if (!l) return undefined;
  if (l === 'en' || l === 'en-us' || l.startsWith('en-us-') || l === 'en-ph' || l === 'fil' || l === 'en-ca') return false;
  return true;
}

/**
 * A printed message date as "YYYY-MM-DDTHH:MM:SS" (or "YYYY-MM-DD" without a time); ISO input is
 * returned as given. Null when the date is missing, relative ("Yesterday", "3 days ago") or ambiguous.
 */
export function parseMailDate(input: string | null | undefined, opts: DateOptions = {}): string | null {
  if (!input || input.length > 200) return null;
  const s = input.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  if (/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) return s;

  let y = 0;
  let m = 0;
  let d = 0;
  let rest = s;
  let r: RegExpExecArray | null;
  if ((r = new RegExp(`(\\d{1,2})\\.?\\s+${MONTH_WORD}\\.?,?\\s+(\\d{4})`, 'i').exec(s)) && month(r[2]!)) {
    [d, m, y] = [+r[1]!, month(r[2]!)!, +r[3]!];
  } else if ((r = new RegExp(`${MONTH_WORD}\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})`, 'i').exec(s)) && month(r[1]!)) {
    [m, d, y] = [month(r[1]!)!, +r[2]!, +r[3]!];
  } else if ((r = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(s))) {
    [y, m, d] = [+r[1]!, +r[2]!, +r[3]!];
  } else if ((r = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?!\d)/.exec(s))) {
    const a = +r[1]!;
    const b = +r[2]!;
    y = r[3]!.length === 2 ? 2000 + +r[3]! : +r[3]!;
    const dayFirst = a > 12 ? true : b > 12 ? false : a === b ? true : opts.dayFirst;
    if (dayFirst === undefined) return null;
    [d, m] = dayFirst ? [a, b] : [b, a];
  } else return null;
  if (!valid(y, m, d)) return null;
  rest = s.slice(0, r.index) + ' ' + s.slice(r.index + r[0].length);

  const date = `${y}-${pad(m)}-${pad(d)}`;
  const t = /(?:^|[^\d])(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\s?([ap])\.?\s?m\.?(?![a-z]))?/i.exec(rest);
  if (!t) return date;
  let h = +t[1]!;
  const min = +t[2]!;
  const sec = t[3] ? +t[3] : 0;
  const ampm = t[4]?.toLowerCase();
  if (ampm) {
    if (h < 1 || h > 12) return date;
    h = (h % 12) + (ampm === 'p' ? 12 : 0);
  }
  if (h > 23 || min > 59 || sec > 59) return date;
  return `${date}T${pad(h)}:${pad(min)}:${pad(sec)}`;
}
