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
import { threadTime, tracedWork } from './thread-time.mts';

async function traced(cdp: CDPSession, label: string, work: () => Promise<void>): Promise<void> {
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  const { wall, events } = await tracedWork(cdp, ['toplevel', 'IndexedDB', 'leveldb', 'blob', 'devtools.timeline', 'v8'], work);
  mkdirSync('/tmp/bulkdata', { recursive: true });
  writeFileSync(`/tmp/bulkdata/${label}.json`, JSON.stringify({ traceEvents: events }));
  const { ops: _ops, ...cpu } = threadTime(events);
  console.log(`${label}: ${wall} ms wall (load ${load}); CPU ms ${JSON.stringify(cpu)}`);
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
