// Restore of a backup of any size, read as a stream (lib/io/backup-stream.ts) by the page that restores
// it, never whole and never through a message. Two passes over the file:
//
// 1. checkBackupStream: every row is validated with its table's schema (as parseBackup does), keys are
//    unique per table, no two live prospects share a LinkedIn profile or address, and no row is of
//    another pipeline. Only what the check needs is held: keys, not rows. Nothing is written.
// 2. restoreBackupStream: the file is read again and written into ONE IndexedDB transaction, which
//    first clears the backed-up tables. The transaction is kept open while the file streams in by
//    always having a request in flight (a cheap read that re-issues itself and adds whatever rows have
//    been parsed meanwhile); reading waits while too many rows are queued, so memory stays bounded. Any
//    failure (a row that fails after all, a full disk, the page closing) aborts the transaction, and
//    IndexedDB rolls everything back: the store is either the backup or what it was, never a mix.
//    Chips' lookups wait for it, as they did for the one-transaction restore before.
//
// Both passes report progress and stop on a cancel (RestoreRun). A cancel during the check has written
// nothing; a cancel during the restore aborts its one transaction, so the store is exactly as it was
// before, row for row. Companies are restored like cadences: a backup made before they went into
// backups has none, and restoring it keeps the store's companies.
import Dexie, { RangeSet } from 'dexie';
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, KEY_OF, OPTIONAL_TABLES, ROW_SCHEMAS, type BackupError, type BackupTable } from '../io/export';
import { BackupStreamError, scanBackup } from '../io/backup-stream';
import type { BackupCheck, BackupCounts } from '../messaging/data-types';
import { identityKeys } from '../model/prospect-intake';
import { wellFormedDeep } from '../model/text';
import { CACHES_TABLE, freshStamps } from './change-stamp';
import type { StoreContext } from './context';
import { DERIVED_META } from './restore';

/** Re-readable text of the file: each call starts from the beginning (a File's stream() does). */
export type OpenText = () => AsyncIterable<string>;

const SCOPED: ReadonlySet<BackupTable> = new Set(['stages', 'prospects', 'touches', 'followUps', 'stageChanges', 'cadences', 'companies']);
const REQUIRED = BACKUP_TABLES.filter((t) => !OPTIONAL_TABLES.has(t));

export interface RestoreProgress {
  phase: 'checking' | 'restoring';
  /** Checking: characters of the file read; restoring: rows written. */
  done: number;
  total: number;
}

/** How a restore reports and stops: progress now and then, and a cancel looked at between chunks of the file. */
export interface RestoreRun {
  onProgress?: (p: RestoreProgress) => void;
  signal?: AbortSignal;
  /** The file's length in characters (about its size), for the check's progress. */
  size?: number;
}

/** The rep cancelled: during the check nothing was written; during the restore the store is exactly as before. */
export class RestoreCancelled extends Error {
  constructor() {
    super('The restore was cancelled');
  }
}

/** Rows or characters between two progress reports: often enough for a bar, rare enough to cost nothing. */
const REPORT_EVERY = 2000;

/** The file's text, stopping at a cancel and counting what was read for the check's progress. */
async function* watched(text: AsyncIterable<string>, run: RestoreRun | undefined, onChars?: (n: number) => void): AsyncIterable<string> {
  for await (const chunk of text) {
    if (run?.signal?.aborted) throw new RestoreCancelled();
    onChars?.(chunk.length);
    yield chunk;
  }
  if (run?.signal?.aborted) throw new RestoreCancelled();
}

class Refused extends Error {
  constructor(readonly error: BackupError) {
    super(error.message);
  }
}

