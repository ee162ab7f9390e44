// Finding a prospect by what a rep remembers of them: any word of the name, title, company, headline,
// location, e-mail address or notes, typed in any case and without accents, each word a prefix
// ("chief fin" finds "Chief Financial Officer", "sofia" finds "Sofía"). Every word typed must match
// somewhere; results are ranked so a match in the name comes first.
//
// A prospect is indexed once as a few folded strings (one per field, words separated by single spaces
// and padded with one at each end), so matching a query word is one `includes(' ' + word)` per field:
// 10,000 prospects are searched in a few milliseconds without any per-query allocation.

/** Fields searched, strongest first: a match earlier in this list ranks higher. */
export const SEARCH_FIELDS = ['name', 'title', 'company', 'headline', 'email', 'location', 'notes'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

const WEIGHT: Record<SearchField, number> = { name: 100, title: 45, company: 40, headline: 20, email: 20, location: 10, notes: 5 };

const ASCII = /^[\x00-\x7f]*$/;
const NOT_ALNUM_ASCII = /[^a-z0-9]+/g;

/** Letters that do not decompose into a base letter and an accent. */
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * Lower case, accents removed, everything but letters and digits a single space, padded with one space
 * at each end: "Sofía  O'Neil-Díaz" → " sofia o neil diaz ".
 */
export function foldText(text: string): string {
  if (!text) return ' ';
  // Most of what is indexed is plain ASCII: no accents to strip, no special letters (and far cheaper).
  if (ASCII.test(text)) {
    const plain = text.toLowerCase().replace(NOT_ALNUM_ASCII, ' ').trim();
    return plain ? ` ${plain} ` : ' ';
  }
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => SPECIAL[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded ? ` ${folded} ` : ' ';
}

/** Words of a query, folded; duplicates and words another word already covers are dropped. */
export function queryWords(query: string): string[] {
  const words = foldText(query).trim().split(' ').filter(Boolean);
  // "chief chi" is "chief": a word that is a prefix of another typed word adds nothing.
  return [...new Set(words)].filter((w, i, all) => !all.some((o, j) => j !== i && o !== w && o.startsWith(w)));
}

export interface SearchSource {
  id: string;
  name: string;
  title?: string | null;
  company?: string | null;
  headline?: string | null;
  location?: string | null;
  emails?: readonly string[];
  /** Touch notes (and anything else the rep wrote about them), joined. */
  notes?: string | null;
}

/** One prospect, ready to search: each field folded (empty fields are a single space). */
export interface SearchDoc {
  id: string;
  /** The folded name, also the tiebreak (alphabetical) between equal ranks. */
  name: string;
  fields: string[];
  /** Every field joined: one look tells whether a word is anywhere before the fields are ranked one by one. */
  all: string;
}

/** Notes are cut to this many characters per prospect: enough to find a remark, not a diary. */
export const NOTES_CHARS = 4000;

/** Title initials ("Chief Financial Officer" → "cfo"), so a rep typing the acronym finds the title. */
function initials(foldedTitle: string): string {
  const words = foldedTitle.trim().split(' ').filter((w) => w.length > 0 && !SMALL_WORDS.has(w));
  return words.length >= 2 ? words.map((w) => w[0]).join('') : '';
}
const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'dan', 'di', 'untuk', 'de', 'la']);

export function searchDoc(p: SearchSource): SearchDoc {
  const title = foldText(p.title ?? '');
  const acronym = initials(title);
  const fields = [
    foldText(p.name),
    acronym ? `${title}${acronym} ` : title,
    foldText(p.company ?? ''),
    foldText(p.headline ?? ''),
    // "ayu.lestari@contoh.id" is the words ayu, lestari, contoh, id: "ayu.l" and "lestari" both find it.
    foldText((p.emails ?? []).join(' ')),
    foldText(p.location ?? ''),
    foldText((p.notes ?? '').slice(0, NOTES_CHARS)),
  ];
  return { id: p.id, name: fields[0]!, fields, all: fields.join('') };
}

/** How well `doc` matches the folded query words; 0 when some word matches nowhere. */
export function rankDoc(doc: SearchDoc, words: readonly string[]): number {
  return rankNeedles(doc, needlesOf(words));
}

/** What is looked for in the padded fields: each word after a space, and as a whole word. */
interface Needle {
  prefix: string;
  whole: string;
}

function needlesOf(words: readonly string[]): Needle[] {
  return words.map((w) => ({ prefix: ' ' + w, whole: ' ' + w + ' ' }));
}

// The needles are made once per query, not once per document (a string built inside this loop would
// be 10,000 short-lived strings per word per keystroke, for the collector to clear).
function rankNeedles(doc: SearchDoc, needles: readonly Needle[]): number {
  // Most documents miss some word: refuse them on the joined fields before ranking any field. Fields
  // are padded with spaces, so a word found in the joined text is found in one field, never across two.
  for (const n of needles) if (!doc.all.includes(n.prefix)) return 0;
  let total = 0;
  for (const n of needles) {
    let best = 0;
    for (let f = 0; f < SEARCH_FIELDS.length; f++) {
      const hay = doc.fields[f]!;
      const at = hay.indexOf(n.prefix);
      if (at < 0) continue;
      let score = WEIGHT[SEARCH_FIELDS[f]!];
      // A whole word beats a prefix; the field's first word beats a later one.
      if (hay.includes(n.whole, at)) score += score / 2;
      if (at === 0) score += score / 4;
      if (score > best) best = score;
      // Nothing after the name can beat it.
      if (f === 0) break;
    }
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

/**
 * The best `limit` matches for `query` among `docs`, best first (ties alphabetically by name, then
 * by id, so the order is stable). An empty query matches nothing: callers show something else then.
 */
export function searchDocs(docs: Iterable<SearchDoc>, query: string, limit: number): Array<{ id: string; rank: number }> {
  // Longest word first: it is the likeliest to be missing, so most documents are refused on one look.
  const words = queryWords(query).sort((a, b) => b.length - a.length);
  if (words.length === 0 || limit <= 0) return [];
  const needles = needlesOf(words);
  let hits: Array<{ doc: SearchDoc; rank: number }> = [];
  for (const doc of docs) {
    const rank = rankNeedles(doc, needles);
    if (rank > 0) hits.push({ doc, rank });
  }
  // A one-letter query may match thousands: only those ranked at least as high as the limit-th best
  // can be shown, so only they are sorted by name (numbers sort far faster than names).
  if (hits.length > limit * 4) {
    const ranks = Float64Array.from(hits, (h) => h.rank).sort();
    const floor = ranks[ranks.length - limit]!;
    hits = hits.filter((h) => h.rank >= floor);
  }
  hits.sort((a, b) => b.rank - a.rank || (a.doc.name < b.doc.name ? -1 : a.doc.name > b.doc.name ? 1 : a.doc.id < b.doc.id ? -1 : 1));
  return hits.slice(0, limit).map((h) => ({ id: h.doc.id, rank: h.rank }));
}

/**
 * A matcher for views that filter what they already hold (the board's cards) with the panel's one
 * search box: same folding and prefix rules, over whatever fields the view has.
 */
export function queryMatcher(query: string): ((p: SearchSource) => boolean) | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  const needles = needlesOf(words);
  return (p) => rankNeedles(searchDoc(p), needles) > 0;
}
