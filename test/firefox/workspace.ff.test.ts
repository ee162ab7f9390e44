// The workspace in Firefox: the sidebar page (sidepanel.html) adding a follow-up that turns the
// toolbar badge on and off, the board moving a card (the move reaching the chip on the page), and
// a CSV import from the options page. One Firefox; the tests run in order and build on each other.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AYU, LINKEDIN_SHELL, RIZKY, fixture } from '../shared/pages';
import { button, byLabel, click, inChip, launchFirefox, until, waitForText, type Firefox } from './harness';

let ff: Firefox;
let rizky: Page;
const tmp = mkdtempSync(join(tmpdir(), 'jalur-ff-csv-'));
beforeAll(async () => {
  ff = await launchFirefox();
  ff.serve(/^https:\/\/[a-z]+\.linkedin\.com\//, fixture(LINKEDIN_SHELL));
});
afterAll(async () => {
  await ff?.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function clip(url: string): Promise<Page> {
  const page = await ff.open(url);
  await click(page, button('Add to pipeline', 'jalur-inline'));
  await inChip(page, '[data-stage="prospecting"]');
  return page;
}

/** Set a date-time field as a rep's picker would (no fill() for datetime-local over BiDi). */
async function setDateTime(page: Page, selector: string, value: string): Promise<void> {
  const el = (await page.waitForSelector(selector)) as ElementHandle<HTMLInputElement>;
  await el.evaluate((input, v) => {
    input.value = v;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

it('sidebar page: a missed follow-up turns the badge on; Done clears it', async () => {
  rizky = await clip(RIZKY.url);
  expect(await ff.badgeText()).toBe('');
  const panel = await ff.openExtensionPage(`sidepanel.html?tabId=${await ff.tabIdOf(RIZKY.url)}`);
  await waitForText(panel, 'article.detail h2', RIZKY.name);
  await panel.locator('::-p-aria([name="Follow-up"][role="textbox"])').fill('Send the pricing deck');
  await setDateTime(panel, await byLabel(panel, 'Due'), '2026-01-05T09:30'); // already missed
  await click(panel, button('Add follow-up'));
  await waitForText(panel, '.follow-ups li', 'Send the pricing deck');
  await until(async () => (await ff.badgeText()) === '1', 'the badge to count 1');
  // The chip on the page shows the overdue follow-up.
  await inChip(rizky, '.next.overdue');

  await click(panel, '.follow-ups li >>> ::-p-aria([name="Done"][role="button"])');
  await until(async () => (await ff.badgeText()) === '', 'the badge to clear');
  await panel.close();
});

it('board: a card moves by keyboard, and the chip on the page follows', async () => {
  await clip(AYU.url);
  const board = await ff.openExtensionPage('sidepanel.html?view=board');
  const countIn = (key: string) => waitForText(board, `.board-col[data-stage="${key}"] .count`, /\d/);
  await until(async () => (await countIn('prospecting')) === '2', 'two cards in Prospecting');
  expect(await countIn('qualification')).toBe('0');

  await board.focus(`::-p-aria([name="Move ${RIZKY.name} to another stage"][role="button"])`);
  await board.keyboard.press('Enter');
  // The stages open with focus on the next stage; Enter moves the card there.
  await until(
    () => board.evaluate(() => (document.activeElement?.textContent ?? '').includes('Qualification')),
    'focus on Qualification',
  );
  await board.keyboard.press('Enter');
  await until(async () => (await countIn('qualification')) === '1', 'one card in Qualification');
  expect(await countIn('prospecting')).toBe('1');
  await waitForText(board, '.board-col[data-stage="qualification"] [data-card]', RIZKY.name);
  await waitForText(rizky, 'jalur-inline >>> [data-stage="qualification"]', 'Qualification');
  await board.close();
});

it('CSV import from the options page: a new person is added, one already there is not doubled', async () => {
  const file = join(tmp, 'leads.csv');
  writeFileSync(file, `Nama,Alamat Email,LinkedIn URL\nDewi Anggraini,dewi@contoh.id,\n${RIZKY.name},,https://id.linkedin.com/in/${RIZKY.slug}\n`);
  const options = await ff.openExtensionPage('options.html');
  const input = (await options.waitForSelector(await byLabel(options, 'CSV file'))) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(file);
  const countOf = (key: string) => waitForText(options, `[data-count="${key}"] dd`, /\d/);
  await until(async () => (await countOf('creates')) === '1', 'one row to create');
  expect(await countOf('unchanged')).toBe('1');
  expect(await countOf('badRows')).toBe('0');
  await click(options, button('Import'));
  await waitForText(options, '.data-import [role="status"]', 'Imported — new: 1, updated: 0, already there: 1');

  // The imported person is a prospect like any other: found by the side panel's search.
  const panel = await ff.openExtensionPage('sidepanel.html');
  await panel.locator('::-p-aria([name="Search prospects"][role="searchbox"])').fill('Dewi');
  await waitForText(panel, '.results li', 'Dewi Anggraini');
  expect(await panel.$$eval('.results li', (l) => l.length)).toBe(1);
});
