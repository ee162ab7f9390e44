// Where a LinkedIn page load's cost goes across ALL of Chrome's processes, Jalur against the floor (an
// extension with one empty content script) and no extension: a whole-browser trace (Tracing through a
// page session records every process) of a run of loads made as the page-load bench makes them, summed
// per process and thread as top-level task time, in two windows per load: navigationStart → loadEventEnd
// (what the load competes with) and loadEventEnd → the next navigationStart (after-load work, which on
// two cores competes with whatever loads next). A tool for reading the ratio, not a budget row:
// `npx tsx test/bench/page-load-trace.ts [search|feed|small] [loads] [gapMs]` (JALUR_EXTENSION_DIR picks the
// build, PL_TRACE_DIRS=a,b adds more builds, PL_ROUNDS=n runs every build n times in alternating order, PL_SKIP=plain leaves a build out). Prints the per-thread sums and the task names that differ most.
// More detail: PL_THREADS=1 (threads by process id), PL_ALL=1 (short events too), PL_TOP=n (rows of the
// difference), PL_CATS=a,b (more trace categories), PL_DUMP=/tmp/x (writes /tmp/x-<who>.json for a viewer).
// The extension's own service-worker thread records nothing under these categories in headless Chromium;
// its work shows as the browser's ExtensionFunctionDispatcher and channel tasks and the IO/thread-pool time.
import type { BrowserContext, Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXTENSION_DIR, fixture, launchWithExtension, serveLinkedIn, serviceWorker } from '../e2e/harness';
import { FEED, SEARCH, page as listPage } from './lists-bench';

interface Ev {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

const CATEGORIES = [...(process.env.PL_CATS ?? '').split(',').filter(Boolean), 'toplevel', 'devtools.timeline', 'blink.user_timing', 'v8', 'ServiceWorker', 'extensions', 'navigation', 'loading', 'ipc', 'mojom'];

function floorDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jalur-floor-'));
  writeFileSync(join(dir, 'empty.js'), '// does nothing\n');
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'floor', version: '1.0.0', content_scripts: [{ matches: ['*://*.linkedin.com/*'], run_at: 'document_idle', js: ['empty.js'] }] }),
  );
  return dir;
}

function bodyFor(kind: string): { url: string; body: string } {
  if (kind === 'search') return { url: SEARCH.url, body: listPage(SEARCH, true) };
  if (kind === 'feed') return { url: FEED.url, body: listPage(FEED, true) };
  return { url: 'https://www.linkedin.com/in/thandiwe-okonkwo-reyes-fx24/', body: fixture('linkedin/2024-data-view-name.html') };
}

async function tracedRun(context: BrowserContext, page: Page, url: string, loads: number, gapMs: number): Promise<Ev[]> {
  const cdp = await context.newCDPSession(page);
  const events: Ev[] = [];
  cdp.on('Tracing.dataCollected', (e: { value: object[] }) => events.push(...(e.value as Ev[])));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
  for (let i = 0; i < loads; i++) {
    await page.goto(`${url}${url.includes('?') ? '&' : '?'}t=${Date.now()}`, { waitUntil: 'load' });
    await page.waitForTimeout(gapMs);
  }
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  return events;
}

interface Summary {
  /** thread label → ms in load windows / between windows (summed over loads). */
  during: Map<string, number>;
  between: Map<string, number>;
  /** "thread|event name" → ms (self-inclusive durations of non-toplevel events, for diffing). */
  names: Map<string, number>;
  loads: number;
  /** Per load: the page renderer's main-thread task time in the load window, and all processes' (for medians). */
  perLoad: Array<{ page: number; all: number }>;
}

