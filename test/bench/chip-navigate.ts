// In-app navigation on the synthetic LinkedIn shell, as the chip benches drive it.
import type { BrowserContext, Page } from '@playwright/test';
import { fixture, serveLinkedIn } from '../e2e/harness';
import type { ChipSample, ProbeWindow } from './chip-probe';

/**
 * In-app navigation the way the shell's own links do it (a click on an a[data-spa], then pushState);
 * resolves with the chip's time from heading to shown, as the page's probe recorded it.
 */
export async function navigateInApp(page: Page, slug: string, timeout = 60_000): Promise<ChipSample> {
  const n = await page.evaluate((s) => {
    const probe = (window as unknown as ProbeWindow).__jalurProbe;
    probe.target = s;
    probe.inserted = 0;
    const a = document.createElement('a');
    a.href = `/in/${s}/`;
    a.dataset.spa = '';
    document.body.append(a);
    a.click();
    a.remove();
    return probe.samples.length + 1;
  }, slug);
  await page.waitForFunction((k) => (window as unknown as ProbeWindow).__jalurProbe.samples.length >= k, n, { timeout, polling: 10 });
  return page.evaluate((k) => (window as unknown as ProbeWindow).__jalurProbe.samples[k - 1]!, n);
}

/**
 * A tab on the synthetic LinkedIn shell with the chip probe in it, on `tracked`'s profile, clipped: so
 * every other navigation's chip finds and describes someone (stage and score).
 */
export async function openTrackedShell(context: BrowserContext, probeScript: string, tracked: string): Promise<Page> {
  await serveLinkedIn(context, /^https:\/\/www\.linkedin\.com\//, fixture('linkedin-spa/shell.html'));
  const linkedin = await context.newPage();
  await linkedin.addInitScript({ content: probeScript });
  await linkedin.goto(`https://www.linkedin.com/in/${tracked}/`);
  await linkedin.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await linkedin.locator(`jalur-inline[data-slug="${tracked}"] [data-stage]`).waitFor();
  return linkedin;
}
