// Where an import's and a restore's time goes in the options page: a CPU profile of the page (CDP
// Profiler) while it imports a generated CSV and restores a generated backup, summed by function
// (self time) and by file. `npx tsx scripts/bulk-profile.mts [import|restore|backup] [rows]`; the build
// is JALUR_EXTENSION_DIR's. Writes the raw .cpuprofile files to /tmp for a closer look in DevTools.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { launchWithExtension, openExtensionPage, serviceWorker } from '../test/e2e/harness';
import { benchCsv } from '../test/bench/import-bench';
import { bigBackup } from '../test/bench/backup-bench';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

function summarise(profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] }, label: string): void {
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const fn = new Map<string, number>();
  const file = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const t = (byNode.get(n.id) ?? 0) / 1000;
    total += t;
    const f = n.callFrame.url.split('/').pop() || '(native)';
    const k = `${n.callFrame.functionName || '(anon)'} ${f}:${n.callFrame.lineNumber}`;
    fn.set(k, (fn.get(k) ?? 0) + t);
    file.set(f, (file.get(f) ?? 0) + t);
  }
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `  ${v.toFixed(0).padStart(7)} ms  ${k}`).join('\n');
  console.log(`\n== ${label}: ${total.toFixed(0)} ms sampled\n-- by function (self)\n${top(fn, 30)}\n-- by file\n${top(file, 10)}`);
}

async function profiled<T>(cdp: CDPSession, label: string, work: () => Promise<T>): Promise<T> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  const v = await work();
  const wall = Date.now() - t0;
  const { profile } = await cdp.send('Profiler.stop');
  mkdirSync('/tmp/bulkdata', { recursive: true });
  writeFileSync(`/tmp/bulkdata/${label}.cpuprofile`, JSON.stringify(profile));
  console.log(`\n${label}: ${wall} ms wall`);
  summarise(profile as never, label);
  return v;
}

async function main(): Promise<void> {
  const what = process.argv[2] ?? 'import';
  const rows = Number(process.argv[3] ?? 20_000);
  const { context, close } = await launchWithExtension();
  try {
    const sw = await serviceWorker(context);
    const options: Page = await openExtensionPage(context, new URL(sw.url()).host, 'options.html');
    await options.locator('[data-stage]').first().waitFor();
    const cdp = await context.newCDPSession(options);
    if (what === 'import') {
      // One person in first, as a rep's store has: a store never written has no change stamp yet.
      await options.getByLabel('CSV file').setInputFiles({ name: 'one.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Email\nSeseorang,seseorang@contoh.co.id') });
      await options.getByRole('button', { name: 'Import', exact: true }).click();
      await options.getByRole('status').filter({ hasText: 'Imported — new:' }).waitFor();
      // Chosen from disk as a rep chooses it (as the import bench does): handed over as a buffer, the
      // file's unpacking through the protocol would count against the dry run.
      const csv = join(mkdtempSync(join(tmpdir(), 'jalur-prof-')), 'bench.csv');
      writeFileSync(csv, benchCsv(rows));
      await profiled(cdp, 'dry-run', async () => {
        await options.getByLabel('CSV file').setInputFiles(csv);
        await options.locator('[data-count="creates"] dd').filter({ hasText: String(rows) }).waitFor({ timeout: 600_000 });
      });
      await profiled(cdp, 'apply', async () => {
        await options.getByRole('button', { name: 'Import', exact: true }).click();
        await options.getByRole('status').filter({ hasText: 'Imported — new:' }).waitFor({ timeout: 1_200_000 });
      });
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'jalur-prof-'));
      const save = async () => {
        const [download] = await Promise.all([options.waitForEvent('download', { timeout: 600_000 }), options.getByRole('button', { name: 'Download backup (JSON)' }).click()]);
        return (await download.path())!;
      };
      // A prospect to grow the backup from.
      await options.evaluate(() => undefined);
      const csv = Buffer.from('Name,Email,LinkedIn URL\nSeseorang,seseorang@contoh.co.id,https://www.linkedin.com/in/seseorang-1/');
      await options.getByLabel('CSV file').setInputFiles({ name: 'one.csv', mimeType: 'text/csv', buffer: csv });
      await options.getByRole('button', { name: 'Import', exact: true }).click();
      await options.getByRole('status').filter({ hasText: 'Imported — new:' }).waitFor();
      const file = join(dir, 'big.json');
      writeFileSync(file, bigBackup(readFileSync(await save(), 'utf8'), rows));
      await profiled(cdp, 'restore-check', async () => {
        await options.getByLabel('Backup file (JSON)').setInputFiles(file);
        await options.getByRole('button', { name: 'Restore this backup…' }).or(options.getByRole('alert')).waitFor({ timeout: 600_000 });
        if (await options.getByRole('alert').count()) throw new Error(`refused: ${await options.getByRole('alert').first().textContent()}`);
      });
      await options.getByRole('button', { name: 'Restore this backup…' }).click();
      await profiled(cdp, 'restore', async () => {
        await options.getByRole('button', { name: 'Replace with the backup' }).click();
        await options.getByRole('status').filter({ hasText: 'Restored' }).waitFor({ timeout: 600_000 });
      });
      await profiled(cdp, 'backup', async () => {
        await save();
        await options.getByRole('status').filter({ hasText: 'Backup saved' }).waitFor({ timeout: 600_000 });
      });
    }
  } finally {
    await close();
  }
}

await main();
