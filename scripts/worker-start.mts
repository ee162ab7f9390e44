// Where a cold open's time goes in the worker: its own marks (every module evaluated; the first request
// answered) beside the panel's (board ready), for a few opens of the board right after Chrome stopped
// the worker. `npx tsx scripts/worker-start.mts <build dir> [opens]`.
import { resolve } from 'node:path';
import { launchWithExtension, serviceWorker, stopServiceWorker } from '../test/e2e/harness';
import type { TodaySeedGlobal } from '../test/bench/today-seed';
import { bundleForBrowser } from '../test/bench/bundle';

const dir = resolve(process.argv[2] ?? '.output-coldstart/chrome-mv3');
const opens = Number(process.argv[3] ?? 4);
const seedScript = await bundleForBrowser(resolve('test/bench/today-seed.ts'));
const { context, close } = await launchWithExtension({ extensionDir: dir });
try {
  let sw = await serviceWorker(context);
  const id = new URL(sw.url()).host;
  await sw.evaluate(seedScript);
  await sw.evaluate(([p, d]) => (globalThis as unknown as TodaySeedGlobal).jalurTodaySeed(p, d, 17), [10_000, 2_000] as const);
  for (let i = 0; i < opens + 1; i++) {
    await stopServiceWorker(context, await serviceWorker(context));
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/sidepanel.html?view=board`);
    await page.waitForFunction(() => performance.getEntriesByName('jalur:board-interactive').length > 0, null, { timeout: 60_000, polling: 20 });
    const p = await page.evaluate(() => ({
      ready: Math.round(performance.getEntriesByName('jalur:board-interactive')[0]!.startTime),
      origin: performance.timeOrigin,
    }));
    sw = await serviceWorker(context);
    const w = await sw.evaluate(() => ({
      origin: performance.timeOrigin,
      marks: performance.getEntriesByType('mark').sort((a, b) => a.startTime - b.startTime).map((m) => `${m.name.replace(/^(jalur|tmp):/, '')} ${Math.round(m.startTime)}`).join(', '),
    }));
    await page.waitForFunction(() => performance.getEntriesByName('jalur:board-complete').length > 0, null, { timeout: 60_000, polling: 50 });
    await page.close();
    if (i === 0) continue;
    console.log(`board ready ${p.ready} ms after the panel's start; worker started at +${Math.round(w.origin - p.origin)} ms; worker marks`, w.marks);
  }
} finally {
  await close();
}
