import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { fixture, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker } from '../e2e/harness';
import { BUDGETS } from './budgets';
import { bundleForBrowser } from './bundle';
import { navigateInApp } from './chip-navigate';
import { median, ms, p95 } from './stats';
import type { ChipSample } from './chip-probe';
import type { BenchGlobal } from './store-bench';
import type { Row } from './table';

// Two people of the SPA shell: one clipped before the runs (tracked), one never (untracked).
const TRACKED = 'rizky-pratama-5e6f7a';
const UNTRACKED = 'ayu-lestari-0c9d8e';
const WARMUP = 2;

/** In-app navigation (./chip-navigate.ts), then a moment for the content script's follow-up work (announce, late renders) before the next click. */
async function navigate(page: Page, slug: string): Promise<ChipSample> {
  const sample = await navigateInApp(page, slug, 10_000);
  await page.waitForTimeout(100);
  return sample;
}

export async function chipRows(o: { navigations: number; prospects: number }): Promise<{ rows: Row[]; raw: Record<string, number[]> }> {
  const seedScript = await bundleForBrowser(resolve('test/bench/store-bench.ts'));
  const probeScript = await bundleForBrowser(resolve('test/bench/chip-probe.ts'));
  const { context, close } = await launchWithExtension();
  try {
    // The chip's lookup should hit a store of realistic size, not the empty one of a fresh install.
    const sw = await serviceWorker(context);
    // The worker creates the default stages on start-up; the options page lists them once it has.
    const options = await openExtensionPage(context, new URL(sw.url()).host, 'options.html');
    await options.locator('[data-stage]').first().waitFor();
    await options.close();
    await sw.evaluate(seedScript);
    await sw.evaluate((n) => (globalThis as unknown as BenchGlobal).jalurBench.fill('jalur', n, 7), o.prospects);

    await serveLinkedIn(context, /^https:\/\/www\.linkedin\.com\//, fixture('linkedin-spa/shell.html'));
    const page = await context.newPage();
    await page.addInitScript({ content: probeScript });
    await page.goto(`https://www.linkedin.com/in/${TRACKED}/`);
    await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
    await page.locator(`jalur-inline[data-slug="${TRACKED}"] [data-stage]`).waitFor();

    const raw: Record<'untracked' | 'tracked', number[]> = { untracked: [], tracked: [] };
    for (let i = 0; i < WARMUP + o.navigations; i++) {
      for (const [slug, key, kind] of [
        [UNTRACKED, 'untracked', 'button'],
        [TRACKED, 'tracked', 'stage'],
      ] as const) {
        const s = await navigate(page, slug);
        if (s.kind !== kind) throw new Error(`chip for ${slug} showed ${s.kind}, expected ${kind}`);
        if (i >= WARMUP) raw[key].push(s.shown - s.inserted);
      }
    }
    const row = (who: string, samples: number[]): Row => ({
      what: `profile in view → inline chip shown, ${who}`,
      measured: `${ms(median(samples))} median, p95 ${ms(p95(samples))}`,
      budget: `≤ ${BUDGETS.chipShownMs} ms`,
      pass: median(samples) <= BUDGETS.chipShownMs,
      detail: { navigations: samples.length, medianMs: median(samples), p95Ms: p95(samples), storeProspects: o.prospects },
    });
    return {
      rows: [row('untracked ("Add to pipeline")', raw.untracked), row('tracked (stage + score)', raw.tracked)],
      raw,
    };
  } finally {
    await close();
  }
}
