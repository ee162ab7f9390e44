// CPU time, not wall time, of builds' CSV imports in turns: each build in a fresh browser imports the
// import bench's generated file (chosen from disk, dry run untraced), and the apply runs under a Chrome
// trace summed by thread as scripts/bulk-trace.mts sums a restore: the options page's main thread, the
// browser's IndexedDB operations (each request it serves), LevelDB's compactions, the background
// worker. On the shared 2-core machine an import's wall time is mostly waiting for a core, so thread
// time is what tells two builds apart there. No chips meanwhile (import-ab.mts times those).
// `npx tsx scripts/import-trace.mts <rows> <rounds> <name>=<extension dir> …`
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CDPSession } from '@playwright/test';
import { launchWithExtension, openExtensionPage, serviceWorker } from '../test/e2e/harness';
import { benchCsv } from '../test/bench/import-bench';
import { threadTime, tracedWork } from './thread-time.mts';

async function traced(cdp: CDPSession, work: () => Promise<void>): Promise<{ wall: number; cpu: Record<string, number> }> {
  const { wall, events } = await tracedWork(cdp, ['toplevel', 'IndexedDB', 'leveldb', 'v8'], work);
  return { wall, cpu: threadTime(events) };
}

async function importOnce(rows: number, csv: string, extensionDir: string) {
  const { context, close } = await launchWithExtension({ extensionDir });
  try {
    const sw = await serviceWorker(context);
    const options = await openExtensionPage(context, new URL(sw.url()).host, 'options.html');
    await options.locator('[data-stage]').first().waitFor();
    // One person first, as a rep's store has: a store never written has no change stamp yet.
    await options.getByLabel('CSV file').setInputFiles({ name: 'one.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Email\nSeseorang,seseorang@contoh.co.id') });
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByRole('status').filter({ hasText: 'Imported — new:' }).waitFor();
    await options.getByLabel('CSV file').setInputFiles(csv);
    await options.locator('[data-count="creates"] dd').filter({ hasText: String(rows) }).waitFor({ timeout: 600_000 });
    const cdp = await context.newCDPSession(options);
    return await traced(cdp, async () => {
      await options.getByRole('button', { name: 'Import', exact: true }).click();
      await options.getByRole('status').filter({ hasText: 'Imported — new:' }).waitFor({ timeout: 1_200_000 });
    });
  } finally {
    await close();
  }
}

const [rowsArg = '20000', roundsArg = '2', ...builds] = process.argv.slice(2);
const rows = Number(rowsArg);
const sides = builds.map((b) => {
  const [name, dir] = b.split('=');
  if (!name || !dir) throw new Error(`not name=dir: ${b}`);
  return { name, dir: resolve(dir), runs: [] as Array<Record<string, number>> };
});
const dir = mkdtempSync(join(tmpdir(), 'jalur-import-trace-'));
const csv = join(dir, 'bench.csv');
writeFileSync(csv, benchCsv(rows));
try {
  for (let k = 0; k < Number(roundsArg); k++) {
    for (const side of sides.map((_, i) => sides[(i + k) % sides.length]!)) {
      const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
      const { wall, cpu: c } = await importOnce(rows, csv, side.dir);
      side.runs.push({ wall, ...c });
      console.log(`round ${k + 1} ${side.name}: apply ${wall} ms wall (load ${load}); CPU ms ${JSON.stringify(c)}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
for (const s of sides) {
  const keys = Object.keys(s.runs[0] ?? {});
  console.log(`${s.name}: medians ${keys.map((k) => `${k} ${med(s.runs.map((r) => r[k]!))}`).join(', ')}`);
}
