// Import prospects from a CSV file as a dry run: read the file, guess which column is which, then
// validate every row and decide, without writing anything, what would be created, what would update
// an existing prospect, what is skipped and what is wrong. The store applies a plan only when it is
// importable, so a bad row never leaves half a file imported unless the rep chose to skip bad rows.
//
// Rules chosen here (the issue is silent on them):
// - Rows are numbered from the first record after the header (`row` 1) and also carry the physical
//   `line` they start on, for "line 14" messages that match a text editor.
// - Every cell is text and stays text: a formula neutralised by our own export (`'=…`) is restored,
//   control and bidi-override characters become spaces, runs of whitespace collapse, and over-long
//   values are cut to FIELD_LIMITS with a warning (cut, not refused: a long headline is no reason to
//   lose a person). Markup is never interpreted: `<b>Ayu</b>` is a name with angle brackets in it.
// - A person needs a LinkedIn profile URL or an e-mail address: those are the identity keys (DESIGN.md
//   §3), and a row with neither could never be matched again, so re-importing the file would duplicate it.
// - A LinkedIn URL that names the member by id (`/in/ACoAA…`, a Sales Navigator lead `/sales/lead/ACwAA…,
//   NAME_SEARCH,…`, a profile URN) gives the member id, never a slug: an id lower-cased into a "slug" would
//   never match the person's real slug, and would hide the id LinkedIn links them by. The id is matched
//   like the slug (a row with someone's id updates them), kept as LinkedIn writes it, and never replaced.
// - No name: a row that matches someone already in the pipeline (by LinkedIn URL or e-mail) needs
//   none — a file of LinkedIn URL + Stage updates people. For a new person the e-mail address stands
//   in (as for mail captures), with a warning; no name and no e-mail is an error for a new person.
// - A row matching two people already in the pipeline (its URL one, its address another, or two
//   addresses two) is an error naming both: nothing is changed for it, and the rep decides.
// - Dates ("Stage date", LinkedIn's "Connected On") are read by parseImportDate; a date in the future
//   is an error. A Stage column moves the person, recorded in the stage history at the row's date if
//   given; "Connected On" becomes a dated connection touch, once per day however often it is imported.
// - Several e-mail columns, or several addresses in one cell (`;`, `,` or space separated), all count.
//   Several location columns (city, province, country) are joined with ", ". For any other field
//   mapped twice, the first non-empty cell wins.
// - A row with more cells than the header, extras not empty, is an error (an unquoted delimiter shifted
//   its cells, so they are in the wrong columns). A shorter row reads its missing cells as empty, with
//   a warning.
// - Dedupe: a later row with the slug or an e-mail of an earlier good row is skipped as a duplicate of
//   it, after filling what the earlier row left blank (its keys then count for that person too); a row
//   whose keys point at two different people, or at one person with another LinkedIn slug, is an error.
//   Rows with errors claim no keys, so fixing or skipping them never hides another row.
// - A row matching an existing prospect becomes an update with only the fields that would change;
//   blanks never erase, an existing LinkedIn slug is never replaced, e-mail addresses are only added.
//   Source, stage and deal value change only when the file has them; the default source applies to
//   new prospects only.

import { z } from 'zod';
import { Email, HttpsUrl } from '../model/common';
import { SOURCES, Source } from '../model/enums';
import { FIELD_LIMITS, MemberId } from '../model/prospect';
import { canonicalSlug, isProfileUrl, memberIdOf, profileUrl } from '../sites/linkedin/url';
import { parseCsv, unneutralizeFormula, type CsvRecord, type Delimiter } from './csv';

export const IMPORT_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'email',
  'linkedinUrl',
  'title',
  'headline',
  'company',
  'location',
  'source',
  'stage',
  'dealValue',
  'stageDate',
  'connectedOn',
  'currency',
  'status',
] as const;
export const ImportField = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportField>;

/** Which field each column (by index) feeds; null ignores the column. */
export const ColumnMapping = z.array(ImportField.nullable());
export type ColumnMapping = z.infer<typeof ColumnMapping>;

// ---------------------------------------------------------------------------------------------
// Header names

/** Lower-case letters and digits only, accents removed: "E-mail Address" and "Alamat E-mail" compare as "emailaddress", "alamatemail". */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

// English, Indonesian, and what LinkedIn, HubSpot, Apollo and Jalur's own export write.
const HEADER_NAMES: Record<ImportField, readonly string[]> = {
  name: [
    'name',
    'fullname',
    'contactname',
    'contact',
    'personname',
    'prospectname',
    'fullnameperson',
    'leadname',
    'nama',
    'namalengkap',
    'namakontak',
    'kontak',
  ],
  firstName: ['firstname', 'givenname', 'first', 'fname', 'namadepan', 'namapertama', 'personfirstname'],
  lastName: ['lastname', 'surname', 'familyname', 'last', 'lname', 'namabelakang', 'namaakhir', 'namakeluarga', 'personlastname'],
  email: [
    'email',
    'emails',
    'emailaddress',
    'emailaddresses',
    'workemail',
    'businessemail',
    'personalemail',
    'primaryemail',
    'alamatemail',
    'emailkantor',
    'emailkerja',
    'emailpribadi',
    'surel',
    'alamatsurel',
    // Pipedrive: "Person - Email", "Person - Email - Work", "Person - Email - Home", "Person - Email - Other".
    'personemail',
    'personemailwork',
    'personemailhome',
    'personemailother',
  ],
  linkedinUrl: [
    'linkedin',
    'linkedinurl',
    'linkedinprofile',
    'linkedinprofileurl',
    'personlinkedinurl',
    'linkedinlink',
    'urllinkedin',
    'profillinkedin',
    'tautanlinkedin',
    'linkedinprofil',
    'linkedinbio',
    'personlinkedin',
    'personlinkedinprofile',
  ],
  title: [
    'title',
    'jobtitle',
    'position',
    'role',
    'jobrole',
    'jobposition',
    'occupation',
    'jabatan',
    'posisi',
    'peran',
    'pekerjaan',
    'personjobtitle',
  ],
  headline: ['headline', 'tagline', 'linkedinheadline', 'judulprofil'],
  company: [
    'company',
    'companyname',
    'organization',
    'organisation',
    'organizationname',
    'employer',
    'account',
    'accountname',
    'currentcompany',
    'perusahaan',
    'namaperusahaan',
    'organisasi',
    'instansi',
    'kantor',
    'tempatkerja',
    // Pipedrive: "Person - Organization", "Organization - Name".
    'personorganization',
  ],
  location: [
    'location',
    'city',
    'town',
    'state',
    'region',
    'province',
    'country',
    'personlocation',
    'personcity',
    'personstate',
    'personcountry',
    'lokasi',
    'kota',
    'provinsi',
    'negara',
    'domisili',
    // HubSpot: "City", "State/Region", "Country/Region"; Pipedrive: "Person - Postal address".
    'stateregion',
    'countryregion',
    'personpostaladdress',
  ],
  source: ['source', 'leadsource', 'prospectsource', 'sumber', 'sumberprospek', 'sumberlead', 'asalprospek'],
  // HubSpot's contacts export says "Lifecycle Stage"; Pipedrive's deals export "Deal - Stage".
  stage: ['stage', 'dealstage', 'pipelinestage', 'lifecyclestage', 'tahap', 'tahapan', 'tahappipeline'],
  dealValue: [
    'dealvalue',
    'value',
    'amount',
    'dealamount',
    'dealsize',
    'opportunityvalue',
    'nilai',
    'nilaideal',
    'nilaikesepakatan',
    'nilaitransaksi',
    'nominal',
  ],
  stageDate: [
    'stagedate',
    'stagechangedat',
    'stagechanged',
    'stagechangedate',
    'dateenteredstage',
    'enteredstage',
    'enteredstageat',
    'stageenteredat',
    'movedon',
    'tanggaltahap',
    'tanggalpindahtahap',
    'masuktahap',
    // Pipedrive deals: when the deal entered its current stage.
    'laststagechange',
    'deallaststagechange',
  ],
  connectedOn: ['connectedon', 'connecteddate', 'connectionsince', 'terhubungpada', 'tanggalterhubung'],
  // Pipedrive deals: "Deal - Currency"; HubSpot deals: "Currency", "Deal currency code".
  currency: ['currency', 'currencycode', 'dealcurrency', 'dealcurrencycode', 'matauang', 'kodematauang', 'matauangdeal'],
  // Pipedrive deals: "Deal - Status" (Open, Won, Lost, Deleted): a won or lost deal is in that stage whatever its pipeline stage.
  status: ['status', 'dealstatus', 'statusdeal', 'statuskesepakatan'],
};

