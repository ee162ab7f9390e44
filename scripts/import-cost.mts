// Where a CSV import's time goes, against IndexedDB's own price for the same rows: applyImport run in a
// plain page (no extension, no chips) on a fresh Jalur store, beside the same rows written with plain
// IndexedDB in transactions of the same size (scripts/import-cost-page.mts). Variants run in turns,
// `rounds` times; prints each and the medians.
// `npx tsx scripts/import-cost.mts [rows=20000] [rounds=3] [rows a slice=100] [variant filter,…]`
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { bundleForBrowser } from '../test/bench/bundle';

const n = Number(process.argv[2] ?? 20_000);
const rounds = Number(process.argv[3] ?? 3);
const per = Number(process.argv[4] ?? 100);
const only = process.argv[5]?.split(',');
const script = await bundleForBrowser(resolve('scripts/import-cost-page.mts'));
const dir = mkdtempSync(join(tmpdir(), 'import-cost-'));
const context = await chromium.launchPersistentContext(dir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
await context.route('https://bench.test/**', (route) =>
  route.fulfill({ contentType: 'text/html', body: `<!doctype html><script>${script.replace(/<\/script/g, '<\\/script')}</script>` }),
);
const page = await context.newPage();
await page.goto('https://bench.test/');
console.log('putAll:', await page.evaluate(() => (globalThis as any).__cost.hasPutAll()));

const variants: Record<string, { fn: string; args: unknown[] }> = {
  [`applyImport, ${per} a slice`]: { fn: 'apply', args: [n, per] },
  [`applyImport into a store never written, ${per} a slice`]: { fn: 'apply', args: [n, per, true] },
  [`raw add, ${per} a tx`]: { fn: 'raw', args: [n, per, 'add'] },
  [`raw put, ${per} a tx`]: { fn: 'raw', args: [n, per, 'put'] },
  [`raw add, one tx`]: { fn: 'raw', args: [n, n, 'add'] },
  [`raw put, one tx`]: { fn: 'raw', args: [n, n, 'put'] },
  [`raw add, ${per} a tx, relaxed`]: { fn: 'raw', args: [n, per, 'add', 'relaxed'] },
  [`raw add, ${per * 10} a tx`]: { fn: 'raw', args: [n, per * 10, 'add'] },
};
const results: Record<string, unknown[]> = {};
console.log(`rows ${n}, rounds ${rounds}, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (let r = 0; r < rounds; r++) {
  for (const [name, c] of Object.entries(variants)) {
    if (only && !only.some((o) => name.includes(o))) continue;
    const out = await page.evaluate(({ fn, args }) => (globalThis as any).__cost[fn](...args), c);
    (results[name] ??= []).push(out);
    console.log(`${r} ${name}: ${JSON.stringify(out, (_k, v) => (typeof v === 'number' ? Math.round(v) : v))}  load ${loadavg()[0]!.toFixed(2)}`);
  }
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`\nmedians (ms per ${n} rows), load after ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const [name, xs] of Object.entries(results)) {
  if (typeof xs[0] === 'number') console.log(`${name}: ${Math.round(med(xs as number[]))}`);
  else console.log(`${name}: ${Object.keys(xs[0] as object).map((k) => `${k} ${Math.round(med(xs.map((x: any) => x[k])))}`).join(', ')}`);
}
await context.close();
rmSync(dir, { recursive: true, force: true });
