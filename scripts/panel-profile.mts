// Where the side panel's opening time goes, per phase, on the page's main thread and in the worker:
// a Chrome trace of a few opens of `sidepanel.html?view=<today|board>` (warm or cold worker), summed
// by trace event name between navigation and the view's ready mark. A reading tool, not a budget row:
//   npx tsx scripts/panel-profile.mts today|board warm|cold [opens] [--json]
// JALUR_EXTENSION_DIR picks the build (as for the e2e tests).
import { resolve } from 'node:path';
import type { BrowserContext, CDPSession } from '@playwright/test';
import { launchWithExtension, serviceWorker, stopServiceWorker } from '../test/e2e/harness';
import type { BoardSeedGlobal } from '../test/bench/board-seed';
import type { TodaySeedGlobal } from '../test/bench/today-seed';
import { bundleForBrowser } from '../test/bench/bundle';

interface Ev {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

const CATS = [
  'devtools.timeline',
  'v8.execute',
  'v8',
  'blink.user_timing',
  'disabled-by-default-devtools.timeline',
  'ServiceWorker',
  'IndexedDB',
  'toplevel',
  'loading',
  'navigation',
];

async function trace(session: CDPSession, run: () => Promise<void>): Promise<Ev[]> {
  const events: Ev[] = [];
  const onData = (e: { value: unknown }) => events.push(...(e.value as Ev[]));
  session.on('Tracing.dataCollected', onData);
  const done = new Promise<void>((r) => session.once('Tracing.tracingComplete', () => r()));
  await session.send('Tracing.start', { traceConfig: { includedCategories: CATS }, transferMode: 'ReportEvents' });
  await run();
  await session.send('Tracing.end');
  await done;
  session.off('Tracing.dataCollected', onData);
  return events;
}

const view = process.argv[2] ?? 'today';
const state = process.argv[3] ?? 'warm';
const opens = Number(process.argv[4] ?? 3);
const mark = view === 'today' ? 'jalur:today-interactive' : 'jalur:board-interactive';

async function open(context: BrowserContext, id: string): Promise<number> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 420, height: 900 });
  await page.goto(`chrome-extension://${id}/sidepanel.html?view=${view}`);
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 60_000, polling: 20 });
  const ms = await page.evaluate((m) => performance.getEntriesByName(m)[0]!.startTime, mark);
  await page.close();
  return ms;
}