/** Headers too generic to trust by name ("URL" may be a company website): mapped only when the cells are LinkedIn profiles. */
const GENERIC_PROFILE_HEADERS = ['url', 'profile', 'profileurl', 'profil', 'link', 'tautan', 'tautanprofil'];

/** Fields where every mapped column contributes, rather than the first one only. */
const MULTI_COLUMN: ReadonlySet<ImportField> = new Set(['email', 'location']);

const BY_HEADER = new Map<string, ImportField>();
for (const f of IMPORT_FIELDS) for (const h of HEADER_NAMES[f]) BY_HEADER.set(h, f);

const LINKEDIN_CONNECTIONS = ['firstname', 'lastname', 'url', 'emailaddress', 'company', 'position', 'connectedon'];

function looksLikeProfiles(sample: readonly (readonly string[])[], column: number): boolean {
  const values = sample.map((r) => (r[column] ?? '').trim()).filter(Boolean);
  return values.length > 0 && values.filter((v) => isProfileUrl(v) || memberIdOf(v) !== null).length * 2 >= values.length;
}

/**
 * The best guess at which column holds what. Each single-valued field goes to the first column that
 * names it; e-mail and location may take several. `sample` (a few data rows) lets a generic "URL"
 * column be recognised as LinkedIn profiles.
 */
export function guessMapping(header: readonly string[], sample: readonly (readonly string[])[] = []): ColumnMapping {
  const taken = new Set<ImportField>();
  return header.map((cell, i) => {
    const h = normalizeHeader(cell);
    let f: ImportField | undefined = BY_HEADER.get(h);
    if (!f && GENERIC_PROFILE_HEADERS.includes(h) && looksLikeProfiles(sample, i)) f = 'linkedinUrl';
    if (!f || (taken.has(f) && !MULTI_COLUMN.has(f))) return null;
    taken.add(f);
    return f;
  });
}

function headerScore(cells: readonly string[]): number {
  return new Set(cells.map((c) => BY_HEADER.get(normalizeHeader(c))).filter(Boolean)).size;
}

// ---------------------------------------------------------------------------------------------
// Reading the file

export interface ImportFile {
  delimiter: Delimiter;
  header: string[];
  /** Physical line of the header. */
  headerLine: number;
  /** Data records, in file order, after the header. */
  records: CsvRecord[];
  /** A LinkedIn "Connections.csv" export: the people are connections, a warm source. */
  kind: 'linkedin-connections' | 'generic';
  /** The guessed mapping; the rep may override it in planImport. */
  mapping: ColumnMapping;
}

export type ReadImportResult =
  { ok: true; file: ImportFile } | { ok: false; error: { code: 'unterminated-quote' | 'empty-file'; line: number; message: string } };

