// Two builds' backup and restore in turns, in the same conditions: each build runs in its own
// Chromium, both restore the same generated backup of N prospects (each with a touch and a follow-up)
// and download it again, round after round, the order swapped every round (A B, B A, …) so a busy
// moment on the shared machine falls on both. Prints each round and the medians.
// `npx tsx scripts/bulk-ab.mts <before-dir> <after-dir> [prospects=100000] [rounds=3] [both|backup|restore]`
// (dirs are built extensions, e.g. .output-bulk-before/chrome-mv3 .output-bulk/chrome-mv3). `backup`
// restores once per build and then times only downloads; `restore` times only restores.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { launchWithExtension, openExtensionPage, serviceWorker } from '../test/e2e/harness';
import { bigBackup } from '../test/bench/backup-bench';

const [aDir, bDir, n = '100000', r = '3', what = 'both'] = process.argv.slice(2);
if (!aDir || !bDir) throw new Error('usage: bulk-ab.mts <before-dir> <after-dir> [prospects] [rounds]');
const prospects = Number(n);
const rounds = Number(r);

interface Side {
  name: string;
  options: Page;
  close: () => Promise<void>;
  times: { check: number[]; restore: number[]; backup: number[] };
}

async function save(options: Page): Promise<string> {
  const [download] = await Promise.all([
    options.waitForEvent('download', { timeout: 600_000 }),
    options.getByRole('button', { name: 'Download backup (JSON)' }).click(),
  ]);
  const path = (await download.path())!;
  await options.getByRole('status').filter({ hasText: 'Backup saved' }).waitFor({ timeout: 600_000 });
  return path;
}

async function open(name: string, dir: string): Promise<Side> {
  const extensionDir = resolve(dir);
  const { context, close } = await launchWithExtension({ extensionDir });
  const sw = await serviceWorker(context);
  const options = await openExtensionPage(context, new URL(sw.url()).host, 'options.html');
  await options.locator('[data-stage]').first().waitFor();
  const csv = Buffer.from('Name,Email,LinkedIn URL\nSeseorang,seseorang@contoh.co.id,https://www.linkedin.com/in/seseorang-1/');
  await options.getByLabel('CSV file').setInputFiles({ name: 'one.csv', mimeType: 'text/csv', buffer: csv });
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await options.getByRole('status').filter({ hasText: 'Imported — new:' }).waitFor();
  return { name, options, close, times: { check: [], restore: [], backup: [] } };
}

async function restore(side: Side, file: string): Promise<void> {
  const o = side.options;
  const t0 = Date.now();
  await o.getByLabel('Backup file (JSON)').setInputFiles(file);
  await o.getByRole('button', { name: 'Restore this backup…' }).waitFor({ timeout: 600_000 });
  const t1 = Date.now();
  await o.getByRole('button', { name: 'Restore this backup…' }).click();
  const t2 = Date.now();
  await o.getByRole('button', { name: 'Replace with the backup' }).click();
  await o.getByRole('status').filter({ hasText: 'Restored' }).waitFor({ timeout: 600_000 });
  const t3 = Date.now();
  side.times.check.push(t1 - t0);
  side.times.restore.push(t3 - t2);
}

async function backup(side: Side): Promise<number> {
  const t0 = Date.now();
  const path = await save(side.options);
  side.times.backup.push(Date.now() - t0);
  return readFileSync(path).length;
}

const median = (xs: number[]) => (xs.length ? [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)]! : NaN);

const tmp = mkdtempSync(join(tmpdir(), 'jalur-bulk-ab-'));
const a = await open('before', aDir);
const b = await open('after', bDir);
try {
  const file = join(tmp, 'big.json');
  writeFileSync(file, bigBackup(readFileSync(await save(a.options), 'utf8'), prospects));
  if (what === 'backup') for (const side of [a, b]) await restore(side, file);
  for (let k = 0; k < rounds; k++) {
    for (const side of k % 2 ? [b, a] : [a, b]) {
      const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
      if (what !== 'backup') await restore(side, file);
      const bytes = what === 'restore' ? 0 : await backup(side);
      const t = side.times;
      console.log(`round ${k + 1} ${side.name}: check ${t.check.at(-1)} ms, restore ${t.restore.at(-1)} ms, backup ${t.backup.at(-1)} ms (${(bytes / 1e6).toFixed(0)} MB), load ${load}`);
    }
  }
  for (const side of [a, b]) {
    const t = side.times;
    console.log(`${side.name}: median check ${median(t.check)} ms, restore ${median(t.restore)} ms, backup ${median(t.backup)} ms`);
  }
} finally {
  await a.close();
  await b.close();
  rmSync(tmp, { recursive: true, force: true });
}
