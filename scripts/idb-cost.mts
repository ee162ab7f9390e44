// What an IndexedDB write of a prospect costs in this Chromium, by variant, to choose how bulk jobs
// (import, restore) write: Jalur's 8 prospect indexes vs fewer vs none, durability 'relaxed', rows per
// transaction, value size, packed rows, Dexie with the store's middleware, a dedicated worker.
// `npx tsx scripts/idb-cost.mts [rows] [rounds]`: the variants run in turns, `rounds` times, and each
// prints its median ms per `rows` rows. Pages of a plain https origin in a persistent profile.
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleForBrowser } from '../test/bench/bundle';

const n = Number(process.argv[2] ?? 20_000);
const rounds = Number(process.argv[3] ?? 3);
const script = await bundleForBrowser(resolve('test/bench/idb-cost-page.ts'));
const dir = mkdtempSync(join(tmpdir(), 'idb-cost-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
await context.route('https://bench.test/**', (route) =>
  route.request().url().endsWith('/w.js')
    ? route.fulfill({ contentType: 'text/javascript', body: script })
    : route.fulfill({ contentType: 'text/html', body: `<!doctype html><script>${script.replace(/<\/script/g, '<\\/script')}</script>` }),
);
const page = await context.newPage();
await page.goto('https://bench.test/');

type Call = { fn: string; args: unknown[]; worker?: boolean };
const variants: Record<string, Call> = {
  'raw add, 8 indexes, 1 tx': { fn: 'rawWrite', args: [n, {}] },
  'raw add, 8 indexes, 1 tx, relaxed': { fn: 'rawWrite', args: [n, { durability: 'relaxed' }] },
  'raw add, 8 indexes, tx of 1000, default': { fn: 'rawWrite', args: [n, { perTx: 1000 }] },
  'raw add, 8 indexes, tx of 1000, relaxed': { fn: 'rawWrite', args: [n, { perTx: 1000, durability: 'relaxed' }] },
  'raw add, 8 indexes, tx of 250, default': { fn: 'rawWrite', args: [n, { perTx: 250 }] },
  'issuing only (page share), 8 indexes, 1 tx': { fn: 'rawWrite', args: [n, { issue: true }] },
  'raw add, 3 identity indexes, 1 tx': { fn: 'rawWrite', args: [n, { indexes: ['slug', 'emails', 'memberId'] }] },
  'raw add, no index, 1 tx': { fn: 'rawWrite', args: [n, { indexes: [] }] },
  'raw add, no index, small value, 1 tx': { fn: 'rawWrite', args: [n, { indexes: [], small: true }] },
  'raw add, 2 identity indexes (slug, emails), 1 tx': { fn: 'rawWrite', args: [n, { indexes: ['slug', 'emails'] }] },
  'raw add, 8 indexes, small value, 1 tx': { fn: 'rawWrite', args: [n, { small: true }] },
  'raw put, 8 indexes, 1 tx': { fn: 'rawWrite', args: [n, { put: true }] },
  'packed 100 per record, 1 tx': { fn: 'rawWrite', args: [n, { pack: 100 }] },
  'raw add, 8 indexes, 1 tx, in a worker': { fn: 'rawWrite', args: [n, {}], worker: true },
  'Dexie bulkAdd via openDb, tx of 1000': { fn: 'dexieWrite', args: [n, 1000] },
  'Dexie bulkAdd via openDb, tx of 250': { fn: 'dexieWrite', args: [n, 250] },
  'Dexie bulkAdd via openDb, tx of 1000, relaxed': { fn: 'dexieWrite', args: [n, 1000, 'relaxed'] },
  'read back getAll pages of 2000 (after a relaxed write)': { fn: 'rawRead', args: [n, 2000] },
};
const only = process.argv[4]?.split(',');
const results: Record<string, unknown[]> = {};
console.log(`rows ${n}, rounds ${rounds}, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (let r = 0; r < rounds; r++) {
  for (const [name, c] of Object.entries(variants)) {
    if (only && !only.some((o) => name.includes(o))) continue;
    const out = c.worker
      ? await page.evaluate(
          ({ fn, args }) =>
            new Promise((res, rej) => {
              const w = new Worker('/w.js');
              w.onmessage = (e) => {
                w.terminate();
                (e.data.err ? rej(new Error(e.data.err)) : res(e.data.ok));
              };
              w.postMessage({ fn, args });
            }),
          c,
        )
      : await page.evaluate(({ fn, args }) => (globalThis as any).__cost[fn](...args), c);
    (results[name] ??= []).push(out);
    console.log(`${r} ${name}: ${JSON.stringify(out, (_k, v) => (typeof v === 'number' ? Math.round(v) : v))}`);
  }
}
console.log(`\nmedians (ms per ${n} rows), load after ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [name, xs] of Object.entries(results)) {
  if (typeof xs[0] === 'number') console.log(`${name}: ${Math.round(med(xs as number[]))}`);
  else console.log(`${name}: write ${Math.round(med(xs.map((x: any) => x.write)))} read ${Math.round(med(xs.map((x: any) => x.read)))}`);
}
await context.close();
rmSync(dir, { recursive: true, force: true });
