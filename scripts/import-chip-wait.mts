// What a chip's lookup waits for while the options page imports a CSV. Runs the import bench's flow
// (file chosen from disk, dry run, Import; a LinkedIn tab navigating between a tracked and an
// untracked profile meanwhile) with IndexedDB transactions recorded in the options page (its write
// slices) and in the service worker (the lookup's reads), all on one wall clock, and prints for each
// chip: its time, how long the worker's read of the prospects took from asking to done, how much of
// that a slice held it, and the rest, and how the chip's time splits into reaching the worker, the
// worker's answer (arrival to its last read done) and the answer to the chip shown; then the slices'
// lengths and the gaps between them.
// `npx tsx scripts/import-chip-wait.mts [rows=30000]`; the build is JALUR_EXTENSION_DIR's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Worker } from '@playwright/test';
import { launchWithExtension, openExtensionPage, serviceWorker } from '../test/e2e/harness';
import { bundleForBrowser } from '../test/bench/bundle';
import { navigateInApp, openTrackedShell } from '../test/bench/chip-navigate';
import { benchCsv } from '../test/bench/import-bench';
import type { ChipSample } from '../test/bench/chip-probe';

const rows = Number(process.argv[2] ?? 30_000);
const TRACKED = 'rizky-pratama-5e6f7a';
const UNTRACKED = 'ayu-lestari-0c9d8e';

interface Tx {
  stores: string[];
  mode: string;
  created: number;
  done: number;
}

/**
 * Patches IDBDatabase.transaction in a context to keep every transaction's creation and end (wall
 * clock). Source text, not a function: tsx wraps named functions in a helper the page does not have.
 */
const TRACER = `(() => {
  if (globalThis.__txs) return;
  globalThis.__txs = [];
  const orig = IDBDatabase.prototype.transaction;
  const clock = () => performance.timeOrigin + performance.now();
  IDBDatabase.prototype.transaction = function (...args) {
    const tx = orig.apply(this, args);
    const rec = { stores: Array.from(tx.objectStoreNames), mode: tx.mode, created: clock(), done: 0 };
    globalThis.__txs.push(rec);
    const end = () => (rec.done = clock());
    tx.addEventListener('complete', end);
    tx.addEventListener('abort', end);
    return tx;
  };
})()`;
const TXS = 'globalThis.__txs';
/**
 * The same for read requests (the worker's Dexie keeps its own reference to the transaction method,
 * so its transactions are seen by their requests): each read's store, when it was asked and answered.
 */
const READ_TRACER = `(() => {
  if (globalThis.__reads) return;
  globalThis.__reads = [];
  const clock = () => performance.timeOrigin + performance.now();
  const wrap = (proto, names, storeOf) => {
    for (const name of names) {
      const orig = proto[name];
      if (!orig) continue;
      proto[name] = function (...args) {
        const req = orig.apply(this, args);
        if (req.transaction?.mode !== 'readonly') return req;
        const rec = { stores: [storeOf(this)], mode: 'readonly', created: clock(), done: 0 };
        globalThis.__reads.push(rec);
        req.addEventListener('success', () => { if (!rec.done) rec.done = clock(); });
        req.addEventListener('error', () => { if (!rec.done) rec.done = clock(); });
        return req;
      };
    }
  };
  wrap(IDBObjectStore.prototype, ['get', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor', 'count'], (s) => s.name);
  wrap(IDBIndex.prototype, ['get', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor', 'count'], (i) => i.objectStore.name);
})()`;
const READS = 'globalThis.__reads';
/** The worker's own listener, added after Jalur's: each lookup's arrival in the worker (wall clock). */
const ARRIVALS_TRACER = `(() => {
  if (globalThis.__arrivals) return;
  globalThis.__arrivals = [];
  chrome.runtime.onMessage.addListener((msg) => {
    if (msg && msg.type === 'lookup') globalThis.__arrivals.push(performance.timeOrigin + performance.now());
    return undefined;
  });
})()`;
const ARRIVALS = 'globalThis.__arrivals';


const q = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]! : NaN);
const f = (x: number) => x.toFixed(1);

