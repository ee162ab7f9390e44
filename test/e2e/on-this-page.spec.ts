// The side panel's "On this page": everyone the LinkedIn tab shows, with their stage or Add — the way
// a rep in quiet mode (nothing added to LinkedIn's pages) sees and clips the page's people.
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, fixture, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker, tabIdOf } from './harness';
import { test } from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const AYU = 'https://www.linkedin.com/in/ayu-lestari-0c9d8e/';

const WORDS = {
  en: { heading: 'On this page', add: 'Add Ayu Lestari', stage: 'Prospecting', addRizky: 'Add Rizky Pratama' },
  id: { heading: 'Di halaman ini', add: 'Tambah Ayu Lestari', stage: 'Prospek', addRizky: 'Tambah Rizky Pratama' },
} as const;

async function quietProfile(context: BrowserContext): Promise<{ page: Page; panel: Page }> {
  const sw = await serviceWorker(context);
  const extensionId = new URL(sw.url()).host;
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
  await sw.evaluate(() => chrome.storage.local.set({ showOnLinkedIn: false }));
  const page = await context.newPage();
  await page.goto(AYU);
  await expect(page.getByRole('heading', { level: 1, name: 'Ayu Lestari' })).toBeVisible();
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, AYU)}`);
  await panel.setViewportSize({ width: 420, height: 900 });
  return { page, panel };
}

for (const lang of ['en', 'id'] as const) {
  test(`On this page lists the tab's person with Add, from the keyboard, then their stage; follows in-app navigation; axe clean (${lang})`, async ({}, testInfo) => {
    test.setTimeout(120_000);
    const w = WORDS[lang];
    const { context, close } = await launchWithExtension({ lang });
    try {
      const { page, panel } = await quietProfile(context);
      const section = panel.getByRole('region', { name: w.heading });
      await expect(section.getByRole('heading', { level: 2, name: w.heading })).toBeVisible();
      const add = section.getByRole('button', { name: w.add });
      await expect(add).toBeVisible();

      const axe = await new AxeBuilder({ page: panel }).include('.on-this-page').options({ rules: { 'target-size': { enabled: true } } }).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

      // Keyboard: the Add button is reachable and works with Enter.
      await add.focus();
      await expect(add).toBeFocused();
      await panel.keyboard.press('Enter');
      const pill = section.getByRole('button', { name: new RegExp(`Ayu Lestari: ${w.stage}$`) });
      await expect(pill).toHaveAttribute('data-stage', 'prospecting');
      await expect(section.getByRole('status')).toContainText('Ayu Lestari');
      await panel.screenshot({ path: testInfo.outputPath(`on-this-page-${lang}.png`) });
      // Jalur added nothing to the page meanwhile.
      expect(await page.evaluate(() => document.querySelectorAll('jalur-inline, jalur-mark').length)).toBe(0);

      // The pill opens the person in the panel.
      await pill.click();
      await expect(panel.getByRole('button', { name: 'Delete' }).or(panel.getByRole('button', { name: 'Hapus' }))).toBeVisible();

      // In-app navigation (no reload) to another profile: the list follows the tab.
      await panel.goto(panel.url());
      await page.goto('https://www.linkedin.com/feed/');
      await page.getByRole('link', { name: 'Rizky Pratama' }).click();
      await expect(panel.getByRole('region', { name: w.heading }).getByRole('button', { name: w.addRizky })).toBeVisible();
    } finally {
      await close();
    }
  });
}

test('On this page is absent where the tab is not LinkedIn', async ({ context, extensionId }) => {
  await context.route('https://example.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Elsewhere</h1>' }));
  const page = await context.newPage();
  await page.goto('https://example.com/');
  await expect(page.getByRole('heading', { name: 'Elsewhere' })).toBeVisible();
  // Opened as a tab, the panel follows the most recent other tab: the example.com one.
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  // The panel has settled on Today (nothing on this tab to show).
  await expect(panel.getByRole('tab', { name: /Today/ })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByRole('heading', { name: 'On this page' })).toHaveCount(0);
});