/** Pass 1: whether the file restores, what it holds and whether it is another pipeline's. Writes nothing. */
export async function checkBackupStream(ctx: StoreContext, open: OpenText, run?: RestoreRun): Promise<BackupCheck> {
  const fields = new Map<string, unknown>();
  const counts: BackupCounts = {};
  const keys = new Map<BackupTable, Set<unknown>>();
  const identity = new Map<string, { index: number; name: string }>();
  let firstBad: BackupError | null = null;
  let problems = 0;
  let otherScope = false;
  let read = 0;
  const total = run?.size ?? 0;
  const onChars = (n: number) => {
    read += n;
    run?.onProgress?.({ phase: 'checking', done: Math.min(read, total), total });
  };
  try {
    await scanBackup(watched(open(), run, onChars), {
      field(key, value) {
        fields.set(key, value);
        if (key === 'format' && value !== BACKUP_FORMAT) throw new Refused({ code: 'not-a-backup', message: 'The file is not a Jalur backup.' });
        if (key === 'version' && value !== BACKUP_VERSION)
          throw new Refused({ code: 'unsupported-version', message: `Unknown backup format version ${JSON.stringify(value)}.` });
      },
      table(name) {
        // An empty list of an optional table (cadences, companies) empties it; only an absent one keeps the store's.
        if ((BACKUP_TABLES as string[]).includes(name)) counts[name as BackupTable] ??= 0;
      },
      row(name, index, value) {
        if (!fields.has('format')) throw new Refused({ code: 'not-a-backup', message: 'The file is not a Jalur backup.' });
        if (!(BACKUP_TABLES as string[]).includes(name)) throw new Refused({ code: 'bad-file', path: `tables.${name}`, message: `Unknown table ${name}.` });
        const table = name as BackupTable;
        counts[table] = index + 1;
        const r = ROW_SCHEMAS[table].safeParse(value);
        if (!r.success) {
          problems++;
          if (!firstBad) {
            const issue = r.error.issues[0]!;
            const path = issue.path.map(String).join('.');
            firstBad = { code: 'bad-row', table, index, path, message: `${table} row ${index}${path ? `, ${path}` : ''}: ${issue.message}` };
          }
          return;
        }
        const row = r.data as Record<string, unknown>;
        const seen = keys.get(table) ?? keys.set(table, new Set()).get(table)!;
        const key = KEY_OF[table](row);
        if (seen.has(key)) throw new Refused({ code: 'duplicate-key', table, index, message: `${table} row ${index} repeats the key ${JSON.stringify(key)} of an earlier row.` });
        seen.add(key);
        if (SCOPED.has(table) && row.teamId !== ctx.teamId) otherScope = true;
        if (table === 'prospects' && row.deletedAt === null) {
          for (const k of identityKeys(row as Parameters<typeof identityKeys>[0])) {
            const holder = identity.get(k);
            if (holder)
              throw new Refused({
                code: 'duplicate-key',
                table,
                index,
                message: `This backup cannot be restored: prospects row ${holder.index} (${holder.name}) and row ${index} (${String(row.name)}) share ${k}.`,
              });
            identity.set(k, { index, name: String(row.name) });
          }
        }
      },
    });
  } catch (e) {
    if (e instanceof Refused) return { ok: false, error: e.error };
    if (e instanceof BackupStreamError) return { ok: false, error: { code: e.code, message: e.message } };
    throw e;
  }
  if (fields.get('format') !== BACKUP_FORMAT) return { ok: false, error: { code: 'not-a-backup', message: 'The file is not a Jalur backup.' } };
  const exportedAt = fields.get('exportedAt');
  if (typeof exportedAt !== 'string' || Number.isNaN(Date.parse(exportedAt)))
    return { ok: false, error: { code: 'bad-file', path: 'exportedAt', message: 'exportedAt: not a time.' } };
  if (firstBad) return { ok: false, error: { ...(firstBad as BackupError), problems } };
  for (const t of REQUIRED) counts[t] ??= 0;
  return { ok: true, exportedAt, counts, otherScope };
}

/** Rows waiting to be written before reading the file waits for the writes to catch up. */
const QUEUE_HIGH = 5000;
/** Rows written per turn of the pump. */
const PUMP_BATCH = 500;
/** Pumps running at once: batches of rows the database has to write while the page queues more. */
export const PUMPS = 2;

