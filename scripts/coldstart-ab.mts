// Side panel opening times of two builds, interleaved in one run so both see the same machine load:
// the board (worker running and worker asleep) and Today, over the bench's seed (10,000 prospects,
// 2,000 due). Same readiness as test/bench/board.ts and today.ts (the ready mark, then a focusable
// card/row). `npx tsx scripts/coldstart-ab.mts <buildA> <buildB> [rounds]`.
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import type { BrowserContext } from '@playwright/test';
import { launchWithExtension, serviceWorker, stopServiceWorker } from '../test/e2e/harness';
import type { TodaySeedGlobal } from '../test/bench/today-seed';
import { bundleForBrowser } from '../test/bench/bundle';
import { median, p95 } from '../test/bench/stats';

const [dirA, dirB] = [process.argv[2]!, process.argv[3]!].map((d) => resolve(d));
const rounds = Number(process.argv[4] ?? 8);

async function open(context: BrowserContext, id: string, view: 'board' | 'today'): Promise<{ ready: number; dcl: number }> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 420, height: 900 });
  try {
    const mark = view === 'board' ? 'jalur:board-interactive' : 'jalur:today-interactive';
    const sel = view === 'board' ? '.card-open' : '.today-open';
    await page.goto(`chrome-extension://${id}/sidepanel.html?view=${view}`);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 60_000, polling: 20 });
    const r = await page.evaluate(
      ([m, s]) => {
        const first = document.querySelector<HTMLElement>(s);
        first?.focus();
        if (!first || document.activeElement !== first) throw new Error('nothing focusable at the ready mark');
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { ready: performance.getEntriesByName(m)[0]!.startTime, dcl: nav.domContentLoadedEventEnd };
      },
      [mark, sel] as const,
    );
    const done = view === 'board' ? 'jalur:board-complete' : 'jalur:today-complete';
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, done, { timeout: 60_000, polling: 50 });
    return r;
  } finally {
    await page.close();
  }
}

const seedScript = await bundleForBrowser(resolve('test/bench/today-seed.ts'));
const builds = [];
for (const dir of [dirA, dirB]) {
  const { context, close } = await launchWithExtension({ extensionDir: dir });
  const sw = await serviceWorker(context);
  const id = new URL(sw.url()).host;
  await sw.evaluate(seedScript);
  await sw.evaluate(([p, d]) => (globalThis as unknown as TodaySeedGlobal).jalurTodaySeed(p, d, 17), [10_000, 2_000] as const);
  builds.push({ dir, context, close, id, warm: [] as number[], today: [] as number[], cold: [] as number[], dcl: [] as number[] });
}
const loads: number[] = [loadavg()[0]!];
try {
  for (const b of builds) for (let i = 0; i < 2; i++) (await open(b.context, b.id, 'board'), await open(b.context, b.id, 'today'));
  for (let r = 0; r < rounds; r++) {
    for (const b of r % 2 ? [...builds].reverse() : builds) {
      const w = await open(b.context, b.id, 'board');
      b.warm.push(w.ready);
      b.dcl.push(w.dcl);
      b.today.push((await open(b.context, b.id, 'today')).ready);
      await stopServiceWorker(b.context, await serviceWorker(b.context));
      b.cold.push((await open(b.context, b.id, 'board')).ready);
    }
    loads.push(loadavg()[0]!);
  }
} finally {
  for (const b of builds) await b.close();
}
const f = (xs: number[]) => `median ${median(xs).toFixed(0)} p95 ${p95(xs).toFixed(0)} [${xs.map((x) => x.toFixed(0)).join(' ')}]`;
for (const b of builds) {
  console.log(b.dir);
  console.log('  board, worker asleep :', f(b.cold));
  console.log('  board, worker running:', f(b.warm), ' DCL', median(b.dcl).toFixed(0));
  console.log('  Today                :', f(b.today));
}
console.log('load average (1 min) per round:', loads.map((l) => l.toFixed(2)).join(' '));