function summarise(events: Ev[], pagePid: number | null): Summary {
  const procName = new Map<number, string>();
  const threadName = new Map<string, string>();
  const labels = new Map<number, string>();
  for (const e of events) {
    if (e.ph !== 'M') continue;
    if (e.name === 'process_name') procName.set(e.pid, String(e.args?.name));
    if (e.name === 'process_labels') labels.set(e.pid, String(e.args?.labels));
    if (e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  }
  const starts = events.filter((e) => e.name === 'navigationStart' && (e.args?.data as { isLoadingMainFrame?: boolean; documentLoaderURL?: string } | undefined)?.documentLoaderURL?.includes('linkedin')).map((e) => ({ ts: e.ts, pid: e.pid }));
  const ends = events.filter((e) => e.name === 'loadEventEnd' && (e.args?.frame !== undefined || true)).map((e) => ({ ts: e.ts, pid: e.pid }));
  // One window per load: its navigationStart and the first loadEventEnd after it in the same process.
  const windows: Array<{ start: number; end: number; next: number }> = [];
  const sorted = starts.sort((a, b) => a.ts - b.ts);
  for (const [k, s] of sorted.entries()) {
    const end = ends.filter((e) => e.pid === s.pid && e.ts > s.ts).sort((a, b) => a.ts - b.ts)[0];
    if (!end) continue;
    const next = sorted[k + 1]?.ts ?? Infinity;
    windows.push({ start: s.ts, end: end.ts, next });
  }
  // Skip the first load (cold caches) and the last (no following navigation bounds its after-load window).
  const used = windows.slice(1, -1);
  const pid0 = pagePid ?? sorted[0]?.pid;
  const label = (e: Ev) => {
    if (process.env.PL_THREADS) return `${procName.get(e.pid)} ${e.pid} / ${threadName.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
    const p = procName.get(e.pid) ?? `pid${e.pid}`;
    const kind = p === 'Renderer' ? (e.pid === pid0 || sorted.some((s) => s.pid === e.pid) ? 'page renderer' : `renderer ${labels.get(e.pid) ?? e.pid}`) : p;
    return `${kind} / ${threadName.get(`${e.pid}:${e.tid}`) ?? e.tid}`;
  };
  const during = new Map<string, number>();
  const between = new Map<string, number>();
  const names = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const perLoad = used.map(() => ({ page: 0, all: 0 }));
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const top = e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask' || e.cat.includes('toplevel');
    const wi = used.findIndex((w) => e.ts >= w.start && e.ts < w.next);
    const w = used[wi];
    if (!w) continue;
    const ms = (e.tdur ?? e.dur) / 1000;
    const inLoad = e.ts < w.end;
    if (top) add(inLoad ? during : between, label(e), ms);
    if (top && inLoad) {
      perLoad[wi]!.all += ms;
      if (label(e).startsWith('page renderer / CrRendererMain')) perLoad[wi]!.page += ms;
    }
    else if (e.dur > 50 || process.env.PL_ALL) add(names, `${inLoad ? 'load' : 'after'} | ${label(e).replace(process.env.PL_THREADS ? /$^/ : / \/.*/, '')} | ${e.name}`, ms);
  }
  return { during, between, names, loads: used.length, perLoad };
}

async function main(kind: string, loads: number, gapMs: number): Promise<void> {
  const { url, body } = bodyFor(kind);
  const floor = floorDir();
  const dirs: Array<[string, string | null]> = [
    ['jalur', EXTENSION_DIR],
    ...(process.env.PL_TRACE_DIRS ?? '').split(',').filter(Boolean).map((d, i) => [`build${i + 1}`, d] as [string, string]),
    ['floor', floor],
    ['plain', null],
  ].filter(([who]) => !(process.env.PL_SKIP ?? '').split(',').includes(who!)) as Array<[string, string | null]>;
  const out: Array<[string, Summary]> = [];
  const la = loadavg();
  // PL_ROUNDS=n: n rounds of every build, the order reversed every other round (so no build always
  // follows another or always runs first); the figures are summed over rounds, medians over all loads.
  const rounds = Number(process.env.PL_ROUNDS ?? 1);
  const order = Array.from({ length: rounds }, (_, r) => (r % 2 ? [...dirs].reverse() : dirs)).flat();
  try {
    for (const [who, dir] of order) {
      const b = await launchWithExtension(dir ? { extensionDir: dir } : { withExtension: false });
      try {
        if (who !== 'floor' && dir) await serviceWorker(b.context);
        await serveLinkedIn(b.context, /^https:\/\/www\.linkedin\.com\//, () => body);
        const page = await b.context.newPage();
        // Warm caches as the bench's warm-up loads do.
        for (let i = 0; i < 3; i++) await page.goto(`${url}${url.includes('?') ? '&' : '?'}w=${i}`, { waitUntil: 'load' });
        await page.waitForTimeout(1000);
        const events = await tracedRun(b.context, page, url, loads + 2, gapMs);
        if (process.env.PL_DUMP) writeFileSync(`${process.env.PL_DUMP}-${who}.json`, JSON.stringify({ traceEvents: events }));
        const sum = summarise(events, null);
        const had = out.find(([w]) => w === who)?.[1];
        if (!had) out.push([who, sum]);
        else {
          for (const k of ['during', 'between', 'names'] as const) for (const [n, v] of sum[k]) had[k].set(n, (had[k].get(n) ?? 0) + v);
          had.loads += sum.loads;
          had.perLoad.push(...sum.perLoad);
        }
      } finally {
        await b.close();
      }
    }
  } finally {
    rmSync(floor, { recursive: true, force: true });
  }
  const threads = new Set(out.flatMap(([, s]) => [...s.during.keys(), ...s.between.keys()]));
  console.log(`${kind}: ${loads} loads each, ${gapMs} ms after each load event; ms per load, top-level task time (thread time) — load avg ${la.map((v) => v.toFixed(1)).join(' ')}`);
  console.log(`${'thread'.padEnd(60)} ${out.map(([w]) => `${w} load`.padStart(12) + `${w} after`.padStart(13)).join('')}`);
  const rowsOut = [...threads]
    .map((t) => ({ t, v: out.map(([, s]) => [(s.during.get(t) ?? 0) / s.loads, (s.between.get(t) ?? 0) / s.loads] as const) }))
    .filter((r) => r.v.some(([a, b]) => a + b > 0.3))
    .sort((a, b) => b.v[0]![0] + b.v[0]![1] - (a.v[0]![0] + a.v[0]![1]));
  for (const r of rowsOut) console.log(`${r.t.slice(0, 60).padEnd(60)} ${r.v.map(([a, b]) => a.toFixed(2).padStart(12) + b.toFixed(2).padStart(13)).join('')}`);
  const q = (xs: number[], p: number) => {
    const v = [...xs].sort((a, b) => a - b);
    return v.length ? v[Math.min(v.length - 1, Math.floor(p * v.length))]! : NaN;
  };
  for (const [w, s] of out) {
    const tot = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0) / s.loads;
    const pg = s.perLoad.map((l) => l.page);
    const all = s.perLoad.map((l) => l.all);
    console.log(
      `total ${w}: load window ${tot(s.during).toFixed(1)} ms, after ${tot(s.between).toFixed(1)} ms per load; per load medians (quartiles): page main thread ${q(pg, 0.5).toFixed(1)} (${q(pg, 0.25).toFixed(1)}–${q(pg, 0.75).toFixed(1)}), all processes ${q(all, 0.5).toFixed(1)} (${q(all, 0.25).toFixed(1)}–${q(all, 0.75).toFixed(1)}) ms, ${s.loads} loads`,
    );
  }
  // Event names Jalur has and the floor has not (or much more of).
  const j = out[0]![1];
  const f = out.find(([w]) => w === 'floor')?.[1] ?? out[1]?.[1];
  if (!f) return;
  const diff = [...j.names.entries()]
    .map(([k, v]) => [k, v / j.loads - (f.names.get(k) ?? 0) / f.loads] as const)
    .filter(([, d]) => d > 0.2)
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(process.env.PL_TOP ?? 45));
  console.log('\nJalur − floor, ms per load, by event (nested events counted in each parent):');
  for (const [k, d] of diff) console.log(`  ${d.toFixed(2).padStart(8)}  ${k}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main(process.argv[2] ?? 'search', Number(process.argv[3] ?? 8), Number(process.argv[4] ?? 1500));
}
