// Where a prospect is, in time: the free-text location a profile shows ("Greater Stockholm
// Metropolitan Area", "Bandung, Jawa Barat, Indonesia", "Indonesia") matched to one IANA time zone
// from the bundled offline table (place-zones.data.ts, built from the city-timezones dataset).
// Never a network call, and never a guess: a place that matches no entry, or entries in several
// zones with no clear winner, gives null. Pure; the table is bundled into the background only.
import { COUNTRIES, PLACES, ZONES } from './place-zones.data';

export interface PlaceZone {
  /** IANA time zone, e.g. "Europe/Stockholm". */
  zone: string;
  /** The place as the rep will read it: the matched city, province or country. */
  place: string;
}

interface Entry {
  name: string;
  city: string;
  province: string;
  country: string;
  zone: number;
  pop: number;
}

interface Index {
  byCity: Map<string, Entry[]>;
  byProvince: Map<string, Entry[]>;
  countryByName: Map<string, string>;
  countryName: Map<string, string>;
  countryZones: Map<string, Set<number>>;
}

/** Lower case, no accents, no punctuation: "Jawa Barat" and "jawa-barat" and "JAWA BARAT" meet. */
export function normalisePlace(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// How LinkedIn and mail signatures name countries where the dataset spells them otherwise.
const COUNTRY_ALIASES: Record<string, string> = {
  'united states': 'US',
  usa: 'US',
  us: 'US',
  'amerika serikat': 'US',
  uk: 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'inggris raya': 'GB',
  'korea selatan': 'KR',
  korea: 'KR',
  'republic of korea': 'KR',
  czechia: 'CZ',
  turkiye: 'TR',
  'hong kong sar': 'HK',
  'hong kong': 'HK',
  macau: 'MO',
  macao: 'MO',
  'uae': 'AE',
  'cote divoire': 'CI',
  'north macedonia': 'MK',
  eswatini: 'SZ',
  'timor leste': 'TL',
  belanda: 'NL',
  jerman: 'DE',
  singapura: 'SG',
  jepang: 'JP',
  'the netherlands': 'NL',
  'russian federation': 'RU',
  'viet nam': 'VN',
  bahamas: 'BS',
  gambia: 'GM',
};

// Words around a city name that say "the area around it": "Greater X Area", "X Bay Area", "X Metroplex".
const AREA_WORDS = /\b(greater|metropolitan|metro|bay|area|region|metroplex|raya|kota|city of|kabupaten|daerah khusus ibukota|dki)\b/g;

let index: Index | null = null;

function buildIndex(): Index {
  const byCity = new Map<string, Entry[]>();
  const byProvince = new Map<string, Entry[]>();
  const countryZones = new Map<string, Set<number>>();
  const push = (m: Map<string, Entry[]>, k: string, e: Entry) => {
    if (!k) return;
    const list = m.get(k);
    if (list) list.push(e);
    else m.set(k, [e]);
  };
  for (const line of PLACES.split('\n')) {
    const [name = '', province = '', country = '', zone = '0', pop = '0'] = line.split('|');
    const e: Entry = { name, city: normalisePlace(name), province: normalisePlace(province), country, zone: Number(zone), pop: Number(pop) };
    push(byCity, e.city, e);
    push(byProvince, e.province, e);
    const zones = countryZones.get(country) ?? new Set<number>();
    zones.add(e.zone);
    countryZones.set(country, zones);
  }
  const countryByName = new Map<string, string>();
  const countryName = new Map<string, string>();
  for (const line of COUNTRIES.split('\n')) {
    const [code = '', name = ''] = line.split('|');
    if (!countryName.has(code)) countryName.set(code, name);
    countryByName.set(normalisePlace(name), code);
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) countryByName.set(alias, code);
  return { byCity, byProvince, countryByName, countryName, countryZones };
}

/** Several matches: one zone wins only when it is plainly the place meant (ten times the people of any other). */
function decide(entries: Entry[]): Entry | null {
  if (!entries.length) return null;
  const best = new Map<number, Entry>();
  for (const e of entries) {
    const b = best.get(e.zone);
    if (!b || e.pop > b.pop) best.set(e.zone, e);
  }
  const ranked = [...best.values()].sort((a, b) => b.pop - a.pop);
  const [first, second] = ranked;
  if (!first) return null;
  if (!second) return first;
  return first.pop >= 10 * Math.max(second.pop, 1) ? first : null;
}

/** The ways a segment may name a city: as written, without "Greater … Area", and each side of "Dallas-Fort Worth". */
function cityNames(segment: string): string[] {
  const out = new Set<string>();
  const plain = normalisePlace(segment);
  out.add(plain);
  const bare = plain.replace(AREA_WORDS, ' ').replace(/\s+/g, ' ').trim();
  out.add(bare);
  for (const part of segment.split(/\s[-–/]\s|[-–/]/)) {
    const p = normalisePlace(part)
      .replace(AREA_WORDS, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (p) out.add(p);
  }
  // "New York City" is "New York" in the dataset, "Mexico City" is itself: try both.
  for (const n of [...out]) if (n.endsWith(' city')) out.add(n.slice(0, -5));
  out.delete('');
  return [...out];
}

/**
 * The time zone of a free-text location, or null when the table does not know the place or it is
 * ambiguous. A country alone counts only when the whole country keeps one zone.
 */
export function placeZone(location: string | null | undefined): PlaceZone | null {
  if (!location) return null;
  const text = location.slice(0, 200);
  const segments = text
    .split(/[,;]|\s·\s|\(|\)/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (!segments.length) return null;
  index ??= buildIndex();
  const ix = index;

  // The last segment names the country when it is one (it may also be the only segment).
  const lastNorm = normalisePlace(segments[segments.length - 1] ?? '');
  const country = ix.countryByName.get(lastNorm) ?? ix.countryByName.get(lastNorm.replace(AREA_WORDS, ' ').replace(/\s+/g, ' ').trim()) ?? null;
  const places = country ? segments.slice(0, -1) : segments;
  const inCountry = (list: Entry[]) => (country ? list.filter((e) => e.country === country) : list);

  if (places.length) {
    const [first, ...rest] = places;
    const provinces = rest.map(normalisePlace);
    // City first (the first segment), narrowed by the province when one is given and matches.
    const cities = inCountry(cityNames(first ?? '').flatMap((n) => ix.byCity.get(n) ?? []));
    const inProvince = provinces.length ? cities.filter((e) => provinces.includes(e.province)) : [];
    const city = decide(inProvince.length ? inProvince : cities);
    // Shown as the profile spells it ("São Paulo") when that names the same city, else as the table does.
    if (city) return { zone: ZONES[city.zone] ?? '', place: normalisePlace(first ?? '') === city.city ? first!.trim() : city.name };
    if (cities.length) return null; // a known city name in several zones: not a guess
    // A province or region alone ("Jawa Barat, Indonesia"): known when all its places keep one zone.
    for (const seg of places) {
      for (const n of cityNames(seg)) {
        const list = inCountry(ix.byProvince.get(n) ?? []);
        if (!list.length) continue;
        const zones = new Set(list.map((e) => e.zone));
        if (zones.size !== 1) return null;
        return { zone: ZONES[list[0]!.zone] ?? '', place: seg.replace(/\s+/g, ' ').trim() };
      }
    }
  }
  if (country) {
    const zones = ix.countryZones.get(country);
    if (zones && zones.size === 1) {
      const [only] = [...zones];
      return { zone: ZONES[only!] ?? '', place: segments[segments.length - 1]!.trim() };
    }
  }
  return null;
}
