// Where the time goes when the side panel opens on a sleeping worker: a Chrome trace (all processes)
// of one cold open, summarised per thread as the longest top-level tasks and IndexedDB calls. A tool
// for reading a regression, not a budget row: `npx tsx test/bench/panel-trace.ts [board|today] [prospects] [cold|warm]`
// (JALUR_EXTENSION_DIR picks the build). Writes the raw trace to bench-results/panel-trace.json.
import { writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, CDPSession } from '@playwright/test';
import { launchWithExtension, serviceWorker, stopServiceWorker } from '../e2e/harness';
import type { BoardSeedGlobal } from './board-seed';
import { bundleForBrowser } from './bundle';

const CATEGORIES = [
  'devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-devtools.timeline',
  'ServiceWorker',
  'IndexedDB',
  'toplevel',
  'v8',
].join(',');

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

async function trace(session: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((r) => session.once('Tracing.tracingComplete', () => r()));
  await session.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES.split(',') }, transferMode: 'ReportEvents' });
  await run();
  await session.send('Tracing.end');
  await done;
  return events;
}

export function summarise(events: TraceEvent[], from: number): string[] {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  const out: string[] = [];
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.ts < from) continue;
    const k = `${e.pid}:${e.tid}`;
    byThread.set(k, [...(byThread.get(k) ?? []), e]);
  }
  for (const [k, list] of byThread) {
    const name = names.get(k) ?? k;
    if (!/ServiceWorker|CrRendererMain|IndexedDB|Worker/i.test(name)) continue;
    const top = list.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
    const busy = top.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
    out.push(`— ${name} (${k}): ${top.length} tasks, ${busy.toFixed(1)} ms busy`);
    const interesting = list
      .filter((e) => (e.dur ?? 0) > 3000 && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask')
      .sort((a, b) => a.ts - b.ts)
      .slice(0, 60);
    for (const e of interesting) {
      const what = e.args?.data && typeof e.args.data === 'object' ? JSON.stringify(e.args.data).slice(0, 120) : '';
      out.push(`   +${((e.ts - from) / 1000).toFixed(1)} ms  ${((e.dur ?? 0) / 1000).toFixed(1)} ms  ${e.name} ${what}`);
    }
  }
  const marks = events.filter((e) => e.cat.includes('blink.user_timing') && e.ts >= from).sort((a, b) => a.ts - b.ts);
  for (const m of marks) out.push(`mark +${((m.ts - from) / 1000).toFixed(1)} ms ${m.name} (${names.get(`${m.pid}:${m.tid}`) ?? ''})`);
  return out;
}

async function main(view: string, prospects: number, mode = 'cold'): Promise<void> {
  const seedScript = await bundleForBrowser(resolve('test/bench/board-seed.ts'));
  const { context, close } = await launchWithExtension();
  try {
    const sw = await serviceWorker(context);
    const extensionId = new URL(sw.url()).host;
    await sw.evaluate(seedScript);
    await sw.evaluate((n) => (globalThis as unknown as BoardSeedGlobal).jalurBoardSeed(n, 11), prospects);
    // One warm open first, so the page's own code is in Chrome's caches as it is for a rep.
    await openPanel(context, extensionId, view);
    await openPanel(context, extensionId, view);
    if (mode === 'cold') await stopServiceWorker(context, await serviceWorker(context));
    const holder = await context.newPage();
    const session = await context.newCDPSession(holder);
    let t0 = 0;
    let readyMs = 0;
    const events = await trace(session, async () => {
      t0 = Date.now();
      readyMs = await openPanel(context, extensionId, view);
    });
    const from = Math.min(...events.filter((e) => e.ph === 'X' && e.ts > 0).map((e) => e.ts));
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/panel-trace.json', JSON.stringify({ traceEvents: events }));
    console.log(`${mode} open of ${view} at ${prospects} prospects: ready mark at ${readyMs.toFixed(1)} ms (wall ${Date.now() - t0} ms)`);
    console.log(summarise(events, from).join('\n'));
  } finally {
    await close();
  }
}

async function openPanel(context: BrowserContext, extensionId: string, view: string): Promise<number> {
  const page = await context.newPage();
  const mark = view === 'today' ? 'jalur:today-interactive' : 'jalur:board-interactive';
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html?view=${view}`);
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 60_000, polling: 20 });
  const ms = await page.evaluate((m) => performance.getEntriesByName(m)[0]!.startTime, mark);
  await page.close();
  return ms;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main(process.argv[2] ?? 'board', Number(process.argv[3] ?? 10_000), process.argv[4] ?? 'cold');
}
