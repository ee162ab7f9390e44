// A CPU profile of the side panel page (and the marks it set) for one open of a view, worker warm or
// asleep: where the page's own time goes before the view is interactive. A tool for reading a change,
// not a budget row: `npx tsx scripts/panel-profile-open.mts [board|today] [warm|cold]`
// (JALUR_EXTENSION_DIR picks the build). Prints the heaviest functions by self time and by file.
import { resolve } from 'node:path';
import { launchWithExtension, serviceWorker, stopServiceWorker } from '../test/e2e/harness';
import type { TodaySeedGlobal } from '../test/bench/today-seed';
import { bundleForBrowser } from '../test/bench/bundle';

const view = process.argv[2] ?? 'board';
const mode = process.argv[3] ?? 'warm';
const runs = Number(process.argv[4] ?? 3);
const mark = view === 'today' ? 'jalur:today-interactive' : 'jalur:board-interactive';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number }

const seedScript = await bundleForBrowser(resolve('test/bench/today-seed.ts'));
const { context, close } = await launchWithExtension();
try {
  const sw = await serviceWorker(context);
  const id = new URL(sw.url()).host;
  await sw.evaluate(seedScript);
  await sw.evaluate(([p, d]) => (globalThis as unknown as TodaySeedGlobal).jalurTodaySeed(p, d, 17), [10_000, 2_000] as const);
  const bySelf = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (let i = 0; i < runs + 2; i++) {
    if (mode === 'cold') await stopServiceWorker(context, await serviceWorker(context));
    const page = await context.newPage();
    await page.setViewportSize({ width: 420, height: 900 });
    const s = await context.newCDPSession(page);
    await s.send('Profiler.enable');
    await s.send('Profiler.setSamplingInterval', { interval: 200 });
    await s.send('Profiler.start');
    await page.goto(`chrome-extension://${id}/sidepanel.html?view=${view}`);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 60_000, polling: 20 });
    const { profile } = (await s.send('Profiler.stop')) as unknown as { profile: Profile };
    const marks = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const out: Record<string, number> = { dcl: Math.round(nav.domContentLoadedEventEnd), domInteractive: Math.round(nav.domInteractive) };
      for (const e of performance.getEntriesByType('mark')) out[e.name] = Math.round(e.startTime);
      for (const e of performance.getEntriesByType('resource')) if (/chunks|assets/.test(e.name)) out[e.name.split('/').pop()!] = Math.round((e as PerformanceResourceTiming).responseEnd);
      return out;
    });
    await page.close();
    if (i < 2) continue;
    console.log(JSON.stringify(marks));
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((sid, k) => {
      const n = nodes.get(sid)!;
      const dt = (profile.timeDeltas[k] ?? 0) / 1000;
      const f = n.callFrame;
      const file = f.url.split('/').pop() || '(native)';
      const key = `${f.functionName || '(anon)'} ${file}:${f.lineNumber}:${f.columnNumber}`;
      bySelf.set(key, (bySelf.get(key) ?? 0) + dt);
      byFile.set(file + (f.functionName.startsWith('(') ? ' ' + f.functionName : ''), (byFile.get(file) ?? 0) + dt);
    });
  }
  console.log('--- self time by file (ms, summed over runs)');
  for (const [k, v] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(v.toFixed(1).padStart(8), k);
  console.log('--- by function');
  for (const [k, v] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(v.toFixed(1).padStart(8), k);
} finally {
  await close();
}
