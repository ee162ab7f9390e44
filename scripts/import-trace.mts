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

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; src_func?: string };
}

/** Thread time (ms) by part, as in scripts/bulk-trace.mts. */
function cpu(events: TraceEvent[]): Record<string, number> {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && (e.name === 'thread_name' || e.name === 'process_name')) names.set(e.name === 'thread_name' ? `${e.pid}/${e.tid}` : `${e.pid}`, e.args?.name ?? '');
  const sums = { page: 0, indexedDb: 0, compaction: 0, worker: 0, ops: 0 };
  const open = new Map<string, number[]>();
  const xs = events.filter((e) => e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  for (const e of xs) {
    const k = `${e.pid}/${e.tid}`;
    const thread = `${names.get(String(e.pid))}/${names.get(k)}`;
    const stack = open.get(k) ?? open.set(k, []).get(k)!;
    while (stack.length && stack.at(-1)! <= e.ts) stack.pop();
    const ms = (e.tdur ?? 0) / 1000;
    if (stack.length === 0 && thread === 'Extension Renderer/CrRendererMain') sums.page += ms;
    if (stack.length === 0 && thread === 'Extension Renderer/ServiceWorker thread') sums.worker += ms;
    if (thread.startsWith('Browser/ThreadPool') && e.name.endsWith('Operation') && stack.length <= 2) {
      sums.indexedDb += ms;
      sums.ops++;
    }
    if (thread.startsWith('Browser/ThreadPool') && e.name === 'ThreadPool_RunTask' && e.args?.src_func === 'Schedule') sums.compaction += ms;
    stack.push(e.ts + e.dur!);
  }
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, Math.round(v)]));
}

async function traced(cdp: CDPSession, work: () => Promise<void>): Promise<{ wall: number; cpu: Record<string, number> }> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise<void>((res) => cdp.once('Tracing.tracingComplete', () => res()));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'IndexedDB', 'leveldb', 'v8'], recordMode: 'recordContinuously' },
    transferMode: 'ReportEvents',
  });
  const t0 = Date.now();
  await work();
  const wall = Date.now() - t0;
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', onData);
  return { wall, cpu: cpu(events) };
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