/** Parses the CSV and finds the header: the first of the first 20 records naming two known fields, else where the delimiter was sniffed. */
export function readImportFile(text: string): ReadImportResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const { records } = parsed;
  if (records.length === 0) return { ok: false, error: { code: 'empty-file', line: 1, message: 'The file has no header and no rows.' } };
  let headerIndex = parsed.headerIndex;
  for (let i = 0; i < Math.min(records.length, 20); i++) {
    if (headerScore(records[i]!.cells) >= 2) {
      headerIndex = i;
      break;
    }
  }
  const header = records[headerIndex]!.cells.map((c) => clean(c, 200).value);
  const data = records.slice(headerIndex + 1);
  const normalized = header.map(normalizeHeader);
  const kind = LINKEDIN_CONNECTIONS.every((h) => normalized.includes(h)) ? 'linkedin-connections' : 'generic';
  return {
    ok: true,
    file: {
      delimiter: parsed.delimiter,
      header,
      headerLine: records[headerIndex]!.line,
      records: data,
      kind,
      mapping: guessMapping(
        header,
        data.slice(0, 20).map((r) => r.cells),
      ),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Cell values

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Hostile text made plain: controls and bidi overrides to spaces, whitespace collapsed, cut at `max` code points. */
function clean(raw: string, max: number): { value: string; truncated: boolean } {
  const text = unneutralizeFormula(raw.trim()).replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (text.length <= max) return { value: text, truncated: false };
  // Cut by code points so an emoji is not split into a lone surrogate.
  const points = Array.from(text);
  if (points.length <= max) return { value: text, truncated: false };
  return { value: points.slice(0, max).join('').trim(), truncated: true };
}

// Enum keys (Jalur's export), the English and Indonesian labels the UI shows, and common CRM words.
const SOURCE_WORDS: Record<string, Source> = {
  linkedin: 'social_selling',
  socialsellinglinkedin: 'social_selling',
  formulirmasuk: 'inbound_form',
  unduhankonten: 'content_download',
  interaksimediasosial: 'social_engagement',
  socialselling: 'social_selling',
  sosialselling: 'social_selling',
  connection: 'social_engagement',
  linkedinconnection: 'social_engagement',
  koneksi: 'social_engagement',
  koneksilinkedin: 'social_engagement',
  referensi: 'referral',
  rujukan: 'referral',
  referal: 'referral',
  acara: 'event',
  webinar: 'event',
  pameran: 'event',
  form: 'inbound_form',
  webform: 'inbound_form',
  formulir: 'inbound_form',
  download: 'content_download',
  unduhan: 'content_download',
  unduhkonten: 'content_download',
  chat: 'chatbot',
  telepondingin: 'cold_call',
  panggilandingin: 'cold_call',
  emaildingin: 'cold_email',
  surel: 'email',
};
for (const s of SOURCES) SOURCE_WORDS[normalizeHeader(s)] = s;

export function parseSource(text: string): Source | undefined {
  return SOURCE_WORDS[normalizeHeader(text)];
}

const MULTIPLIERS: Record<string, number> = { k: 1e3, rb: 1e3, ribu: 1e3, jt: 1e6, juta: 1e6, mio: 1e6, miliar: 1e9, milyar: 1e9 };
const CURRENCY = /^(?:rp\.?|idr|usd|us\$|sgd|s\$|eur|gbp|myr|rm|\$|€|£)\s*|\s*(?:idr|usd|sgd|eur|gbp|myr|rupiah)$/i;
const MAX_DEAL_VALUE = 1e15;

/**
 * A deal value as people type it: `25000000`, `Rp 25.000.000`, `25,000,000.50`, `1.234,5`, `1,5 jt`.
 * With both `.` and `,` the later one is the decimal mark; with one kind only, it separates thousands
 * when it repeats or is followed by exactly three digits (`1.500` is 1500 in Indonesia, `1,500` in the
 * US), otherwise it is the decimal mark. Rounded to cents. Negative values are refused: a deal is not worth less than nothing.
 */
export function parseDealValue(input: string): { ok: true; value: number } | { ok: false; code: 'invalid-number' | 'negative-value' } {
  let s = input.trim().replace(/[\s\u00a0\u202f]+/g, ' ');
  let negative = false;
  if (s.startsWith('-') || (s.startsWith('(') && s.endsWith(')'))) {
    negative = true;
    s = s.replace(/^-|^\(|\)$/g, '').trim();
  }
  s = s.replace(CURRENCY, '').trim();
  let multiplier = 1;
  const suffix = /^(.*?)\s*([a-z]+)\.?$/i.exec(s);
  if (suffix) {
    const m = MULTIPLIERS[suffix[2]!.toLowerCase()];
    if (m === undefined) return { ok: false, code: 'invalid-number' };
    multiplier = m;
    s = suffix[1]!;
  }
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  s = s.replace(/ /g, '');
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return { ok: false, code: 'invalid-number' };
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimalMark: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimalMark = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const repeats = s.indexOf(mark) !== s.lastIndexOf(mark);
    const after = s.length - s.lastIndexOf(mark) - 1;
    decimalMark = repeats || after === 3 ? null : mark;
  }
  let intPart = s;
  let fracPart = '';
  if (decimalMark) {
    const at = s.lastIndexOf(decimalMark);
    intPart = s.slice(0, at);
    fracPart = s.slice(at + 1);
    if (fracPart.includes('.') || fracPart.includes(',')) return { ok: false, code: 'invalid-number' };
  }
  const thousands = intPart.split(/[.,]/);
  // Thousands groups after the first are exactly three digits; anything else is a typo, not a number.
  if (thousands.slice(1).some((g) => g.length !== 3)) return { ok: false, code: 'invalid-number' };
  const value = Number(thousands.join('') + (fracPart ? '.' + fracPart : '')) * multiplier;
  if (!Number.isFinite(value) || value > MAX_DEAL_VALUE) return { ok: false, code: 'invalid-number' };
  if (negative && value !== 0) return { ok: false, code: 'negative-value' };
  return { ok: true, value: Math.round(value * 100) / 100 };
}

const DAY_MS = 86_400_000;
const MONTHS: Record<string, number> = {};
// English and Indonesian month names and their usual abbreviations (LinkedIn writes "05 Mar 2024").
(
  [
    ['january', 'jan', 'januari'],
    ['february', 'feb', 'februari', 'peb', 'pebruari'],
    ['march', 'mar', 'maret'],
    ['april', 'apr'],
    ['may', 'mei'],
    ['june', 'jun', 'juni'],
    ['july', 'jul', 'juli'],
    ['august', 'aug', 'agustus', 'agu', 'agt', 'ags'],
    ['september', 'sep', 'sept'],
    ['october', 'oct', 'oktober', 'okt'],
    ['november', 'nov', 'nop', 'nopember'],
    ['december', 'dec', 'desember', 'des'],
  ] as const
).forEach((names, m) => names.forEach((n) => (MONTHS[n] = m)));

function utc(y: number, m: number, d: number, h = 12, min = 0, sec = 0): number | null {
  if (y < 1900 || y > 2999 || m < 0 || m > 11 || d < 1 || d > 31 || h > 23 || min > 59 || sec > 59) return null;
  const at = Date.UTC(y, m, d, h, min, sec);
  // 31 Feb rolls over into March: not a date.
  return new Date(at).getUTCDate() === d ? at : null;
}

/**
 * A date as CRMs and LinkedIn write it: ISO (`2024-03-05`, `2024-03-05 10:11`, `2024-03-05T10:11:12Z`),
 * `05 Mar 2024` / `5 Mei 2024`, `Mar 5, 2024`, or day/month/year with slashes, dots or dashes when
 * it cannot be read the other way round (`25/03/2024`); `03/04/2024` is refused as ambiguous rather
 * than guessed. A date without a time is taken at 12:00 UTC, which is that same day in every time
 * zone from UTC−11 to UTC+11; a time without a zone is read as UTC.
 */
export function parseImportDate(input: string): { ok: true; at: number } | { ok: false; code: 'invalid-date' | 'ambiguous-date' } {
  const s = input.trim().toLowerCase().replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) {
    if (m[4] === undefined) {
      const at = utc(+m[1]!, +m[2]! - 1, +m[3]!);
      return at === null ? { ok: false, code: 'invalid-date' } : { ok: true, at };
    }
    const at = utc(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
    if (at === null) return { ok: false, code: 'invalid-date' };
    const zone = m[7];
    if (!zone || zone === 'z') return { ok: true, at };
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    const offset = (z[1] === '-' ? -1 : 1) * (+z[2]! * 60 + +z[3]!) * 60_000;
    return { ok: true, at: at - offset };
  }
  m = /^(\d{1,2})[ -]([a-z]+)\.?,?[ -](\d{4})$/.exec(s);
  if (m && MONTHS[m[2]!] !== undefined) {
    const at = utc(+m[3]!, MONTHS[m[2]!]!, +m[1]!);
    return at === null ? { ok: false, code: 'invalid-date' } : { ok: true, at };
  }
  m = /^([a-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(s);
  if (m && MONTHS[m[1]!] !== undefined) {
    const at = utc(+m[3]!, MONTHS[m[1]!]!, +m[2]!);
    return at === null ? { ok: false, code: 'invalid-date' } : { ok: true, at };
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    if (a <= 12 && b <= 12 && a !== b) return { ok: false, code: 'ambiguous-date' };
    const [day, month] = a > 12 ? [a, b] : b > 12 ? [b, a] : [a, b];
    const at = utc(+m[3]!, month - 1, day);
    return at === null ? { ok: false, code: 'invalid-date' } : { ok: true, at };
  }
  return { ok: false, code: 'invalid-date' };
}

// What other CRMs call the default stages (HubSpot lifecycle stages, Pipedrive's default pipeline),
// by the default stage key they mean. Used only when the team has a stage with that key, and never
// over a stage the team itself named so.
const CRM_STAGE_WORDS: Record<string, string> = {
  subscriber: 'prospecting',
  lead: 'prospecting',
  newlead: 'prospecting',
  leadin: 'prospecting',
  marketingqualifiedlead: 'qualification',
  mql: 'qualification',
  salesqualifiedlead: 'qualification',
  sql: 'qualification',
  qualified: 'qualification',
  contactmade: 'qualification',
  opportunity: 'consideration',
  needsdefined: 'consideration',
  demoscheduled: 'consideration',
  proposalmade: 'consideration',
  negotiationsstarted: 'decision',
  customer: 'delivery',
  won: 'delivery',
  closedwon: 'delivery',
  closedlost: 'lost',
};

/**
 * A deal status cell as the stage word it means ('won', 'lost'), null for an open deal, undefined for
 * a word Jalur does not know. English, Indonesian, and what Pipedrive and HubSpot write.
 */
function dealStatus(cell: string): 'won' | 'lost' | null | undefined {
  const w = normalizeHeader(cell);
  if (['won', 'closedwon', 'menang', 'berhasil'].includes(w)) return 'won';
  if (['lost', 'closedlost', 'kalah', 'gagal'].includes(w)) return 'lost';
  if (['', 'open', 'active', 'terbuka', 'aktif', 'berjalan'].includes(w)) return null;
  return undefined;
}

function splitEmails(cell: string): string[] {
  return cell
    .split(/[;,\s]+/)
    .map((s) => s.replace(/^mailto:/i, '').replace(/^<|>$/g, ''))
    .filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// The plan

/** The capture-like record a good row becomes. Validated by this schema before it enters a plan. */
export const ImportedProspect = z.object({
  /** Null: the row has no name and no address; fine for a row that updates someone, an error for a new person. */
  name: z.string().min(1).max(FIELD_LIMITS.name).nullable(),
  headline: z.string().min(1).max(FIELD_LIMITS.headline).nullable(),
  title: z.string().min(1).max(FIELD_LIMITS.title).nullable(),
  company: z.string().min(1).max(FIELD_LIMITS.company).nullable(),
  location: z.string().min(1).max(FIELD_LIMITS.location).nullable(),
  /** The first address; `emails` has them all. */
  email: Email.nullable(),
  emails: z.array(Email),
  slug: z.string().min(1).max(200).nullable(),
  /** LinkedIn's member id when the URL names the member by it (then `slug` is null), as LinkedIn writes it. */
  memberId: MemberId.nullable(),
  linkedinUrl: HttpsUrl.nullable(),
  source: Source,
  /** Null: the file does not say, the prospect starts in the first stage. */
  stageKey: z.string().min(1).nullable(),
  dealValue: z.number().nonnegative().max(MAX_DEAL_VALUE).nullable(),
  /** The deal value's ISO 4217 currency, when the file says (null: the team's default). */
  currency: z.string().regex(/^[A-Z]{3}$/).nullable(),
  /** When the person entered the file's stage (the row's date), if the file says. */
  stageAt: z.number().int().nullable(),
  /** LinkedIn's "Connected On": becomes a dated connection touch. */
  connectedAt: z.number().int().nullable(),
});
export type ImportedProspect = z.infer<typeof ImportedProspect>;

export type IssueCode =
  | 'too-many-cells'
  | 'too-few-cells'
  | 'truncated'
  | 'name-missing'
  | 'name-from-email'
  | 'no-identity'
  | 'invalid-email'
  | 'invalid-linkedin-url'
  | 'unknown-source'
  | 'unknown-stage'
  | 'invalid-number'
  | 'negative-value'
  | 'identity-conflict'
  | 'matches-several'
  | 'invalid-date'
  | 'ambiguous-date'
  | 'future-date'
  | 'stage-date-clamped'
  | 'invalid-currency'
  | 'unknown-status'
  | 'invalid';

export interface RowIssue {
  row: number;
  line: number;
  /** Header text of the column at fault; null when the row as a whole is at fault. */
  column: string | null;
  columnIndex: number | null;
  field: ImportField | null;
  code: IssueCode;
  /** English, for logs and tests; the UI words it from `code` in the rep's language. */
  message: string;
  /** The offending cell, cleaned and cut short, to show (as text) beside the message. */
  value?: string;
}

export type FileIssueCode = 'no-rows' | 'no-name-column' | 'no-identity-column' | 'invalid-mapping';
export interface FileIssue {
  code: FileIssueCode;
  message: string;
}

/** What is known about an existing prospect, to report only real changes. */
export interface ExistingProspect {
  /** To name, in a "matches two people" error, whom the row matches. */
  id?: string;
  slug: string | null;
  /** Optional: a caller that knows no member ids leaves it out. */
  memberId?: string | null;
  emails: readonly string[];
  name: string;
  headline: string | null;
  title: string | null;
  company: string | null;
  location: string | null;
  linkedinUrl: string | null;
  source?: Source;
  stageKey?: string | null;
  dealValue?: number | null;
  currency?: string | null;
  /** When the person entered their current stage: a file's older stage date cannot go before it. */
  stageEnteredAt?: number;
  /** Days (occurredAt) of the connection touches already recorded, so re-importing adds none twice. */
  connectedAt?: readonly number[];
}

export interface ExistingLookup {
  idBySlug(slug: string): string | undefined;
  idByEmail(email: string): string | undefined;
  /** The live prospect with this LinkedIn member id (as written); without it, rows are matched by slug and e-mail only. */
  idByMemberId?(memberId: string): string | undefined;
  /** Without it, every value the row gives counts as a change and the store sorts out the rest. */
  get?(id: string): ExistingProspect | undefined;
  /** Other people sharing one of the row's addresses (a person may have several): all of them, to tell "matches two people". */
  idsByEmail?(email: string): readonly string[];
}

export interface StageRef {
  key: string;
  /** Names a rep may write: the team's name and the default English and Indonesian names. */
  names?: readonly string[];
}

export interface PlanOptions {
  existing: ExistingLookup;
  /** Stages a "Stage" column may name, by key or name. */
  stages: readonly StageRef[];
  /** The rep's correction of `file.mapping`. */
  mapping?: ColumnMapping;
  /** Source for rows that do not give one. Default: social_engagement for LinkedIn connections, else social_selling. */
  defaultSource?: Source;
  skipBadRows?: boolean;
  /** Now, to refuse dates in the future. Default: Date.now(). */
  now?: number;
}

export type ProspectChanges = Partial<
  Pick<ImportedProspect, 'headline' | 'title' | 'company' | 'location' | 'slug' | 'memberId' | 'linkedinUrl' | 'source' | 'stageKey' | 'dealValue' | 'currency'>
> & {
  name?: string;
  /** Addresses to add; existing ones are never removed. */
  addEmails?: string[];
  /** When the stage change happened (the row's date, never before the current stage's entry). */
  stageAt?: number;
  /** A connection touch to record at this time. */
  connectedAt?: number;
};

/** One line of the dry run: a field, what it holds now and what the file would make it. */
export interface FieldChange {
  field:
    | 'name'
    | 'headline'
    | 'title'
    | 'company'
    | 'location'
    | 'linkedinUrl'
    | 'linkedinMemberId'
    | 'emails'
    | 'source'
    | 'stage'
    | 'dealValue'
    | 'currency'
    | 'connectedOn';
  /** Current value (stage: its key; emails: the addresses now; connectedOn, linkedinMemberId: null). */
  from: string | number | null;
  /** New value (stage: its key; emails: the addresses added; connectedOn: the touch's time). */
  to: string | number | null;
  /** For a stage move: the time it is recorded at. */
  at?: number;
}

export interface PlannedCreate {
  row: number;
  line: number;
  record: ImportedProspect & { name: string };
}
export interface PlannedUpdate {
  row: number;
  line: number;
  id: string;
  changes: ProspectChanges;
  /** The same changes as the dry run words them, with what each field holds now. */
  diff: FieldChange[];
  /** The person's name now, to say whom the row updates. */
  currentName: string | null;
  record: ImportedProspect;
}
export type SkippedRow =
  | { row: number; line: number; reason: 'empty' }
  | { row: number; line: number; reason: 'duplicate-in-file'; duplicateOfRow: number; key: 'slug' | 'memberId' | 'email' }
  | { row: number; line: number; reason: 'unchanged'; existingId: string };

export interface ImportPlan {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  skipped: SkippedRow[];
  /** The first MAX_ISSUES errors in row order; `errorCount` says how many there are in all. */
  errors: RowIssue[];
  errorCount: number;
  /** The first MAX_ISSUES warnings in row order; `warningCount` says how many in all. */
  warnings: RowIssue[];
  warningCount: number;
  fileErrors: FileIssue[];
  /** Whom each unchanged row matched (by row), for the dry run to name them. */
  matchedNames: Map<number, string>;
  /** Rows with at least one error. */
  badRows: number;
  /** Safe to apply: no file error, and no bad row unless the caller chose to skip bad rows. */
  importable: boolean;
  mapping: ColumnMapping;
}

interface RowRead {
  record: ImportedProspect;
  /** The file gave the source (rather than the default), so it may change an existing prospect's. */
  sourceFromFile: boolean;
  nameFromEmail: boolean;
}

/** One person of the file: the first row naming them, with what later duplicate rows added. */
interface Group {
  row: number;
  line: number;
  read: RowRead;
}

/**
 * A duplicate row fills what the first row left blank (a LinkedIn URL, another address, a title), so
 * skipping it loses nothing; where both have a value the first row wins.
 */
function merge(into: RowRead, from: RowRead): void {
  const a = into.record;
  const b = from.record;
  for (const f of ['headline', 'title', 'company', 'location', 'stageKey', 'dealValue', 'stageAt', 'connectedAt'] as const) {
    if (a[f] === null && b[f] !== null) (a as Record<typeof f, unknown>)[f] = b[f];
  }
  if (a.name === null && b.name !== null) {
    a.name = b.name;
    into.nameFromEmail = from.nameFromEmail;
  } else if (into.nameFromEmail && !from.nameFromEmail && b.name !== null) {
    a.name = b.name;
    into.nameFromEmail = false;
  }
  if (!a.slug && b.slug) {
    a.slug = b.slug;
    a.linkedinUrl = b.linkedinUrl;
  }
  if (!a.memberId && b.memberId) {
    a.memberId = b.memberId;
    a.linkedinUrl ??= b.linkedinUrl;
  }
  for (const e of b.emails) if (!a.emails.includes(e)) a.emails.push(e);
  a.email = a.emails[0] ?? null;
  if (!into.sourceFromFile && from.sourceFromFile) {
    a.source = b.source;
    into.sourceFromFile = true;
  }
}

interface RowState {
  row: number;
  line: number;
  errors: RowIssue[];
  warnings: RowIssue[];
}

const MESSAGES: Record<IssueCode, string> = {
  'too-many-cells': 'The row has more cells than the header; a delimiter inside a cell is probably not quoted.',
  'too-few-cells': 'The row has fewer cells than the header; the missing ones are read as empty.',
  truncated: 'The value is longer than Jalur keeps and was cut.',
  'name-missing': 'The row has no name and no e-mail address to name the person by.',
  'name-from-email': 'The row has no name; the e-mail address is used until someone corrects it.',
  'no-identity': 'The row needs a LinkedIn profile URL or an e-mail address, so the person can be matched later.',
  'invalid-email': 'Not an e-mail address.',
  'invalid-linkedin-url': 'Not a LinkedIn member profile URL (https://www.linkedin.com/in/…).',
  'unknown-source': 'Unknown source.',
  'unknown-stage': 'No stage has this name or key.',
  'invalid-number': 'Not a number.',
  'negative-value': 'A deal value cannot be negative.',
  'identity-conflict': 'The LinkedIn URL and the e-mail address belong to different people.',
  'matches-several': 'The row matches two people already in the pipeline; nothing is changed for it. Merge them first, or fix the row.',
  'invalid-date': 'Not a date.',
  'ambiguous-date': 'The date can be read as day/month or month/day; write it as 2024-03-05 or 5 Mar 2024.',
  'future-date': 'The date is in the future.',
  'stage-date-clamped': 'The date is before the person entered their current stage; the move is recorded now instead.',
  'invalid-currency': 'Not a currency code (three letters, such as IDR or USD).',
  'unknown-status': 'Not a deal status Jalur knows (open, won or lost); the stage column decides.',
  invalid: 'Invalid value.',
};

function normalizeStageName(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function stageResolver(stages: readonly StageRef[]): (text: string) => string | undefined {
  const byName = new Map<string, string>();
  // Keys first, so a stage renamed to another stage's key cannot take over that key.
  for (const s of stages) byName.set(normalizeStageName(s.key), s.key);
  for (const s of stages) for (const n of s.names ?? []) if (!byName.has(normalizeStageName(n))) byName.set(normalizeStageName(n), s.key);
  const keys = new Set(stages.map((s) => s.key));
  return (text) => {
    const own = byName.get(normalizeStageName(text));
    if (own) return own;
    const crm = CRM_STAGE_WORDS[normalizeHeader(text)];
    return crm && keys.has(crm) ? crm : undefined;
  };
}

function checkMapping(mapping: ColumnMapping): FileIssue[] {
  const issues: FileIssue[] = [];
  const has = (f: ImportField) => mapping.includes(f);
  // A file of LinkedIn URLs alone may update people already in the pipeline (a new person without a
  // name is then refused row by row), so only a file with no way to name anyone is refused whole.
  if (!has('name') && !has('firstName') && !has('lastName') && !has('email') && !has('linkedinUrl'))
    issues.push({ code: 'no-name-column', message: 'No column is mapped to a name (or first/last name, or e-mail).' });
  if (!has('linkedinUrl') && !has('email'))
    issues.push({ code: 'no-identity-column', message: 'No column is mapped to a LinkedIn profile URL or an e-mail address.' });
  return issues;
}

/** Validates every row and decides what importing `file` would do; writes nothing. */
export function planImport(file: ImportFile, options: PlanOptions): ImportPlan {
  const planner = startPlan(file, options);
  planner.rows(file.records.length);
  return planner.finish();
}

/** How far a chunked plan has got, for a progress bar. */
export interface PlanProgress {
  done: number;
  total: number;
}

/**
 * planImport in slices of `chunk` rows, awaiting `pause()` between them: a 100,000-row file takes
 * seconds, and the service worker must answer a chip's lookup meanwhile. Same result as planImport.
 */
export async function planImportInChunks(
  file: ImportFile,
  options: PlanOptions,
  run: { chunk?: number; pause: () => Promise<void>; onProgress?: (p: PlanProgress) => void },
): Promise<ImportPlan> {
  const planner = startPlan(file, options);
  const total = file.records.length;
  const chunk = Math.max(1, run.chunk ?? 2000);
  for (let done = 0; done < total; ) {
    done = planner.rows(chunk);
    run.onProgress?.({ done, total });
    await run.pause();
  }
  return planner.finish();
}

/** Issues kept for showing: a file of 100,000 bad rows must not hold (or send) 100,000 messages. */
export const MAX_ISSUES = 200;

/** The first `cap` issues in row order (stable within a row), and how many were added in all. */
export class IssueList {
  private items: RowIssue[] = [];
  count = 0;
  constructor(private readonly cap = MAX_ISSUES) {}
  add(items: readonly RowIssue[]): void {
    // One by one, never push(...items): spreading a long array into arguments overflows the stack.
    for (const item of items) {
      this.count++;
      this.items.push(item);
    }
    if (this.items.length >= this.cap * 2) this.trim();
  }
  private trim(): void {
    // A stable sort keeps a row's issues in the order found, so trimming early equals trimming at the end.
    this.items.sort((x, y) => x.row - y.row);
    if (this.items.length > this.cap) this.items.length = this.cap;
  }
  list(): RowIssue[] {
    this.trim();
    return this.items;
  }
}

interface Planner {
  /** Plans up to `count` more rows; returns how many rows are planned so far. */
  rows(count: number): number;
  finish(): ImportPlan;
}

function startPlan(file: ImportFile, options: PlanOptions): Planner {
  const parsedMapping = ColumnMapping.safeParse(options.mapping ?? file.mapping);
  const mapping: ColumnMapping = parsedMapping.success ? parsedMapping.data : file.mapping;
  const fileErrors: FileIssue[] = parsedMapping.success
    ? checkMapping(mapping)
    : [{ code: 'invalid-mapping', message: 'The column mapping is not valid.' }];
  if (mapping.length > file.header.length)
    fileErrors.push({ code: 'invalid-mapping', message: 'The mapping has more columns than the file.' });
  if (file.records.length === 0) fileErrors.push({ code: 'no-rows', message: 'The file has a header but no rows.' });

  const defaultSource = Source.parse(
    options.defaultSource ?? (file.kind === 'linkedin-connections' ? 'social_engagement' : 'social_selling'),
  );
  const resolveStage = stageResolver(options.stages);
  const columnsOf = new Map<ImportField, number[]>();
  mapping.forEach((f, i) => {
    if (f) columnsOf.set(f, [...(columnsOf.get(f) ?? []), i]);
  });

  const errors = new IssueList();
  const warnings = new IssueList();
  const now = options.now ?? Date.now();
  const nameColumn = (columnsOf.get('name') ?? columnsOf.get('firstName') ?? columnsOf.get('lastName'))?.[0] ?? null;
  const plan: ImportPlan = {
    creates: [],
    updates: [],
    skipped: [],
    errors: [],
    errorCount: 0,
    warnings: [],
    warningCount: 0,
    fileErrors,
    matchedNames: new Map(),
    badRows: 0,
    importable: false,
    mapping,
  };
  // People found so far, by identity key. Rows with errors claim no keys.
  const groups: Group[] = [];
  const groupBySlug = new Map<string, Group>();
  const groupByEmail = new Map<string, Group>();
  const groupByMemberId = new Map<string, Group>();

  const issue = (st: RowState, level: 'errors' | 'warnings', code: IssueCode, column: number | null, value?: string) => {
    const item: RowIssue = {
      row: st.row,
      line: st.line,
      column: column === null ? null : (file.header[column] ?? null),
      columnIndex: column,
      field: column === null ? null : (mapping[column] ?? null),
      code,
      message: MESSAGES[code],
    };
    if (value !== undefined) item.value = Array.from(value).slice(0, 80).join('');
    st[level].push(item);
  };

  let next = 0;
  return {
    rows(count: number): number {
      const end = Math.min(file.records.length, next + count);
      for (; next < end; next++) planRow(file.records[next]!, next);
      return next;
    },
    finish(): ImportPlan {
      for (const g of groups) placeGroup(g);
      plan.errors = errors.list();
      plan.errorCount = errors.count;
      plan.warnings = warnings.list();
      plan.warningCount = warnings.count;
      plan.skipped.sort((x, y) => x.row - y.row);
      plan.importable = fileErrors.length === 0 && (plan.badRows === 0 || options.skipBadRows === true);
      return plan;
    },
  };

  function planRow(rec: CsvRecord, i: number): void {
    const st: RowState = { row: i + 1, line: rec.line, errors: [], warnings: [] };
    if (rec.cells.every((c) => c.trim() === '')) {
      plan.skipped.push({ row: st.row, line: st.line, reason: 'empty' });
      return;
    }
    const read = readRow(rec, st);
    errors.add(st.errors);
    warnings.add(st.warnings);
    if (!read || st.errors.length) {
      plan.badRows++;
      return;
    }
    const before = st.errors.length;
    groupRow(read, st);
    if (st.errors.length > before) {
      errors.add(st.errors.slice(before));
      plan.badRows++;
    }
  }

  /** Cleans and validates one row; null when it has errors. */
  function readRow(rec: CsvRecord, st: RowState): RowRead | null {
    const width = file.header.length;
    if (rec.cells.length > width && rec.cells.slice(width).some((c) => c.trim() !== '')) issue(st, 'errors', 'too-many-cells', null);
    else if (rec.cells.length < width) issue(st, 'warnings', 'too-few-cells', null);

    const cellsOf = (f: ImportField, max: number): { value: string; column: number }[] =>
      (columnsOf.get(f) ?? []).flatMap((c) => {
        const { value, truncated } = clean(rec.cells[c] ?? '', max);
        if (truncated) issue(st, 'warnings', 'truncated', c, value);
        return value ? [{ value, column: c }] : [];
      });
    const first = (f: ImportField, max: number) => cellsOf(f, max)[0] ?? null;
    const text = (f: ImportField, max: number) => first(f, max)?.value ?? null;

    const emails: string[] = [];
    for (const { value, column } of cellsOf('email', 2000)) {
      for (const part of splitEmails(value)) {
        const e = Email.safeParse(part);
        if (!e.success) issue(st, 'errors', 'invalid-email', column, part);
        else if (!emails.includes(e.data)) emails.push(e.data);
      }
    }

    let slug: string | null = null;
    let memberId: string | null = null;
    const url = first('linkedinUrl', 2048);
    if (url) {
      // The member id first: `/in/ACoAA…` is a profile URL too, but its "slug" is the id.
      memberId = memberIdOf(url.value);
      if (!memberId) slug = canonicalSlug(url.value);
      if (!slug && !memberId) issue(st, 'errors', 'invalid-linkedin-url', url.column, url.value);
    }

    let nameFromEmail = false;
    let name = text('name', FIELD_LIMITS.name);
    if (!name) {
      const parts = [text('firstName', FIELD_LIMITS.name), text('lastName', FIELD_LIMITS.name)].filter(Boolean);
      name = parts.length ? clean(parts.join(' '), FIELD_LIMITS.name).value : null;
    }
    if (!name && emails[0]) {
      // Warned about only if the row makes a new person (placeGroup): for a match it changes nothing.
      name = emails[0].slice(0, FIELD_LIMITS.name);
      nameFromEmail = true;
    }
    // A nameless row with a LinkedIn URL may still update someone; placeGroup refuses it if not.
    if (!name && !url) issue(st, 'errors', 'name-missing', nameColumn);
    if (!slug && !memberId && emails.length === 0 && !url && !st.errors.some((e) => e.code === 'invalid-email'))
      issue(st, 'errors', 'no-identity', null);

    const dateOf = (f: 'stageDate' | 'connectedOn'): number | null => {
      const cell = first(f, 100);
      if (!cell) return null;
      const d = parseImportDate(cell.value);
      if (!d.ok) return issue(st, 'errors', d.code, cell.column, cell.value), null;
      if (d.at > now) return issue(st, 'errors', 'future-date', cell.column, cell.value), null;
      return d.at;
    };
    const stageAt = dateOf('stageDate');
    const connectedAt = dateOf('connectedOn');

    let source = defaultSource;
    const src = first('source', 100);
    if (src) {
      const s = parseSource(src.value);
      if (s) source = s;
      else issue(st, 'errors', 'unknown-source', src.column, src.value);
    }

    let stageKey: string | null = null;
    const stage = first('stage', 100);
    // A won or lost deal (Pipedrive's "Deal - Status") is in the team's won or lost stage, whatever
    // pipeline stage it was won or lost from; an open one keeps the Stage column's stage.
    const status = first('status', 100);
    const closed = status ? dealStatus(status.value) : null;
    if (status && closed === undefined) issue(st, 'warnings', 'unknown-status', status.column, status.value);
    const closedKey = closed ? resolveStage(closed) : undefined;
    if (closedKey) stageKey = closedKey;
    else if (stage) {
      stageKey = resolveStage(stage.value) ?? null;
      if (!stageKey) issue(st, 'errors', 'unknown-stage', stage.column, stage.value);
    }

    let dealValue: number | null = null;
    const deal = first('dealValue', 100);
    if (deal) {
      const v = parseDealValue(deal.value);
      if (v.ok) dealValue = v.value;
      else issue(st, 'errors', v.code, deal.column, deal.value);
    }

    let currency: string | null = null;
    const cur = first('currency', 100);
    if (cur) {
      const code = cur.value.trim().toUpperCase();
      if (/^[A-Z]{3}$/.test(code)) currency = code;
      else issue(st, 'errors', 'invalid-currency', cur.column, cur.value);
    }

    if (st.errors.length) return null;
    const locations = cellsOf('location', FIELD_LIMITS.location).map((c) => c.value);
    const candidate = {
      name,
      headline: text('headline', FIELD_LIMITS.headline),
      title: text('title', FIELD_LIMITS.title),
      company: text('company', FIELD_LIMITS.company),
      location: locations.length ? clean(locations.join(', '), FIELD_LIMITS.location).value : null,
      email: emails[0] ?? null,
      emails,
      slug,
      memberId,
      linkedinUrl: slug ? profileUrl(slug) : memberId ? profileUrl(memberId) : null,
      source,
      stageKey,
      dealValue,
      currency,
      stageAt,
      connectedAt,
    };
    // The boundary check: whatever the cleaning above missed, nothing off-schema enters a plan.
    const checked = ImportedProspect.safeParse(candidate);
    if (!checked.success) {
      for (const iss of checked.error.issues) {
        const field = String(iss.path[0] ?? '');
        const column = (columnsOf.get(field as ImportField) ?? [])[0] ?? null;
        issue(st, 'errors', 'invalid', column, iss.message);
      }
      return null;
    }
    return { record: checked.data, sourceFromFile: src !== null, nameFromEmail };
  }

  /** Joins the row to the person an earlier row already names, or starts a new one. */
  function groupRow(read: RowRead, st: RowState): void {
    const { record } = read;
    const bySlug = record.slug ? groupBySlug.get(record.slug) : undefined;
    const byId = record.memberId ? groupByMemberId.get(record.memberId) : undefined;
    const byEmail = record.emails.map((e) => groupByEmail.get(e)).filter((g): g is Group => !!g);
    const hits = new Set([...(bySlug ? [bySlug] : []), ...(byId ? [byId] : []), ...byEmail]);
    if (hits.size > 1) return issue(st, 'errors', 'identity-conflict', null);
    const [g] = hits;
    if (g && g.read.record.slug && record.slug && g.read.record.slug !== record.slug) return issue(st, 'errors', 'identity-conflict', null);
    if (g && g.read.record.memberId && record.memberId && g.read.record.memberId !== record.memberId) return issue(st, 'errors', 'identity-conflict', null);
    if (g) {
      merge(g.read, read);
      plan.skipped.push({ row: st.row, line: st.line, reason: 'duplicate-in-file', duplicateOfRow: g.row, key: bySlug ? 'slug' : byId ? 'memberId' : 'email' });
      claim(g);
      return;
    }
    const created: Group = { row: st.row, line: st.line, read: { ...read, record: { ...record, emails: [...record.emails] } } };
    groups.push(created);
    claim(created);
  }

  function claim(g: Group): void {
    const r = g.read.record;
    if (r.slug) groupBySlug.set(r.slug, g);
    if (r.memberId) groupByMemberId.set(r.memberId, g);
    for (const e of r.emails) groupByEmail.set(e, g);
  }

  /** Matches one person of the file against existing prospects: a create, an update, or nothing to do. */
  function placeGroup(g: Group): void {
    const { record } = g.read;
    const { existing } = options;
    const st: RowState = { row: g.row, line: g.line, errors: [], warnings: [] };
    const refuse = (code: IssueCode, column: number | null, value?: string) => {
      issue(st, 'errors', code, column, value);
      errors.add(st.errors);
      plan.badRows++;
    };
    const slugId = record.slug ? existing.idBySlug(record.slug) : undefined;
    const memberIdId = record.memberId ? existing.idByMemberId?.(record.memberId) : undefined;
    const emailIds = new Set(
      record.emails.flatMap((e) => (existing.idsByEmail ? [...existing.idsByEmail(e)] : [existing.idByEmail(e)].filter((id): id is string => !!id))),
    );
    const matched = new Set([...(slugId ? [slugId] : []), ...(memberIdId ? [memberIdId] : []), ...emailIds]);
    if (matched.size > 1) {
      // Two people already in the pipeline: which one the row means is for the rep to say (merge them,
      // or fix the row); guessing would change the wrong person.
      const names = [...matched].map((id) => existing.get?.(id)?.name ?? id);
      return refuse('matches-several', null, names.join(' / '));
    }
    const id = slugId ?? memberIdId ?? [...emailIds][0];
    const current = id ? existing.get?.(id) : undefined;
    if (current?.slug && record.slug && current.slug !== record.slug) return refuse('identity-conflict', null);
    if (current?.memberId && record.memberId && current.memberId !== record.memberId) return refuse('identity-conflict', null);
    if (!id) {
      if (record.name === null) return refuse('name-missing', nameColumn);
      if (g.read.nameFromEmail) {
        issue(st, 'warnings', 'name-from-email', null);
        warnings.add(st.warnings);
      }
      plan.creates.push({ row: g.row, line: g.line, record: { ...record, name: record.name } });
      return;
    }
    const { changes, fields } = diff(g.read, current, st);
    warnings.add(st.warnings);
    if (Object.keys(changes).length === 0)
    {
      plan.skipped.push({ row: g.row, line: g.line, reason: 'unchanged', existingId: id });
      if (current) plan.matchedNames.set(g.row, current.name);
    }
    else plan.updates.push({ row: g.row, line: g.line, id, changes, diff: fields, currentName: current?.name ?? null, record });
  }

  function diff(
    { record, sourceFromFile, nameFromEmail }: RowRead,
    current: ExistingProspect | undefined,
    st: RowState,
  ): { changes: ProspectChanges; fields: FieldChange[] } {
    const changes: ProspectChanges = {};
    const fields: FieldChange[] = [];
    for (const f of ['name', 'headline', 'title', 'company', 'location', 'linkedinUrl'] as const) {
      const v = record[f];
      if (v !== null && v !== current?.[f]) changes[f] = v;
    }
    // The name stood in by the address is no news for a person who already has a name.
    if (current && nameFromEmail) delete changes.name;
    if (record.slug && !current?.slug) changes.slug = record.slug;
    if (record.memberId && !current?.memberId) changes.memberId = record.memberId;
    // A LinkedIn URL already kept stays: a slug's is the one Jalur stores, and an id's URL is no better than any.
    if ((current?.slug || (!record.slug && current?.linkedinUrl)) && changes.linkedinUrl !== undefined) delete changes.linkedinUrl;
    for (const f of ['name', 'headline', 'title', 'company', 'location', 'linkedinUrl'] as const) {
      if (changes[f] !== undefined) fields.push({ field: f, from: current?.[f] ?? null, to: changes[f] });
    }
    // A member id joining a person whose LinkedIn URL stays: without this line the dry run would list
    // an update that names no field.
    if (current && changes.memberId !== undefined && changes.linkedinUrl === undefined) fields.push({ field: 'linkedinMemberId', from: null, to: changes.memberId });
    const addEmails = record.emails.filter((e) => !current?.emails.includes(e));
    if (addEmails.length) {
      changes.addEmails = addEmails;
      fields.push({ field: 'emails', from: current?.emails.join(', ') || null, to: addEmails.join(', ') });
    }
    if (sourceFromFile && record.source !== current?.source) {
      changes.source = record.source;
      fields.push({ field: 'source', from: current?.source ?? null, to: record.source });
    }
    if (record.stageKey !== null && record.stageKey !== current?.stageKey) {
      changes.stageKey = record.stageKey;
      let at = record.stageAt ?? undefined;
      if (at !== undefined && current?.stageEnteredAt !== undefined && at < current.stageEnteredAt) {
        // History is append-only and the latest change is the current stage: a move dated before the
        // current stage began would read as older than it. Recorded now instead, and said so.
        issue(st, 'warnings', 'stage-date-clamped', (columnsOf.get('stageDate') ?? [])[0] ?? null);
        at = undefined;
      }
      if (at !== undefined) changes.stageAt = at;
      fields.push({ field: 'stage', from: current?.stageKey ?? null, to: record.stageKey, ...(at !== undefined ? { at } : {}) });
    }
    if (record.dealValue !== null && record.dealValue !== current?.dealValue) {
      changes.dealValue = record.dealValue;
      fields.push({ field: 'dealValue', from: current?.dealValue ?? null, to: record.dealValue });
    }
    if (record.currency !== null && record.currency !== current?.currency) {
      changes.currency = record.currency;
      fields.push({ field: 'currency', from: current?.currency ?? null, to: record.currency });
    }
    if (record.connectedAt !== null) {
      const day = Math.floor(record.connectedAt / DAY_MS);
      if (!current?.connectedAt?.some((t) => Math.floor(t / DAY_MS) === day)) {
        changes.connectedAt = record.connectedAt;
        fields.push({ field: 'connectedOn', from: null, to: record.connectedAt });
      }
    }
    return { changes, fields };
  }
}