const dir = mkdtempSync(join(tmpdir(), 'jalur-chip-wait-'));
const probeScript = await bundleForBrowser(resolve('test/bench/chip-probe.ts'));
const { context, close } = await launchWithExtension();
try {
  const file = join(dir, 'bench.csv');
  writeFileSync(file, benchCsv(rows));
  const sw: Worker = await serviceWorker(context);
  const options = await openExtensionPage(context, new URL(sw.url()).host, 'options.html');
  await options.locator('[data-stage]').first().waitFor();
  const linkedin = await openTrackedShell(context, probeScript, TRACKED);
  for (let i = 0; i < 4; i++) await navigateInApp(linkedin, i % 2 ? TRACKED : UNTRACKED);
  const origin = await linkedin.evaluate(() => performance.timeOrigin);

  await options.getByLabel('CSV file').setInputFiles(file);
  await options.locator('[data-count="creates"] dd').filter({ hasText: String(rows) }).waitFor({ timeout: 600_000 });
  await options.evaluate(TRACER);
  for (const w of context.serviceWorkers()) {
    await w.evaluate(READ_TRACER);
    await w.evaluate(ARRIVALS_TRACER);
  }
  const worker = context.serviceWorkers().find((w) => w.url().startsWith(new URL(sw.url()).origin)) ?? sw;
  console.log('workers', context.serviceWorkers().map((w) => w.url()), await worker.evaluate('typeof IDBDatabase + " " + (globalThis.__reads?.length)'));
  const state = { done: false };
  const chips: ChipSample[] = [];
  const probe = (async () => {
    for (let i = 0; !state.done; i++) {
      chips.push(await navigateInApp(linkedin, i % 2 ? TRACKED : UNTRACKED));
      await linkedin.waitForTimeout(100);
    }
  })();
  const t0 = Date.now();
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await options.getByRole('status').filter({ hasText: 'Imported — new:' }).waitFor({ timeout: 1_200_000 });
  const applyMs = Date.now() - t0;
  state.done = true;
  await probe;
  const pageTx = ((await options.evaluate(TXS)) as Tx[]).filter((t) => t.mode === 'readwrite' && t.done);
  const swTx = ((await worker.evaluate(READS)) as Tx[]).filter((t) => t.done);
  const arrivals = (await worker.evaluate(ARRIVALS)) as number[];
  const kinds = new Map<string, number>();
  for (const t of swTx) kinds.set(`${t.mode} ${t.stores.join('+')}`, (kinds.get(`${t.mode} ${t.stores.join('+')}`) ?? 0) + 1);
  console.log('worker reads:', JSON.stringify([...kinds]));
  const start = pageTx[0]?.created ?? 0;
  const end = pageTx.at(-1)?.done ?? 0;

  const rowsOut: string[] = [];
  const totals: number[] = [];
  const waits: number[] = [];
  const held: number[] = [];
  // Before the worker has the lookup, in the worker (arrival to its last read answered), after.
  const parts: { before: number; inWorker: number; after: number }[] = [];
  const startedDuring: number[] = [];
  for (const c of chips) {
    const a = origin + c.inserted;
    const b = origin + c.shown;
    if (a < start || b > end) continue;
    const reads = swTx.filter((t) => t.stores.includes('prospects') && t.mode === 'readonly' && t.created >= a && t.done <= b);
    const read = reads.reduce((s, t) => s + (t.done - t.created), 0);
    // How long page write slices holding the prospects overlapped those reads.
    let hold = 0;
    for (const t of reads)
      for (const w of pageTx) if (w.stores.includes('prospects')) hold += Math.max(0, Math.min(t.done, w.done) - Math.max(t.created, w.created));
    const arrived = arrivals.find((t) => t >= a && t <= b);
    const lastRead = Math.max(0, ...swTx.filter((t) => t.created >= a && t.done <= b).map((t) => t.done));
    const split = arrived !== undefined && lastRead > arrived ? { before: arrived - a, inWorker: lastRead - arrived, after: b - lastRead } : null;
    if (split) parts.push(split);
    // Write slices begun while the worker was answering (after the lookup arrived, before its last read).
    if (split && arrived !== undefined) startedDuring.push(pageTx.filter((w) => w.stores.includes('prospects') && w.created > arrived && w.created < lastRead).length);
    // IMPORT_CHIP_READS=1: each of the worker's reads for the chip, from its arrival (store +asked duration).
    if (process.env.IMPORT_CHIP_READS && arrived !== undefined)
      rowsOut.push(
        '         ' +
          swTx
            .filter((t) => t.created >= a && t.done <= b)
            .map((t) => `${t.stores.join('+')} +${f(t.created - arrived)} ${f(t.done - t.created)}`)
            .join(', '),
      );
    totals.push(b - a);
    waits.push(read);
    held.push(hold);
    rowsOut.push(`${c.kind.padEnd(6)} total ${f(b - a).padStart(6)}  prospects reads ${reads.length} ${f(read).padStart(6)} (slice held ${f(hold).padStart(6)})  rest ${f(b - a - read).padStart(6)}${split ? `  | to worker ${f(split.before).padStart(5)} in worker ${f(split.inWorker).padStart(6)} after ${f(split.after).padStart(5)}` : ''}`);
  }
  const slices = pageTx.filter((t) => t.stores.includes('prospects'));
  const lens = slices.map((t) => t.done - t.created);
  const gaps = slices.slice(1).map((t, i) => t.created - slices[i]!.done);
  console.log(rowsOut.join('\n'));
  console.log(`\n${rows} rows, apply ${applyMs} ms; ${slices.length} write slices: length median ${f(q(lens, 0.5))} p95 ${f(q(lens, 0.95))} ms; gap between slices median ${f(q(gaps, 0.5))} p95 ${f(q(gaps, 0.95))} ms; prospects held ${((100 * lens.reduce((s, x) => s + x, 0)) / (end - start)).toFixed(0)} % of the apply`);
  console.log(`chips during the apply: ${totals.length}; total median ${f(q(totals, 0.5))} p95 ${f(q(totals, 0.95))}; prospects read median ${f(q(waits, 0.5))} (held by a slice median ${f(q(held, 0.5))}); rest median ${f(q(totals.map((t, i) => t - waits[i]!), 0.5))}`);
  console.log(
    `split (${parts.length} chips): to the worker median ${f(q(parts.map((x) => x.before), 0.5))}, in the worker median ${f(q(parts.map((x) => x.inWorker), 0.5))} p95 ${f(q(parts.map((x) => x.inWorker), 0.95))}, answer to shown median ${f(q(parts.map((x) => x.after), 0.5))} ms; write slices begun while the worker answered: ${startedDuring.reduce((a, b) => a + b, 0)} (in ${startedDuring.filter((n) => n > 0).length} chips)`,
  );
} finally {
  await close();
  rmSync(dir, { recursive: true, force: true });
}
