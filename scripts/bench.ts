// `npm run bench`: measures every DESIGN.md §6 budget it can, prints a table, writes bench-results/bench.json,
// and exits 1 when a measured budget is missed. Not part of `npm test`: timings on a shared machine are
// evidence for a person to read, not a gate for every commit. `--build` forces a fresh extension build.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { boardRows } from '../test/bench/board';
import { todayRows } from '../test/bench/today';
import { contentScriptRows, ensureBuilt } from '../test/bench/bundles';
import { chipRows } from '../test/bench/chip-latency';
import { importRows } from '../test/bench/import-bench';
import { backupRows } from '../test/bench/backup-bench';
import { searchRows } from '../test/bench/search-bench';
import { storeRows } from '../test/bench/idb';
import { mailRows } from '../test/bench/mail-bench';
import { listRows } from '../test/bench/lists-bench';
import { pageLoadRows } from '../test/bench/page-load';
import { syncRows } from '../test/bench/sync-rows';
import { syncApplyRows } from '../test/bench/sync-apply-rows';
import { scaleRows } from '../test/bench/scale-rows';
import { formatTable, writeJson, type Row } from '../test/bench/table';

const OUT = 'bench-results/bench.json';

// `npm run bench -- --only=board,today,search` runs just those groups (names as in `part()` below), for
// checking one change without the whole hour; the full table is what the README reports.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');

interface Part {
  rows: Row[];
  raw: unknown;
}

async function part(key: string, name: string, fn: () => Part | Promise<Part>): Promise<Part> {
  if (only && !only.includes(key)) return { rows: [], raw: null };
  return step(name, fn);
}

async function step<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  const t0 = Date.now();
  process.stderr.write(`bench: ${name}…`);
  const v = await fn();
  process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  return v;
}

function chromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const started = new Date();
  const loadBefore = loadavg();
  const build = await step('extension build', () => ensureBuilt(process.argv.includes('--build')));
  const bundles = only && !only.includes('bundles') ? [] : contentScriptRows();
  const store = await part('store', 'store in IndexedDB (seeding 200,000 rows)', () =>
    storeRows({ prospects: 100_000, followUps: 100_000, lookups: 300, overdueRuns: 30, seed: 42 }),
  );
  const chip = await part('chip', 'inline chip on in-app navigation', () => chipRows({ navigations: 20, prospects: 10_000 }));
  const mail = await part('mail', 'mail: chips on in-app navigation (Gmail, Outlook), 100-row list annotation', () =>
    mailRows({ navigations: 20, prospects: 10_000, listRows: 100, listTracked: 30, listTimed: 8, listTraced: 4 }),
  );
  const load = await part('load', 'page load with and without the extension', () => pageLoadRows({ loads: 30 }));
  const lists = await part('lists', 'LinkedIn lists: marks on a 50-result search and a 30-post feed', () => listRows({ timed: 8, traced: 4 }));
  const board = await part('board', 'side panel board with 10,000 prospects', () => boardRows({ runs: 10, prospects: 10_000 }));
  const today = await part('today', 'side panel Today with 2,000 due items', () => todayRows({ runs: 10, prospects: 10_000, due: 2_000 }));
  const search = await part('search', 'side panel search at 10,000 prospects', () => searchRows({ prospects: 10_000 }));
  const imports = await part('imports', 'CSV import of 100,000 rows, with chip lookups meanwhile', () => importRows({ rows: 100_000 }));
  const backups = await part('backups', 'backup and restore of 100,000 prospects with touches and follow-ups', () => backupRows({ prospects: 100_000 }));
  const sync = await part('sync', 'sync push through supabase-js and the stand-in (throwaway database)', () => syncRows());
  const syncApply = await part('syncApply', 'sync_push apply rate, set-based vs one row at a time (throwaway database)', () => syncApplyRows());
  const scale = await part('scale', 'worker heap with the board at 100,000 prospects; store and outbox after 100,000 prospects + touches', () =>
    scaleRows({ prospects: 100_000, touches: 100_000 }),
  );

  const rows: Row[] = [...bundles, ...chip.rows, ...mail.rows, ...store.rows, ...load.rows, ...lists.rows, ...board.rows, ...today.rows, ...search.rows, ...imports.rows, ...backups.rows, ...sync.rows, ...syncApply.rows, ...scale.rows];
  console.log(formatTable(rows));
  writeJson(OUT, {
    startedAt: started.toISOString(),
    seconds: (Date.now() - started.getTime()) / 1000,
    // The machine may be shared: its load average says how much to trust the timings.
    machine: {
      cpus: cpus().length,
      loadavgBefore: loadBefore,
      loadavgAfter: loadavg(),
      node: process.version,
      chromium: chromiumVersion(),
    },
    build,
    rows,
    raw: { store: store.raw, chip: chip.raw, mail: mail.raw, pageLoad: load.raw, lists: lists.raw, board: board.raw, today: today.raw, search: search.raw, imports: imports.raw, backups: backups.raw, sync: sync.raw, syncApply: syncApply.raw, scale: scale.raw },
  });
  console.log(`\nwritten ${OUT}`);
  if (rows.some((r) => r.pass === false)) process.exitCode = 1;
}

await main();
