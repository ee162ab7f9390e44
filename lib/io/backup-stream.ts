// A backup file read as a stream of text chunks: the header's fields and each table's rows one by one,
// each row parsed on its own. A backup of 100,000 prospects with their touches and follow-ups is
// hundreds of MB; JSON.parse of the whole text would hold the text and every row at once, and a
// runtime message cannot carry it at all. This scanner keeps only the row being read.
//
// It reads any well-formed JSON of the backup's shape ({..., "tables": {"<table>": [ {row}, ... ]}}),
// whatever its whitespace; anything else is a 'not-json' or 'bad-file' error at the first place it
// goes wrong. Row contents are checked by the caller (zod, lib/store/restore-stream.ts).

export class BackupStreamError extends Error {
  constructor(
    readonly code: 'not-json' | 'bad-file',
    message: string,
  ) {
    super(message);
  }
}

export interface BackupSink {
  /** A top-level field other than `tables` (format, version, exportedAt). */
  field(key: string, value: unknown): void;
  /** One row of a table, in file order; `index` is its 0-based position in the table. */
  row(table: string, index: number, value: unknown): void;
  /** A table's list opens: heard even when it holds no rows, so an empty table differs from one absent. */
  table?(table: string): void;
}

const WS = new Set([' ', '\n', '\r', '\t']);

/** Feed it chunks with push(), then end(); the sink hears every field and row as soon as it is complete. */
export class BackupScanner {
  private stack: string[] = [];
  /** The current key at each object level (index = depth - 1). */
  private keys: (string | null)[] = [];
  private expectKey = false;
  private inString = false;
  private escaped = false;
  private keyText: string | null = null;
  private capture: { text: string; base: number; table: string | null; key: string; scalar: boolean } | null = null;
  private counts = new Map<string, number>();
  private started = false;
  private done = false;

  constructor(private readonly sink: BackupSink) {}

  push(chunk: string): void {
    let from = 0;
    // Where the chunk's next backslash is (-1: none left; -2: not looked for yet): strings are skipped
    // through with indexOf, and most hold no backslash at all, so it is looked for once, not per string.
    let backslash = -2;
    for (let i = 0; i < chunk.length; i++) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          continue;
        }
        // Straight to the string's closing quote or its next escape: nothing else in a string matters here.
        if (backslash !== -1 && backslash < i) backslash = chunk.indexOf('\\', i);
        const quote = chunk.indexOf('"', i);
        if (backslash !== -1 && (quote === -1 || backslash < quote)) {
          i = backslash;
          this.escaped = true;
          continue;
        }
        if (quote === -1) break;
        i = quote;
        this.inString = false;
        if (this.keyText !== null && !this.capture) {
          this.keys[this.stack.length - 1] = JSON.parse(`"${this.keyText + chunk.slice(from, i)}"`) as string;
          this.keyText = null;
          this.expectKey = false;
        }
        continue;
      }
      const c = chunk[i]!;
      if (WS.has(c)) continue;
      if (this.done) throw new BackupStreamError('not-json', 'Text after the end of the backup.');
      const cap = this.capture;
      if (cap?.scalar && this.stack.length === cap.base && (c === ',' || c === '}' || c === ']')) {
        cap.text += chunk.slice(from, i);
        this.finish(cap);
        from = i;
      }
      if (!this.capture) {
        if (this.keyText === null && this.expectKey) {
          if (c === '"') {
            this.inString = true;
            this.keyText = '';
            from = i + 1;
            continue;
          }
          if (c !== '}') throw new BackupStreamError('not-json', 'A key was expected.');
        }
        if (!this.started) {
          if (c !== '{') throw new BackupStreamError('not-json', 'The file is not a JSON object.');
          this.started = true;
        } else if (this.startsValue(c)) {
          const depth = this.stack.length;
          const table = depth === 3 && this.keys[0] === 'tables' ? this.keys[1]! : null;
          if (depth === 3 && this.stack[2] === '[' && table !== null) {
            this.capture = { text: '', base: depth, table, key: '', scalar: c !== '{' && c !== '[' };
            from = i;
          } else if (depth === 1 && this.keys[0] !== 'tables') {
            this.capture = { text: '', base: depth, table: null, key: this.keys[0] ?? '', scalar: c !== '{' && c !== '[' };
            from = i;
          } else if (depth === 2 && this.keys[0] === 'tables' && c !== '[') {
            throw new BackupStreamError('bad-file', `tables.${this.keys[1]}: a table must be a list of rows.`);
          } else if (depth === 2 && this.keys[0] === 'tables') {
            this.sink.table?.(this.keys[1]!);
          } else if (depth === 1 && c !== '{') {
            throw new BackupStreamError('bad-file', 'tables: must be an object of tables.');
          }
        }
      }
      if (c === '"') {
        this.inString = true;
        continue;
      }
      if (c === '{' || c === '[') {
        this.stack.push(c);
        if (c === '{') {
          this.keys[this.stack.length - 1] = null;
          if (!this.capture) this.expectKey = true;
        }
      } else if (c === '}' || c === ']') {
        const open = this.stack.pop();
        if ((c === '}') !== (open === '{')) throw new BackupStreamError('not-json', 'Brackets do not match.');
        const capNow = this.capture;
        if (capNow && !capNow.scalar && this.stack.length === capNow.base) {
          capNow.text += chunk.slice(from, i + 1);
          from = i + 1;
          this.finish(capNow);
        }
        if (this.stack.length === 0) this.done = true;
      } else if (c === ',') {
        if (!this.capture && this.stack.at(-1) === '{') this.expectKey = true;
      }
    }
    if (this.capture) this.capture.text += chunk.slice(from);
    else if (this.keyText !== null) this.keyText += chunk.slice(from);
  }

  /** The file ended: it must have closed its top-level object. */
  end(): void {
    if (!this.done) throw new BackupStreamError('not-json', 'The file ends in the middle of the backup.');
  }

  private startsValue(c: string): boolean {
    return c !== ':' && c !== ',' && c !== '}' && c !== ']';
  }

  private finish(cap: NonNullable<BackupScanner['capture']>): void {
    this.capture = null;
    let value: unknown;
    try {
      value = JSON.parse(cap.text);
    } catch {
      throw new BackupStreamError('not-json', 'The file is not JSON.');
    }
    if (cap.table === null) return this.sink.field(cap.key, value);
    const index = this.counts.get(cap.table) ?? 0;
    this.counts.set(cap.table, index + 1);
    this.sink.row(cap.table, index, value);
  }
}

/** Reads a stream of text through a scanner. */
export async function scanBackup(chunks: AsyncIterable<string>, sink: BackupSink): Promise<void> {
  const scanner = new BackupScanner(sink);
  let first = true;
  for await (let chunk of chunks) {
    if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    if (chunk) first = false;
    scanner.push(chunk);
  }
  scanner.end();
}
