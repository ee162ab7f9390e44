// Runs in a page (bundled by scripts/import-cost.mts): where a CSV import's time goes, against the
// floor of what IndexedDB charges for the same rows. Each variant writes `n` new people into a fresh
// Jalur store (openDb: the real schema and middleware) and reports milliseconds.
//   - apply: applyImport itself (the dry run's plan reused, slices of `per` rows, a turn between them);
//     its parts are timed by wrapping what it calls (zod, score, the transactions).
//   - raw: the same rows (prospect + stage change + the two stamps) written with plain IndexedDB in
//     transactions of `per` rows: what the database charges, with nothing of Jalur's around it.
import Dexie from 'dexie';
import { openDb } from '../lib/store/db';
import type { StoreContext } from '../lib/store/context';
import { ensureSeeded } from '../lib/store/seed';
import { applyImport, planned, type ImportRun } from '../lib/store/import';
import { readImportFile } from '../lib/io/import-plan';

function done(r: IDBRequest | IDBTransaction, ev: 'success' | 'complete'): Promise<void> {
  return new Promise((res, rej) => {
    r.addEventListener(ev, () => res());
    r.addEventListener('error', () => rej((r as IDBRequest).error));
    r.addEventListener('abort', () => rej((r as IDBTransaction).error));
  });
}

async function freshCtx(neverWritten = false): Promise<StoreContext> {
  const db = openDb(`import-cost-${Math.random()}`);
  const ctx: StoreContext = { db, now: () => Date.now(), newId: () => crypto.randomUUID(), userId: 'local', teamId: 'local', nodeId: 'n' };
  await ensureSeeded(ctx, 'en');
  // A fresh install's store: no prospect ever written, so no change stamp yet.
  if (neverWritten) return ctx;
  // One person in, as a rep's store has: a store never written has no change stamp yet.
  const one = readImportFile('Name,Email\nSeseorang,seseorang@contoh.co.id');
  if (!one.ok) throw new Error('seed');
  await applyImport(ctx, one.file, { skipBadRows: false });
  return ctx;
}

/** The import bench's file (test/bench/import-bench.ts benchCsv), made here so the page bundle stays small. */
function benchCsvText(rows: number): string {
  const lines = ['Name,Email,LinkedIn URL,Title,Company,Location'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `Orang Contoh ${i},orang.contoh${i}@perusahaan${i % 997}.co.id,https://www.linkedin.com/in/orang-contoh-${i}/,Head of Procurement,Perusahaan Contoh ${i % 997},"Jakarta, Indonesia"`,
    );
  }
  return lines.join('\n');
}

const turn = () => new Promise<void>((r) => setTimeout(r, 0));

/** applyImport as the options page runs it, with fixed slices of `per` rows (no timing) so variants compare. */
export async function apply(n: number, per: number, neverWritten = false): Promise<Record<string, number>> {
  const ctx = await freshCtx(neverWritten);
  const read = readImportFile(benchCsvText(n));
  if (!read.ok) throw new Error('csv');
  const dry = await planned(ctx, read.file, { skipBadRows: false });
  let txMs = 0;
  let slices = 0;
  const db = ctx.db;
  const orig = db.transaction.bind(db) as (...a: unknown[]) => Promise<unknown>;
  (db as unknown as { transaction: (...a: unknown[]) => Promise<unknown> }).transaction = (...a: unknown[]) => {
    const t = performance.now();
    return orig(...a).finally(() => {
      txMs += performance.now() - t;
      slices++;
    });
  };
  const run: ImportRun = { chunk: per, pause: turn };
  const t0 = performance.now();
  const out = await applyImport(ctx, read.file, { skipBadRows: false }, run, dry);
  const ms = performance.now() - t0;
  if (out.created.length !== n) throw new Error(`created ${out.created.length}`);
  db.close();
  await Dexie.delete(db.name);
  return { ms, txMs, outsideTx: ms - txMs, slices };
}

/** The rows applyImport writes, written with plain IndexedDB: `per` people (and their stage changes) a transaction. */
export async function raw(n: number, per: number, mode: 'add' | 'put' = 'add', durability: IDBTransactionDurability = 'default'): Promise<number> {
  const ctx = await freshCtx();
  const read = readImportFile(benchCsvText(n));
  if (!read.ok) throw new Error('csv');
  // Rows as applyImport builds them, built before the clock starts.
  const captured: { prospects: unknown[]; changes: unknown[] } = { prospects: [], changes: [] };
  {
    const tmp = await freshCtx();
    const out = await applyImport(tmp, read.file, { skipBadRows: false });
    captured.prospects = out.created;
    captured.changes = (await tmp.db.stageChanges.toArray()).slice(1);
    tmp.db.close();
    await Dexie.delete(tmp.db.name);
  }
  const idb = ctx.db.backendDB();
  const t0 = performance.now();
  for (let start = 0; start < n; start += per) {
    const tx = idb.transaction(['prospects', 'stageChanges', 'caches'], 'readwrite', { durability });
    const fin = done(tx, 'complete');
    const p = tx.objectStore('prospects');
    const c = tx.objectStore('stageChanges');
    tx.objectStore('caches').get('stamp:prospects');
    const end = Math.min(n, start + per);
    for (let i = start; i < end; i++) p[mode](captured.prospects[i]);
    for (let i = start; i < end; i++) c[mode](captured.changes[i]);
    tx.objectStore('caches').put({ key: 'stamp:prospects', value: crypto.randomUUID() });
    tx.objectStore('caches').put({ key: 'stamp:views', value: crypto.randomUUID() });
    await fin;
    await turn();
  }
  const ms = performance.now() - t0;
  ctx.db.close();
  await Dexie.delete(ctx.db.name);
  return ms;
}

const api = { apply, raw, hasPutAll: () => 'putAll' in IDBObjectStore.prototype };
(globalThis as unknown as { __cost: typeof api }).__cost = api;
