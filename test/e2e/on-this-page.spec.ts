// The side panel's "On this page": everyone the LinkedIn tab shows, with their stage or Add — the way
// a rep in quiet mode (nothing added to LinkedIn's pages) sees and clips the page's people.
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, fixture, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker, tabIdOf } from './harness';
import { test } from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const AYU = 'https://www.linkedin.com/in/ayu-lestari-0c9d8e/';

const WORDS = {
  en: { heading: 'On this page', add: 'Add Ayu Lestari', stage: 'Prospecting', addRizky: 'Add Rizky Pratama', name: 'Name' },
  id: { heading: 'Di halaman ini', add: 'Tambah Ayu Lestari', stage: 'Prospek', addRizky: 'Tambah Rizky Pratama', name: 'Nama' },
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
      await expect(section.getByText(lang === 'en' ? '1 person, 1 in your pipeline' : '1 orang, 1 ada di pipeline Anda')).toBeVisible();
      await section.scrollIntoViewIfNeeded();
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
      // The tab's own person above it is read from the drawn profile too (quiet mode tells the panel once
      // the top card is there, not when the URL changes and LinkedIn is still loading it).
      await expect(panel.getByLabel(w.name, { exact: true })).toHaveValue('Rizky Pratama');
    } finally {
      await close();
    }
  });
}

const BULK = {
  en: { heading: 'On this page', all: 'Select everyone not in your pipeline', rizky: 'Select Rizky Pratama', add: 'Add 2', said: 'Added 2 to your pipeline.', stage: 'Prospecting' },
  id: { heading: 'Di halaman ini', all: 'Pilih semua yang belum ada di pipeline', rizky: 'Pilih Rizky Pratama', add: 'Tambah 2', said: '2 ditambahkan ke pipeline Anda.', stage: 'Prospek' },
} as const;

