// A restore and then a backup of N generated prospects (each with a touch and a follow-up) in the options
// page, each under a Chrome trace, summed as CPU time (thread time, not wall time): the page's main
// thread, the browser's IndexedDB operations, LevelDB's compactions and the background worker. On the
// shared 2-core machine a bulk job's wall time is mostly waiting for a core (at load 15–20 a backup's
// wall time was about five times its CPU time), so thread time is what tells two builds apart there.
// `npx tsx scripts/bulk-trace.mts [prospects=20000]`; the build is JALUR_EXTENSION_DIR's. Writes the
// traces to /tmp/bulkdata/{restore,backup}.json for a closer look (chrome://tracing, Perfetto).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from '@playwright/test';
import { launchWithExtension, openExtensionPage, serviceWorker } from '../test/e2e/harness';
import { bigBackup } from '../test/bench/backup-bench';

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

/** Thread time (ms) by part: top-level tasks of the page and the worker, the browser's IndexedDB operations, compactions. */
function cpu(events: TraceEvent[]): Record<string, number> {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && (e.name === 'thread_name' || e.name === 'process_name')) names.set(e.name === 'thread_name' ? `${e.pid}/${e.tid}` : `${e.pid}`, e.args?.name ?? '');
  const sums = { page: 0, indexedDb: 0, compaction: 0, worker: 0 };
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
    // Database::GetAllOperation, PutOperation, …: each request the browser serves, whoever asked.
    if (thread.startsWith('Browser/ThreadPool') && e.name.endsWith('Operation') && stack.length <= 2) sums.indexedDb += ms;
    if (thread.startsWith('Browser/ThreadPool') && e.name === 'ThreadPool_RunTask' && e.args?.src_func === 'Schedule') sums.compaction += ms;
    stack.push(e.ts + e.dur!);
  }
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, Math.round(v)]));
}

async function traced(cdp: CDPSession, label: string, work: () => Promise<void>): Promise<void> {
  const events: TraceEvent[] = [];
  const onData = (e: { value: object[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'IndexedDB', 'leveldb', 'blob', 'devtools.timeline', 'v8'], recordMode: 'recordContinuously' },
    transferMode: 'ReportEvents',
  });
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  const t0 = Date.now();
  await work();
  const wall = Date.now() - t0;
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', onData);
  mkdirSync('/tmp/bulkdata', { recursive: true });
  writeFileSync(`/tmp/bulkdata/${label}.json`, JSON.stringify({ traceEvents: events }));
  console.log(`${label}: ${wall} ms wall (load ${load}); CPU ms ${JSON.stringify(cpu(events))}`);
}

const rows = Number(process.argv[2] ?? 20_000);
const { context, close } = await launchWithExtension();
try {
  const sw = await serviceWorker(context);
  const options = await openExtensionPage(context, new URL(sw.url()).host, 'options.html');
  await options.locator('[data-stage]').first().waitFor();
  const save = async () => {
    const [download] = await Promise.all([options.waitForEvent('download', { timeout: 600_000 }), options.getByRole('button', { name: 'Download backup (JSON)' }).click()]);
    return (await download.path())!;
  };
  // A prospect to grow the backup from.
  const csv = Buffer.from('Name,Email,LinkedIn URL\nSeseorang,seseorang@contoh.co.id,https://www.linkedin.com/in/seseorang-1/');
  await options.getByLabel('CSV file').setInputFiles({ name: 'one.csv', mimeType: 'text/csv', buffer: csv });
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await options.getByRole('status').filter({ hasText: 'Imported — new:' }).waitFor();
  const file = join(mkdtempSync(join(tmpdir(), 'jalur-trace-')), 'big.json');
  writeFileSync(file, bigBackup(readFileSync(await save(), 'utf8'), rows));
  await options.getByLabel('Backup file (JSON)').setInputFiles(file);
  await options.getByRole('button', { name: 'Restore this backup…' }).click({ timeout: 600_000 });
  const cdp = await context.newCDPSession(options);
  await traced(cdp, 'restore', async () => {
    await options.getByRole('button', { name: 'Replace with the backup' }).click();
    await options.getByRole('status').filter({ hasText: 'Restored' }).waitFor({ timeout: 1_200_000 });
  });
  await traced(cdp, 'backup', async () => {
    await save();
    await options.getByRole('status').filter({ hasText: 'Backup saved' }).waitFor({ timeout: 600_000 });
  });
} finally {
  await close();
}
