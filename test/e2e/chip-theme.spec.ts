import AxeBuilder from '@axe-core/playwright';
import { expect, fixture, serveLinkedIn, test } from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
});

/** The class of the chip's mount inside its (open, in this build) shadow root. */
function mountClass(page: import('@playwright/test').Page): Promise<string> {
  return page.locator('jalur-inline').evaluate((el) => (el.shadowRoot!.querySelector('style + span') as HTMLElement).className);
}

test("the chip takes LinkedIn's dark theme from the page, not the system, and stays readable", async ({ context }) => {
  const page = await context.newPage();
  // LinkedIn's own dark mode: a dark page background, whatever the system's scheme (light here).
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const s = document.createElement('style');
      s.textContent = 'html, body { background: #1b1f23 !important; color: #e9e9e9 !important; }';
      document.head.append(s);
    });
  });
  await page.goto(RIZKY);
  const chip = page.locator('jalur-inline[data-slug="rizky-pratama-5e6f7a"]');
  await chip.getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(chip.locator('[data-stage="prospecting"]')).toBeVisible();
  expect(await mountClass(page)).toBe('dark');
  const background = await chip.locator('.chip').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe('rgb(31, 43, 61)');
  const axe = await new AxeBuilder({ page }).include('jalur-inline').withRules(['color-contrast']).analyze();
  expect(axe.violations).toEqual([]);
});

test('on a light page the chip stays light even when the system is dark', async ({ context }) => {
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(RIZKY);
  const chip = page.locator('jalur-inline[data-slug="rizky-pratama-5e6f7a"]');
  await expect(chip.getByRole('button', { name: 'Add to pipeline' })).toBeVisible();
  expect(await mountClass(page)).toBe('');
  const axe = await new AxeBuilder({ page }).include('jalur-inline').withRules(['color-contrast']).analyze();
  expect(axe.violations).toEqual([]);
});
