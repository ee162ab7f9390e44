// A full load of a LinkedIn profile → the chip shown, for the built extension and, with --before=<dir>,
// another build in the same rotation. Since LinkedIn's surface scripts are injected by the background
// when the page's router asks (entrypoints/linkedin-router.ts), the first chip of a full load waits for
// one more round trip to the worker than when the manifest injected the scripts itself; this says how
// much. (The chip-latency rows measure in-app navigation, where the script is already there.)
// `npx tsx test/bench/first-chip.ts [loads] [--before=<dir>]`
import type { Page } from '@playwright/test';
import { loadavg } from 'node:os';
import { fixture, launchWithExtension, serveLinkedIn, serviceWorker } from '../e2e/harness';
import { median, p95 } from './stats';

const SLUG = 'thandiwe-okonkwo-reyes-fx24';
const URL_ = `https://www.linkedin.com/in/${SLUG}/`;
const WARMUP = 3;

/** Main world: the time the first jalur-inline is in the document (Jalur's element, not its shadow content). */
const WATCH = `(() => {
  const w = window;
  w.__chipAt = 0;
  const obs = new MutationObserver(() => {
    if (!w.__chipAt && document.querySelector('jalur-inline')) { w.__chipAt = performance.now(); obs.disconnect(); }
  });
  obs.observe(document, { childList: true, subtree: true });
})();`;

interface Sample {
  /** Navigation start → chip inserted. */
  chip: number;
  /** loadEventEnd → chip inserted. */
  afterLoad: number;
}

async function once(page: Page, i: number): Promise<Sample> {
  await page.goto(`${URL_}?first=${i}`, { waitUntil: 'load' });
  await page.locator(`jalur-inline[data-slug="${SLUG}"]`).waitFor({ timeout: 15_000 });
  const s = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const at = (window as unknown as { __chipAt: number }).__chipAt;
    return { chip: at, afterLoad: at - nav.loadEventEnd };
  });
  await page.waitForTimeout(150);
  return s;
}

export async function firstChip(o: { loads: number; beforeDir?: string }) {
  const builds = [{ name: 'this build', dir: undefined as string | undefined }, ...(o.beforeDir ? [{ name: 'before', dir: o.beforeDir }] : [])];
  const body = fixture('linkedin/2024-data-view-name.html');
  const runs = await Promise.all(builds.map((b) => launchWithExtension(b.dir ? { extensionDir: b.dir } : {})));
  try {
    const pages: Page[] = [];
    for (const r of runs) {
      await serviceWorker(r.context);
      await serveLinkedIn(r.context, /^https:\/\/www\.linkedin\.com\//, () => body);
      const page = await r.context.newPage();
      await page.addInitScript({ content: WATCH });
      pages.push(page);
    }
    const samples: Sample[][] = builds.map(() => []);
    for (let i = 0; i < WARMUP + o.loads; i++) {
      for (let k = 0; k < builds.length; k++) {
        const j = (i + k) % builds.length;
        const s = await once(pages[j]!, i);
        if (i >= WARMUP) samples[j]!.push(s);
      }
    }
    return builds.map((b, j) => {
      const xs = samples[j]!;
      return {
        build: b.name,
        chipMedian: median(xs.map((x) => x.chip)),
        chipP95: p95(xs.map((x) => x.chip)),
        afterLoadMedian: median(xs.map((x) => x.afterLoad)),
        afterLoadP95: p95(xs.map((x) => x.afterLoad)),
      };
    });
  } finally {
    await Promise.all(runs.map((r) => r.close()));
  }
}

if (import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1] ?? '').href) {
  const before = loadavg();
  const beforeDir = process.argv.find((a) => a.startsWith('--before='))?.slice('--before='.length);
  const loads = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 20);
  for (const r of await firstChip({ loads, ...(beforeDir ? { beforeDir } : {}) }))
    console.log(
      `${r.build}: full profile load → chip ${r.chipMedian.toFixed(1)} ms median (p95 ${r.chipP95.toFixed(1)}); after loadEventEnd ${r.afterLoadMedian.toFixed(1)} ms median (p95 ${r.afterLoadP95.toFixed(1)}), ${loads} loads`,
    );
  console.log(`load average before ${before.map((v) => v.toFixed(1)).join(' ')}, after ${loadavg().map((v) => v.toFixed(1)).join(' ')}`);
}
