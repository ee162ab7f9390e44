// LinkedIn in Firefox: the chip on profile markup of every committed vintage, after in-app
// navigation, and the popup's clip with an edited field. One Firefox for the file; each test clips
// different people, so their order does not matter.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AYU, LINKEDIN_SHELL, RIZKY, VINTAGES, fixture } from '../shared/pages';
import { button, click, inChip, launchFirefox, until, waitForText, type Firefox } from './harness';

let ff: Firefox;
const pages: Page[] = [];
beforeAll(async () => {
  ff = await launchFirefox();
  ff.serve(/^https:\/\/[a-z]+\.linkedin\.com\//, fixture(LINKEDIN_SHELL));
  for (const v of VINTAGES) ff.serve(new RegExp(`^${v.url.replace(/[.?/]/g, '\\$&')}`), fixture(`linkedin/${v.file}.html`));
});
afterAll(async () => {
  await ff?.close();
});

const slugOf = (page: Page) => page.$$eval('jalur-inline', (els) => els.map((e) => e.getAttribute('data-slug')));

describe('LinkedIn profiles of every vintage', () => {
  for (const v of VINTAGES) {
    it(`${v.file}: chip by the name, clip, record`, async () => {
      const page = await ff.open(v.url);
      pages.push(page);
      expect(await until(async () => ((await slugOf(page)).length ? slugOf(page) : null), 'the chip')).toEqual([v.slug]);
      await click(page, button('Add to pipeline', 'jalur-inline'));
      await inChip(page, '[data-stage="prospecting"]');
      const panel = await ff.openExtensionPage(`sidepanel.html?tabId=${await ff.tabIdOf(v.url)}`);
      expect(await waitForText(panel, 'article.detail h2', v.name)).toBe(v.name);
      await panel.close();
      await page.close();
    });
  }
});

it('after in-app navigation from the feed, the chip follows the profile in view', async () => {
  const page = await ff.open('https://www.linkedin.com/feed/');
  await click(page, '::-p-aria([name="Ayu Lestari"][role="link"])');
  await until(() => page.evaluate(() => location.pathname === '/in/ayu-lestari-0c9d8e/'), 'the profile URL');
  await click(page, button('Add to pipeline', `jalur-inline[data-slug="${AYU.slug}"]`));
  await inChip(page, '[data-stage="prospecting"]', `jalur-inline[data-slug="${AYU.slug}"]`);

  // On to someone else through search, still without a page load.
  await click(page, '::-p-aria([name="Search"][role="link"])');
  await until(async () => (await slugOf(page)).length === 0, 'the chip to leave the search page');
  await click(page, '::-p-aria([name="Rizky Pratama"][role="link"])');
  await page.waitForSelector(button('Add to pipeline', `jalur-inline[data-slug="${RIZKY.slug}"]`));
  expect(await slugOf(page)).toEqual([RIZKY.slug]);

  // Back to the tracked person: recognised again.
  await page.evaluate(() => history.go(-2));
  await inChip(page, '[data-stage="prospecting"]', `jalur-inline[data-slug="${AYU.slug}"]`);
  await page.close();
});

it('clip from the popup with an edited field', async () => {
  const page = await ff.open(RIZKY.url);
  await page.waitForSelector(button('Add to pipeline', 'jalur-inline'));
  const tabId = await ff.tabIdOf(RIZKY.url);
  const popup = await ff.openExtensionPage(`popup.html?tabId=${tabId}`);
  const field = (name: string) => `::-p-aria([name=${JSON.stringify(name)}][role="textbox"])`;
  const value = (name: string) => popup.$eval(field(name), (e) => (e as HTMLInputElement).value);
  await until(async () => (await value('Name')) === 'Rizky Pratama', 'the extracted name');
  expect(await value('Headline')).toBe('Director of Sales at Kopi Kenangan Digital');
  expect(await value('Company')).toBe('Kopi Kenangan Digital');
  expect(await value('Email')).toBe('');
  await popup.locator(field('Title')).fill('Chief Revenue Officer');
  await click(popup, button('Add to pipeline'));
  await until(() => popup.$eval('::-p-aria([name="Stage"][role="combobox"])', (e) => (e as HTMLSelectElement).value === 'prospecting'), 'the Stage select');
  // The chip on the page learns about it without a reload.
  await inChip(page, '[data-stage="prospecting"]');

  const panel = await ff.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
  await waitForText(panel, 'article.detail', 'Chief Revenue Officer');

  // Changing the stage in the popup is recorded and shows on the page.
  await popup.select('::-p-aria([name="Stage"][role="combobox"])', 'qualification');
  await waitForText(page, 'jalur-inline >>> [data-stage="qualification"]', 'Qualification');

  // "Open side panel" opens Firefox's sidebar (Chrome's sidePanel API does not exist here).
  expect(await ff.ext<boolean>('browser.sidebarAction.isOpen({})')).toBe(false);
  await click(popup, button('Open side panel'));
  await until(() => ff.ext<boolean>('browser.sidebarAction.isOpen({})'), 'the sidebar to open');
});