function summarise(events: Ev[]): void {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const marks = events.filter((e) => e.cat.includes('blink.user_timing') && (e.name === mark || e.name.startsWith('jalur:')));
  const ready = marks.find((m) => m.name === mark);
  // The page's renderer: the main thread that set the mark.
  if (!ready) return void console.log('no ready mark in the trace');
  const pagePid = ready.pid;
  const nav = events.filter((e) => e.pid === pagePid && e.ts > 0).reduce((m, e) => Math.min(m, e.ts), Infinity);
  const from = nav;
  const to = ready.ts;
  console.log(`window: ${((to - from) / 1000).toFixed(1)} ms from the renderer's first event to the ready mark`);
  for (const m of marks.sort((a, b) => a.ts - b.ts)) console.log(`  mark +${((m.ts - from) / 1000).toFixed(1)} ${m.name}`);
  const byThread = new Map<string, Map<string, { n: number; ms: number }>>();
  for (const e of events) {
    if (e.ph !== 'X' || e.ts < from || e.ts > to) continue;
    const k = `${e.pid}:${e.tid}`;
    const tname = names.get(k) ?? k;
    if (!/CrRendererMain|ServiceWorker|IndexedDB|IOThread|CrBrowserMain/.test(tname)) continue;
    const key = `${tname}${e.pid === pagePid ? ' (page)' : ''}`;
    const m = byThread.get(key) ?? new Map();
    const r = m.get(e.name) ?? { n: 0, ms: 0 };
    r.n++;
    r.ms += (e.dur ?? 0) / 1000;
    m.set(e.name, r);
    byThread.set(key, m);
  }
  for (const [t, m] of byThread) {
    const top = [...m].sort((a, b) => b[1].ms - a[1].ms).filter(([, r]) => r.ms >= 1).slice(0, 18);
    if (top.length === 0) continue;
    console.log(`— ${t}`);
    for (const [n, r] of top) console.log(`   ${r.ms.toFixed(1).padStart(7)} ms  ×${String(r.n).padEnd(4)} ${n}`);
  }
  // The page's main thread in time order: what ran, when (top-level tasks over 2 ms).
  const main = events
    .filter((e) => e.pid === pagePid && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain' && e.ph === 'X' && e.ts >= from && e.ts <= to)
    .filter((e) => (e.dur ?? 0) > 2000 && !/RunTask|ThreadControllerImpl/.test(e.name))
    .sort((a, b) => a.ts - b.ts);
  console.log('— page main thread, in order (> 2 ms):');
  for (const e of main.slice(0, 60)) {
    const d = e.args?.data as Record<string, unknown> | undefined;
    const what = d ? String(d.url ?? d.functionName ?? d.type ?? '').slice(-60) : '';
    console.log(`   +${((e.ts - from) / 1000).toFixed(1).padStart(6)}  ${((e.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms  ${e.name} ${what}`);
  }
}

const { context, close } = await launchWithExtension();
try {
  const sw = await serviceWorker(context);
  const id = new URL(sw.url()).host;
  if (view === 'today') {
    await sw.evaluate(await bundleForBrowser(resolve('test/bench/today-seed.ts')));
    await sw.evaluate(() => (globalThis as unknown as TodaySeedGlobal).jalurTodaySeed(10_000, 2_000, 17));
  } else {
    await sw.evaluate(await bundleForBrowser(resolve('test/bench/board-seed.ts')));
    await sw.evaluate(() => (globalThis as unknown as BoardSeedGlobal).jalurBoardSeed(10_000, 11));
  }
  for (let i = 0; i < 2; i++) console.log(`warm-up open: ${(await open(context, id)).toFixed(1)} ms`);
  if (process.argv.includes('--cpu')) {
    // A sampled CPU profile of the page itself: open once, then reload under the profiler (the session
    // follows a same-process reload), and sum self time per function and per script.
    const page = await context.newPage();
    await page.setViewportSize({ width: 420, height: 900 });
    await page.goto(`chrome-extension://${id}/sidepanel.html?view=${view}`);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 60_000, polling: 20 });
    const s = await context.newCDPSession(page);
    await s.send('Profiler.enable');
    await s.send('Profiler.setSamplingInterval', { interval: 100 });
    const total = new Map<string, number>();
    const byUrl = new Map<string, number>();
    for (let i = 0; i < opens; i++) {
      if (state === 'cold') await stopServiceWorker(context, await serviceWorker(context));
      await s.send('Profiler.start');
      await page.reload();
      await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 60_000, polling: 20 });
      const ms = await page.evaluate((m) => performance.getEntriesByName(m)[0]!.startTime, mark);
      const { profile } = (await s.send('Profiler.stop')) as unknown as {
        profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]; samples: number[]; timeDeltas: number[] };
      };
      console.log(`cpu open ${i + 1}: ready at ${ms.toFixed(1)} ms`);
      const node = new Map(profile.nodes.map((n) => [n.id, n]));
      for (let k = 0; k < profile.samples.length; k++) {
        const n = node.get(profile.samples[k]!)!;
        const dt = (profile.timeDeltas[k + 1] ?? 0) / 1000;
        const url = n.callFrame.url.replace(/^.*\//, '');
        const key = `${n.callFrame.functionName || '(anon)'} ${url}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
        total.set(key, (total.get(key) ?? 0) + dt);
        byUrl.set(url || n.callFrame.functionName, (byUrl.get(url || n.callFrame.functionName) ?? 0) + dt);
      }
    }
    console.log('self time per script (all opens):');
    for (const [k, v] of [...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${v.toFixed(1).padStart(7)} ms  ${k}`);
    console.log('self time per function (all opens):');
    for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${v.toFixed(1).padStart(7)} ms  ${k}`);
    process.exit(0);
  }
  for (let i = 0; i < opens; i++) {
    if (state === 'cold') await stopServiceWorker(context, await serviceWorker(context));
    const holder = await context.newPage();
    const session = await context.newCDPSession(holder);
    let ms = 0;
    const events = await trace(session, async () => void (ms = await open(context, id)));
    console.log(`\n=== open ${i + 1} (${state}): ready at ${ms.toFixed(1)} ms`);
    summarise(events);
    await holder.close();
  }
} finally {
  await close();
}
