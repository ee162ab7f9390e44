import type { Page } from '@playwright/test';
import { expect, fixture, isWelcomePage, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker, test } from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';

async function welcomePageOf(context: import('@playwright/test').BrowserContext): Promise<Page> {
  await expect.poll(() => context.pages().some(isWelcomePage), { timeout: 60_000 }).toBe(true);
  return context.pages().find(isWelcomePage)!;
}

test.describe('first run', () => {
  for (const lang of ['en', 'id'] as const) {
    test(`a fresh install opens the welcome page (${lang})`, async () => {
      const { context, close } = await launchWithExtension({ lang, keepWelcome: true });
      try {
        const welcome = await welcomePageOf(context);
        const words =
          lang === 'en'
            ? { title: 'Welcome to Jalur', data: 'Where your data lives', importLink: 'Import connections', option: 'Show Jalur on LinkedIn pages', quiet: 'Quiet mode' }
            : { title: 'Selamat datang di Jalur', data: 'Di mana data Anda disimpan', importLink: 'Impor koneksi', option: 'Tampilkan Jalur di halaman LinkedIn', quiet: 'Mode senyap' };
        await expect(welcome.getByRole('heading', { level: 1, name: words.title })).toBeVisible();
        await expect(welcome.locator('html')).toHaveAttribute('lang', lang);
        await expect(welcome.getByRole('heading', { name: words.data })).toBeVisible();
        // The shortcut as the browser has it, not a hard-coded text.
        await expect(welcome.getByTestId('clip-shortcut')).toHaveText('Alt + Shift + J');
        await expect(welcome.getByRole('link', { name: words.importLink })).toHaveAttribute('href', 'options.html#import');
        await expect(welcome.getByText(words.quiet, { exact: true })).toBeVisible();
        await expect(welcome.getByRole('checkbox', { name: words.option })).toBeChecked();

        // The import link lands on the import in the options.
        await welcome.getByRole('link', { name: words.importLink }).click();
        await expect(welcome).toHaveURL(/options\.html#import$/);
        await expect(welcome.locator('#import')).toBeInViewport();
      } finally {
        await close();
      }
    });
  }
});

/**
 * Resolves once a LinkedIn content script has dealt with a page whose URL contains `part` (it tells
 * Jalur's pages which page it is on). With the chip shown, that happens only after the chip is mounted,
 * so "told, and no chip" is a strict check, not a race.
 */
async function watchPageChanged(page: Page, part: string): Promise<() => Promise<string>> {
  const key = `__seen_${part.replace(/\W/g, '_')}`;
  await page.evaluate(
    ({ key, part }) => {
      (window as unknown as Record<string, Promise<string>>)[key] = new Promise((resolve) =>
        chrome.runtime.onMessage.addListener((m: { type?: string; url?: string }) => {
          if (m?.type === 'pageChanged' && m.url?.includes(part)) resolve(m.url);
        }),
      );
    },
    { key, part },
  );
  return () => page.evaluate((key) => (window as unknown as Record<string, Promise<string>>)[key]!, key);
}

test('Show Jalur on LinkedIn pages: unticked, a LinkedIn profile gets no jalur-inline; ticked again, the chip returns', async ({
  context,
  extensionId,
}) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
  const options = await openExtensionPage(context, extensionId, 'options.html');
  const option = options.getByRole('checkbox', { name: 'Show Jalur on LinkedIn pages' });
  await expect(option).toBeChecked();
  await option.uncheck();
  await expect.poll(() => options.evaluate(() => chrome.storage.local.get('showOnLinkedIn'))).toEqual({ showOnLinkedIn: false });

  // A profile loaded in full: the content script ran on it, and added nothing.
  const seenRizky = await watchPageChanged(options, 'rizky-pratama');
  const page = await context.newPage();
  await page.goto(RIZKY);
  expect(await seenRizky()).toBe(RIZKY);
  await expect(page.getByRole('heading', { level: 1, name: 'Rizky Pratama' })).toBeVisible();
  expect(await page.evaluate(() => document.querySelectorAll('jalur-inline, jalur-mark').length)).toBe(0);

  // In-app navigation from the feed to another profile adds nothing either.
  await page.goto('https://www.linkedin.com/feed/');
  const seenAyu = await watchPageChanged(options, 'ayu-lestari');
  await page.getByRole('link', { name: 'Ayu Lestari' }).click();
  await seenAyu();
  await expect(page.getByRole('heading', { level: 1, name: 'Ayu Lestari' })).toBeVisible();
  expect(await page.evaluate(() => document.querySelectorAll('jalur-inline, jalur-mark').length)).toBe(0);

  // Ticked again: the open LinkedIn tab gets its chip back without a reload.
  await option.check();
  await expect(page.locator('jalur-inline[data-slug="ayu-lestari-0c9d8e"]')).toHaveCount(1);
});

test('the popup never depends on the chip: unticked, it still reads and clips the profile', async ({ context, extensionId }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await options.getByRole('checkbox', { name: 'Show Jalur on LinkedIn pages' }).uncheck();
  const seen = await watchPageChanged(options, 'rizky-pratama');
  const page = await context.newPage();
  await page.goto(RIZKY);
  await seen();
  const sw = await serviceWorker(context);
  const tabId = await sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, RIZKY);
  const popup = await openExtensionPage(context, extensionId, `popup.html?tabId=${tabId}`);
  await expect(popup.getByLabel('Name', { exact: true })).toHaveValue('Rizky Pratama');
  await expect(page.locator('jalur-inline')).toHaveCount(0);
});
