// "Download backup" without a message carrying the pipeline: Chrome refuses a runtime message over
// 64 MiB, and a busy rep's backup (100,000 prospects with their touches) is larger. Extension pages
// share the extension origin's IndexedDB, so the options page reads the store itself, a page of rows
// at a time inside one read transaction (the tables agree with each other, as in readBackup), and
// writes the JSON into Blob parts as it goes. The file is byte for byte what backupJson would write.
import type { IndexableType, Table } from 'dexie';
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, type BackupTable } from '../../lib/io/export';
import type { BackupCounts } from '../../lib/messaging/data-types';
import { openDb } from '../../lib/store/db';
import { DERIVED_META } from '../../lib/store/restore';

/** Rows read per request: a few MB at most, whatever the pipeline's size. */
export const BACKUP_PAGE_ROWS = 2000;
/** Text gathered before it becomes a Blob part, so the page never holds the whole file as strings. */
const PART_CHARS = 4_000_000;

class BlobWriter {
  private parts: Blob[] = [];
  private pending: string[] = [];
  private chars = 0;
  write(text: string): void {
    this.pending.push(text);
    this.chars += text.length;
    if (this.chars >= PART_CHARS) this.flush();
  }
  private flush(): void {
    if (this.pending.length) this.parts.push(new Blob(this.pending));
    this.pending = [];
    this.chars = 0;
  }
  blob(type: string): Blob {
    this.flush();
    return new Blob(this.parts, { type });
  }
}

/** The backup of the store in `database` as a JSON file. */
export async function backupFile(database: string, exportedAt: string, pageRows = BACKUP_PAGE_ROWS): Promise<{ blob: Blob; counts: BackupCounts }> {
  const db = openDb(database);
  const out = new BlobWriter();
  const counts: BackupCounts = {};
  try {
    out.write(`{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"exportedAt":${JSON.stringify(exportedAt)},"tables":{`);
    const tables = BACKUP_TABLES.map((name) => db.table(name));
    await db.transaction('r', tables, async () => {
      for (const [k, name] of BACKUP_TABLES.entries()) {
        out.write(`${k ? ',' : ''}${JSON.stringify(name)}:[`);
        counts[name] = await writeTable(db.table(name), name, pageRows, out);
        out.write(']');
      }
    });
    out.write('}}');
    return { blob: out.blob('application/json'), counts };
  } finally {
    db.close();
  }
}

/** One table in primary-key order (as toArray reads it), a page at a time; returns the rows written. */
async function writeTable(table: Table, name: BackupTable, pageRows: number, out: BlobWriter): Promise<number> {
  const key = table.schema.primKey.keyPath as string;
  let after: IndexableType | undefined;
  let written = 0;
  for (;;) {
    const page = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(pageRows).toArray();
    for (const row of page as Record<string, unknown>[]) {
      if (name === 'meta' && DERIVED_META.has(row.key as string)) continue;
      out.write((written ? ',' : '') + JSON.stringify(row));
      written++;
    }
    if (page.length < pageRows) return written;
    after = (page.at(-1) as Record<string, unknown>)[key] as IndexableType;
  }
}
