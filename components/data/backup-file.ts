// "Download backup" without a message carrying the pipeline: Chrome refuses a runtime message over
// 64 MiB, and a busy rep's backup (100,000 prospects with their touches) is larger. Extension pages
// share the extension origin's IndexedDB, so the options page reads the store itself, a page of rows
// at a time inside one read transaction (the tables agree with each other, as in readBackup), and
// writes the JSON into Blob parts as it goes. The file is byte for byte what backupJson would write.
//
// Where the time goes at 100,000 prospects with their touches and follow-ups (scripts/bulk-profile.mts
// backup): about half is IndexedDB reading the rows (the page idles meanwhile), the other half the page
// turning them into text and Blob parts. So the two overlap: the next page of rows is asked for the
// moment a page arrives, before that page is written, and the database reads while the page writes.
// Raw IndexedDB rather than Dexie: no promise and zone per page, and nothing to keep the transaction
// alive between pages but the request in flight. A page is one JSON.stringify of its rows (the same
// text as each row's, joined by commas) and one string, not thousands of small ones.
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, type BackupTable } from '../../lib/io/export';
import type { BackupCounts } from '../../lib/messaging/data-types';
import { openDb, type IdbEnv } from '../../lib/store/db';
import { DERIVED_META } from '../../lib/store/restore';

/** Rows read per request: a few MB at most, whatever the pipeline's size. */
export const BACKUP_PAGE_ROWS = 2000;
/**
 * The file as Blob parts. A page's text becomes its own Blob at once: the page never holds more than a
 * page of the file as strings, and Chromium makes Blobs of one long string each faster than of many
 * strings gathered (28 MB of pages: median 470 ms a Blob a page against 800 ms gathered into 4 MB
 * parts, 8 turns each in this Chromium, load ~16). The few short texts between pages (a table's name,
 * brackets, commas) stay strings until the end.
 */
class BlobWriter {
  private parts: Array<Blob | string> = [];
  write(text: string): void {
    this.parts.push(text);
  }
  page(text: string): void {
    this.parts.push(new Blob([text]));
  }
  blob(type: string): Blob {
    return new Blob(this.parts, { type });
  }
}

/** The backup of the store in `database` as a JSON file (`env`: another IndexedDB, for tests). */
export async function backupFile(
  database: string,
  exportedAt: string,
  pageRows = BACKUP_PAGE_ROWS,
  env?: IdbEnv,
): Promise<{ blob: Blob; counts: BackupCounts }> {
  const db = openDb(database, env);
  try {
    await db.open();
    const out = new BlobWriter();
    out.write(`{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${JSON.stringify(exportedAt)},"tables":{`);
    const counts = await writeTables(db.backendDB(), pageRows, out, env?.IDBKeyRange ?? IDBKeyRange);
    out.write('}}');
    return { blob: out.blob('application/json'), counts };
  } finally {
    db.close();
  }
}

/**
 * Every backed-up table in primary-key order (as toArray reads it), in one read transaction, a page
 * at a time, the next page always asked for before the current one is written (see the top).
 */
function writeTables(idb: IDBDatabase, pageRows: number, out: BlobWriter, keyRange: typeof IDBKeyRange): Promise<BackupCounts> {
  return new Promise((resolve, reject) => {
    const counts: BackupCounts = {};
    const tx = idb.transaction(BACKUP_TABLES, 'readonly');
    tx.onabort = () => reject(tx.error ?? new Error('The backup could not read the store'));
    tx.oncomplete = () => resolve(counts);
    let k = 0;
    /** Asks for the page of table `k` after `after` (undefined: its first page). */
    const ask = (after: IDBValidKey | undefined) => {
      const name = BACKUP_TABLES[k]!;
      const store = tx.objectStore(name);
      const req = store.getAll(after === undefined ? null : keyRange.lowerBound(after, true), pageRows);
      req.onsuccess = () => {
        try {
          const rows = req.result as Record<string, unknown>[];
          const first = after === undefined;
          // The next request first, so the database reads it while this page is written.
          const full = rows.length === pageRows;
          if (full) ask(rows[rows.length - 1]![store.keyPath as string] as IDBValidKey);
          if (first) out.write(`${k ? ',' : ''}${JSON.stringify(name)}:[`);
          write(name, rows);
          if (!full) {
            out.write(']');
            k++;
            if (k < BACKUP_TABLES.length) ask(undefined);
          }
        } catch (e) {
          reject(e);
          tx.abort();
        }
      };
    };
    const write = (name: BackupTable, page: Record<string, unknown>[]) => {
      const rows = name === 'meta' ? page.filter((row) => !DERIVED_META.has(row.key as string)) : page;
      if (!rows.length) return;
      // One stringify for the page: an array's text is its rows' texts joined by commas.
      const text = JSON.stringify(rows);
      // The comma apart: joined to the text, it would copy the whole page into a new string.
      if (counts[name]) out.write(',');
      out.page(text.slice(1, -1));
      counts[name] = (counts[name] ?? 0) + rows.length;
    };
    for (const name of BACKUP_TABLES) counts[name] = 0;
    ask(undefined);
  });
}