/**
 * Rows parsed and not yet written, first in first out. An array's shift() moves every row behind the
 * first, and thousands wait here at a time: this takes from a head index instead.
 */
class RowQueue {
  private rows: Array<[BackupTable, unknown]> = [];
  private head = 0;
  get length(): number {
    return this.rows.length - this.head;
  }
  push(entry: [BackupTable, unknown]): void {
    this.rows.push(entry);
  }
  shift(): [BackupTable, unknown] {
    const entry = this.rows[this.head]!;
    this.rows[this.head++] = undefined as never;
    // The used head is dropped now and then (not on every take), so the array stays as short as the queue.
    if (this.head === this.rows.length || this.head >= 4096) {
      this.rows = this.rows.slice(this.head);
      this.head = 0;
    }
    return entry;
  }
}

/**
 * Tables whose primary key is the key the check keeps unique (the outbox's is `seq`, not the
 * mutationId the check compares): see keyOrderWriter.
 */
const PUT_TABLES: ReadonlySet<BackupTable> = new Set(['stages', 'prospects', 'touches', 'followUps', 'stageChanges', 'meta', 'cadences', 'companies']);

/**
 * Writes a row with put() when it cannot repeat a key, add() otherwise. An add() first looks the key up
 * in the store (a quarter of each write's time in Chromium's IndexedDB, traced at 20,000 prospects), only
 * to fail on a key already written; the tables were cleared in this transaction, so the only rows a key
 * could meet are earlier rows of the same file. A backup lists each table in key order, so a row whose
 * key is above every key before it in its table cannot repeat one, and put() writes it without the
 * lookup; any other row (a file not in key order) is added, so a repeated key still fails the restore
 * and rolls it back whole, as it always has. One key a table kept, whatever the file's size.
 */
export function keyOrderWriter(): (store: IDBObjectStore, table: BackupTable, row: Record<string, unknown>) => void {
  const highest = new Map<BackupTable, string>();
  return (store, table, row) => {
    const key = PUT_TABLES.has(table) ? row[store.keyPath as string] : undefined;
    if (typeof key !== 'string') {
      store.add(row);
      return;
    }
    const top = highest.get(table);
    // Strings compare by UTF-16 code unit in JavaScript and in IndexedDB alike.
    if (top === undefined || key > top) {
      highest.set(table, key);
      store.put(row);
    } else store.add(row);
  };
}

function requestDone(req: IDBRequest | IDBTransaction, event: 'success' | 'complete'): Promise<void> {
  return new Promise((resolve, reject) => {
    req.addEventListener(event, () => resolve());
    req.addEventListener('error', () => reject((req as IDBRequest).error ?? new Error('IndexedDB error')));
    req.addEventListener('abort', () => reject((req as IDBTransaction).error ?? new Error('The restore was rolled back')));
  });
}

/**
 * Pass 2: replaces the store's content with the file's, in one transaction (see the top). Call only
 * after checkBackupStream said ok and not otherScope. Returns the rows written per table.
 */