for (const lang of ['en', 'id'] as const) {
  test(`On this page on search results: tick people and add them together (${lang})`, async ({}, testInfo) => {
    test.setTimeout(120_000);
    const w = BULK[lang];
    const { context, close } = await launchWithExtension({ lang });
    try {
      const sw = await serviceWorker(context);
      const extensionId = new URL(sw.url()).host;
      await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
      await sw.evaluate(() => chrome.storage.local.set({ showOnLinkedIn: false }));
      const page = await context.newPage();
      const SEARCH = 'https://www.linkedin.com/search/results/people/?keywords=logistik';
      await page.goto(SEARCH);
      await expect(page.locator('.reusable-search__result-container')).toHaveCount(2);
      const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, SEARCH)}`);
      await panel.setViewportSize({ width: 420, height: 900 });
      const section = panel.getByRole('region', { name: w.heading });
      // A list page has no person of its own: the panel leads with the page's people.
      await expect(section.getByRole('listitem')).toHaveCount(2);
      const addMany = section.getByRole('button', { name: w.add.replace('2', '0') });
      await expect(addMany).toBeDisabled();

      // One tick, then "everyone": the button counts them.
      await section.getByRole('checkbox', { name: w.rizky }).check();
      await section.getByRole('checkbox', { name: w.all }).check();
      await expect(section.getByRole('button', { name: w.add })).toBeEnabled();
      const axe = await new AxeBuilder({ page: panel }).include('.on-this-page').options({ rules: { 'target-size': { enabled: true } } }).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      await panel.screenshot({ path: testInfo.outputPath(`on-this-page-search-${lang}.png`) });

      await section.getByRole('button', { name: w.add }).click();
      await expect(section.getByRole('status')).toHaveText(w.said);
      await expect(section.locator(`[data-stage="prospecting"]`)).toHaveCount(2);
      await expect(section.getByRole('checkbox')).toHaveCount(0);
      await expect(section.getByRole('button', { name: new RegExp(`Ayu Lestari: ${w.stage}$`) })).toBeVisible();
      await panel.screenshot({ path: testInfo.outputPath(`on-this-page-search-added-${lang}.png`) });
      // Jalur added nothing to LinkedIn's page, and the tab's toolbar title counts them now.
      expect(await page.evaluate(() => document.querySelectorAll('jalur-inline, jalur-mark').length)).toBe(0);
      const tabId = await tabIdOf(sw, SEARCH);
      await expect.poll(() => sw.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toMatch(/2 .* 2 /);
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

const JUMP = {
  en: { heading: 'On this page', jump: /^On this page: \d+ people, 1 in your pipeline/, add: 'Add to pipeline' },
  id: { heading: 'Di halaman ini', jump: /^Di halaman ini: \d+ orang, 1 ada di pipeline Anda/, add: 'Tambah ke pipeline' },
} as const;

for (const lang of ['en', 'id'] as const) {
  test(`on a profile the person leads, and one line at the top reaches On this page far below, from the keyboard (${lang})`, async () => {
    test.setTimeout(120_000);
    const w = JUMP[lang];
    const { context, close } = await launchWithExtension({ lang });
    try {
      const sw = await serviceWorker(context);
      const extensionId = new URL(sw.url()).host;
      const PROFILE = 'https://www.linkedin.com/in/winda-astuti-ls24/';
      await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, fixture('linkedin-lists/also-viewed-2024.html'));
      await sw.evaluate(() => chrome.storage.local.set({ showOnLinkedIn: false }));
      const page = await context.newPage();
      await page.goto(PROFILE);
      await expect(page.getByRole('heading', { level: 1, name: 'Winda Astuti' })).toBeVisible();
      const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, PROFILE)}`);
      await panel.setViewportSize({ width: 420, height: 900 });
      // Winda is in the pipeline: her whole record (stage, score, follow-ups, touches) leads the panel.
      await panel.getByRole('button', { name: w.add }).first().click();
      await expect(panel.getByRole('article', { name: 'Winda Astuti' })).toBeVisible();

      // The person leads; the page's other people are listed below the fold.
      const heading = panel.getByRole('heading', { level: 2, name: w.heading });
      const rows = panel.getByRole('region', { name: w.heading }).getByRole('listitem');
      await expect(rows.nth(2)).toBeVisible();
      await expect(heading).not.toBeInViewport();
      const jump = panel.getByRole('link', { name: w.jump });
      await expect(jump).toBeInViewport();
      // It counts what the list shows.
      await expect(jump).toContainText(String(await rows.count()));
      const axe = await new AxeBuilder({ page: panel }).include('.otp-jump').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      await panel.screenshot({ path: `/tmp/shots/quiet-mail-ui/panel-profile-jump-${lang}.png` });

      // Keyboard: focus the line, Enter — focus lands on the list's heading, scrolled into view; Tab goes on into the list.
      await jump.focus();
      await panel.keyboard.press('Enter');
      await expect(heading).toBeFocused();
      await expect(heading).toBeInViewport();
      await panel.keyboard.press('Tab');
      await expect(panel.locator(':focus')).toHaveText(lang === 'en' ? 'Refresh' : /.+/);
      await panel.screenshot({ path: `/tmp/shots/quiet-mail-ui/panel-profile-jumped-${lang}.png` });
      expect(await page.evaluate(() => document.querySelectorAll('jalur-inline, jalur-mark').length)).toBe(0);
    } finally {
      await close();
    }
  });
}

test('a list page leads with On this page itself: no jump line to it', async ({ context, sw, extensionId }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
  await sw.evaluate(() => chrome.storage.local.set({ showOnLinkedIn: false }));
  const page = await context.newPage();
  const SEARCH = 'https://www.linkedin.com/search/results/people/?keywords=logistik';
  await page.goto(SEARCH);
  await expect(page.locator('.reusable-search__result-container')).toHaveCount(2);
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, SEARCH)}`);
  await expect(panel.getByRole('region', { name: 'On this page' }).getByRole('listitem')).toHaveCount(2);
  await expect(panel.getByRole('link', { name: /^On this page:/ })).toHaveCount(0);
});
