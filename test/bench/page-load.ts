import type { BrowserContext, Page } from '@playwright/test';
import { fixture, launchWithExtension, serveLinkedIn, serviceWorker } from '../e2e/harness';
import { BUDGETS } from './budgets';
import { launchPlain } from './browser';
import { median } from './stats';
import type { Row } from './table';

// A full logged-in profile of a recent vintage, at its real URL so the content script does its full work.
const FIXTURE = 'linkedin/2024-data-view-name.html';
const PROFILE = 'https://www.linkedin.com/in/thandiwe-okonkwo-reyes-fx24/';
const WARMUP = 3;

interface Timing {
  /** Document fully received: what comes before is the route round trip through Node, not the page. */
  responseEnd: number;
  domContentLoaded: number;
  load: number;
}

async function loadOnce(page: Page, i: number, withExtension: boolean): Promise<Timing> {
  // A fresh query string each time: a new-document navigation, never a reload of the previous one.
  await page.goto(`${PROFILE}?bench=${i}`, { waitUntil: 'load' });
  await page.waitForFunction(
    () => ((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? 0) > 0,
  );
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
  });
  // Proof the extension really ran on this load, and its after-load work is over before the other
  // browser's turn on the same two cores.
  if (withExtension) await page.locator('jalur-inline[data-slug="thandiwe-okonkwo-reyes-fx24"]').waitFor({ timeout: 5_000 });
  await page.waitForTimeout(100);
  return t;
}

export async function pageLoadRows(o: { loads: number }): Promise<{ rows: Row[]; raw: Record<string, Timing[]> }> {
  const body = fixture(FIXTURE);
  const [ext, plain] = await Promise.all([launchWithExtension(), launchPlain()]);
  try {
    await serviceWorker(ext.context);
    const pages = new Map<boolean, Page>();
    for (const [withExt, context] of [
      [true, ext.context],
      [false, plain.context],
    ] as [boolean, BrowserContext][]) {
      await serveLinkedIn(context, /^https:\/\/www\.linkedin\.com\//, body);
      pages.set(withExt, await context.newPage());
    }
    const raw: Record<'with' | 'without', Timing[]> = { with: [], without: [] };
    for (let i = 0; i < WARMUP + o.loads; i++) {
      // Alternate who goes first so drift in machine load (other jobs, GC) falls on both sides alike.
      for (const withExt of i % 2 ? [true, false] : [false, true]) {
        const t = await loadOnce(pages.get(withExt)!, i, withExt);
        if (i >= WARMUP) raw[withExt ? 'with' : 'without'].push(t);
      }
    }
    const load = (k: 'with' | 'without') => median(raw[k].map((t) => t.load));
    const dcl = (k: 'with' | 'without') => median(raw[k].map((t) => t.domContentLoaded));
    const ratio = load('with') / load('without');
    // Loads i of both browsers ran back to back, so their ratio cancels slow drifts in machine load.
    const paired = raw.with.map((t, i) => t.load / raw.without[i]!.load);
    const added = raw.with.map((t, i) => t.load - raw.without[i]!.load);
    return {
      rows: [
        {
          what: 'page load with ÷ without the extension, LinkedIn profile',
          measured: `${ratio.toFixed(3)} (${load('with').toFixed(1)} ÷ ${load('without').toFixed(1)} ms loadEventEnd medians; paired +${median(added).toFixed(1)} ms)`,
          budget: `≤ ${BUDGETS.pageLoadRatio}`,
          pass: ratio <= BUDGETS.pageLoadRatio,
          detail: {
            fixture: FIXTURE,
            loadsEach: o.loads,
            loadWithMs: load('with'),
            loadWithoutMs: load('without'),
            ratio,
            pairedRatioMedian: median(paired),
            addedMsMedian: median(added),
            domContentLoadedRatio: dcl('with') / dcl('without'),
            // Without the document's own route round trip through Node, the noisiest part on a busy machine.
            afterResponseRatio:
              median(raw.with.map((t) => t.load - t.responseEnd)) / median(raw.without.map((t) => t.load - t.responseEnd)),
          },
        },
      ],
      raw,
    };
  } finally {
    await Promise.all([ext.close(), plain.close()]);
  }
}