export async function restoreBackupStream(
  ctx: StoreContext,
  open: OpenText,
  check: Extract<BackupCheck, { ok: true }>,
  run?: RestoreRun,
): Promise<BackupCounts> {
  if (run?.signal?.aborted) throw new RestoreCancelled();
  await ctx.db.open();
  const idb = ctx.db.backendDB();
  // A table an older backup lacks (cadences, companies) is left as the store has it.
  const tables = BACKUP_TABLES.filter((t) => !OPTIONAL_TABLES.has(t) || check.counts[t] !== undefined);
  const total = tables.reduce((n, t) => n + (check.counts[t] ?? 0), 0);
  let writtenRows = 0;
  let reported = 0;
  // Raw IndexedDB passes by Dexie's middleware, so what it would do here is done by hand: derived
  // data kept beside the store (the board snapshot, the first screens) goes, and the change stamps are
  // new (./change-stamp.ts): a page that planned against the rows before sees they changed.
  const derived = idb.objectStoreNames.contains(CACHES_TABLE) ? [CACHES_TABLE] : [];
  const tx = idb.transaction([...tables, ...derived], 'readwrite');
  const committed = requestDone(tx, 'complete');
  committed.catch(() => undefined);
  for (const t of [...tables, ...derived]) tx.objectStore(t).clear();
  for (const t of derived) for (const row of freshStamps()) tx.objectStore(t).put(row);
  const stores: Partial<Record<BackupTable, IDBObjectStore>> = {};
  const write = keyOrderWriter();

  const queue = new RowQueue();
  const written: BackupCounts = {};
  let reading = true;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  // The pump: one read always in flight keeps the transaction open; each answer writes what is queued.
  const pump = () => {
    if (failure) return;
    try {
      // Cancelled: the one transaction is rolled back whole, so the store is exactly as it was.
      if (run?.signal?.aborted) throw new RestoreCancelled();
      // A batch per turn: the page paints its progress and hears a Cancel in between.
      for (let n = 0; n < PUMP_BATCH && queue.length; n++) {
        const [t, row] = queue.shift();
        write(stores[t] ??= tx.objectStore(t), t, row as Record<string, unknown>);
        written[t] = (written[t] ?? 0) + 1;
        writtenRows++;
      }
    } catch (e) {
      failure = e;
      tx.abort();
      wake?.();
      wake = null;
      return;
    }
    if (writtenRows - reported >= REPORT_EVERY || (!reading && !queue.length && writtenRows !== reported)) {
      reported = writtenRows;
      run?.onProgress?.({ phase: 'restoring', done: writtenRows, total });
    }
    wake?.();
    wake = null;
    if (reading || queue.length) tx.objectStore('meta').get('\uffff-restore-pump').onsuccess = pump;
    // The last rows are written: the derived overdue count goes (rebuilt on demand).
    else if (!finished) {
      finished = true;
      tx.objectStore('meta').delete('overdue');
    }
  };
  // Two pumps, so two batches are in flight: the database writes one while the page, when its answer
  // comes, queues the next (with one, it idled for a round trip to the page after every batch).
  let finished = false;
  for (let k = 0; k < PUMPS; k++) pump();
  // The file is read a chunk at a time, and not further while the writes are behind: memory stays bounded.
  async function* paced(): AsyncIterable<string> {
    for await (const chunk of watched(open(), run)) {
      while (queue.length > QUEUE_HIGH && !failure) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) return;
      yield chunk;
    }
  }
  try {
    await scanBackup(paced(), {
      field() {},
      row(name, _index, value) {
        const table = name as BackupTable;
        let row = ROW_SCHEMAS[table].parse(value) as Record<string, unknown>;
        if (table === 'meta' && DERIVED_META.has(row.key as string)) return;
        // What the schemas do not look into is made well-formed, as restorableBackup does.
        if (table === 'outbox' || table === 'meta') row = wellFormedDeep(row);
        queue.push([table, row]);
      },
    });
    reading = false;
    while (queue.length && !failure) await new Promise<void>((resolve) => (wake = resolve));
  } catch (e) {
    failure ??= e;
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
  }
  reading = false;
  try {
    await committed;
  } catch (e) {
    throw failure ?? e;
  }
  if (failure) throw failure;
  // Other contexts (the background's board cache and search index) learn that everything changed.
  const everything = Object.fromEntries(
    [...tables, ...derived].flatMap((t) => [
      [`idb://${ctx.db.name}/${t}/`, new RangeSet(-Infinity, [[[]]])],
      [`idb://${ctx.db.name}/${t}/:dels`, new RangeSet(-Infinity, [[[]]])],
    ]),
  );
  (Dexie.on('storagemutated') as unknown as { fire: (parts: unknown) => void }).fire(everything);
  return written;
}

/** Text chunks of a Blob (a chosen file), decoded as UTF-8, read again from the start on each call. */
export function blobText(blob: Blob): OpenText {
  return async function* () {
    const reader = blob.stream().pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  };
}
