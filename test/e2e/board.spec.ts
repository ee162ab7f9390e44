import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { bundleForBrowser } from '../bench/bundle';
import type { BoardSeedGlobal } from '../bench/board-seed';
import { expect, fixture, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker, tabIdOf, test } from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const AYU = 'https://www.linkedin.com/in/ayu-lestari-0c9d8e/';

async function clip(context: BrowserContext, url: string, add = 'Add to pipeline'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('jalur-inline').getByRole('button', { name: add }).click();
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  return page;
}

const column = (panel: Page, key: string) => panel.locator(`.board-col[data-stage="${key}"]`);
const card = (panel: Page, name: string) => panel.locator('[data-card]', { hasText: name });

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
});

test('board: cards move by drag and drop and by keyboard, and the move is recorded everywhere', async ({ context, extensionId }) => {
  const rizky = await clip(context, RIZKY);
  const ayu = await clip(context, AYU);

  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  // The contact view stays the default; the board is one switch away.
  await expect(panel.getByRole('searchbox', { name: 'Search prospects' })).toBeVisible();
  await panel.getByRole('tab', { name: 'Board', exact: true }).click();
  await expect(panel.getByRole('region', { name: 'Pipeline board' })).toBeVisible();
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('2');
  await expect(column(panel, 'prospecting').getByRole('heading', { name: 'Prospecting' })).toBeVisible();
  await expect(column(panel, 'prospecting').getByRole('listitem')).toHaveCount(2);
  await expect(card(panel, 'Rizky Pratama')).toContainText('Kopi Kenangan Digital');
  await expect(card(panel, 'Rizky Pratama')).toContainText('Score 20');
  await expect(card(panel, 'Rizky Pratama')).toContainText('No follow-up planned');
  await expect(column(panel, 'qualification').locator('.count')).toHaveText('0');

  // Drag and drop.
  await card(panel, 'Ayu Lestari').dragTo(column(panel, 'qualification'));
  await expect(column(panel, 'qualification').locator('.count')).toHaveText('1');
  await expect(column(panel, 'qualification').locator('[data-card]')).toContainText('Ayu Lestari');
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('1');
  await expect(panel.locator('.board [aria-live="polite"]')).toHaveText('Ayu Lestari moved to Qualification.');
  await expect(ayu.locator('jalur-inline [data-stage="qualification"]')).toContainText('Qualification');
  // The prospect's record agrees.
  await panel.getByRole('button', { name: 'Ayu Lestari', exact: true }).click();
  await expect(panel.locator('article.detail h2')).toHaveText('Ayu Lestari');
  await expect(panel.getByLabel('Stage')).toHaveValue('qualification');
  await panel.getByRole('button', { name: /Back to the board/ }).click();

  // Dropping past qualification without SQL asks first; Cancel leaves the card where it was.
  await card(panel, 'Ayu Lestari').dragTo(column(panel, 'decision'));
  const ask = panel.getByRole('alert').filter({ hasText: 'has not passed the SQL gate' });
  await expect(ask).toContainText('Ayu Lestari');
  await expect(ask).toContainText('Purchase / Decision');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(column(panel, 'decision').locator('.count')).toHaveText('0');
  await expect(ayu.locator('jalur-inline [data-stage="qualification"]')).toBeVisible();

  // Keyboard: Move… opens the stages with focus on the first one open to it (the next stage).
  await panel.getByRole('button', { name: 'Rizky Pratama', exact: true }).focus();
  await panel.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Move Rizky Pratama to another stage' })).toBeFocused();
  await panel.keyboard.press('Enter');
  const moveTo = panel.getByRole('group', { name: 'Move Rizky Pratama to:' });
  await expect(moveTo.getByRole('button', { name: 'Qualification' })).toBeFocused();
  await expect(moveTo.getByRole('button', { name: 'Prospecting' })).toBeDisabled();
  await panel.keyboard.press('Enter');
  await expect(column(panel, 'qualification').locator('.count')).toHaveText('2');
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('0');
  await expect(panel.locator('.board [aria-live="polite"]')).toHaveText('Rizky Pratama moved to Qualification.');
  // Focus follows the card into its new column.
  await expect(column(panel, 'qualification').getByRole('button', { name: 'Rizky Pratama', exact: true })).toBeFocused();
  await expect(rizky.locator('jalur-inline [data-stage="qualification"]')).toBeVisible();

  // Arrow keys go from card to card.
  const names = await column(panel, 'qualification').locator('.card-open').allTextContents();
  const other = names.find((n) => n !== 'Rizky Pratama')!;
  await panel.keyboard.press(names[0] === 'Rizky Pratama' ? 'ArrowDown' : 'ArrowUp');
  await expect(panel.getByRole('button', { name: other, exact: true })).toBeFocused();
  await panel.getByRole('button', { name: 'Rizky Pratama', exact: true }).focus();

  // On to Decision by keyboard: asked, then moved.
  await panel.keyboard.press('Tab');
  await panel.keyboard.press('Enter');
  await moveTo.getByRole('button', { name: 'Purchase / Decision' }).press('Enter');
  const confirm = panel.getByRole('alert').filter({ hasText: 'has not passed the SQL gate' });
  await expect(confirm).toBeFocused();
  await confirm.getByRole('button', { name: 'Move anyway' }).press('Enter');
  await expect(column(panel, 'decision').locator('.count')).toHaveText('1');
  await expect(column(panel, 'decision').locator('[data-card]')).toContainText('Rizky Pratama');
  await expect(rizky.locator('jalur-inline [data-stage="decision"]')).toContainText('Purchase / Decision');

  // Won: the deal is handed over, so its card no longer asks for a follow-up.
  await panel.getByRole('button', { name: 'Rizky Pratama', exact: true }).focus();
  await panel.keyboard.press('Tab');
  await panel.keyboard.press('Enter');
  await moveTo.getByRole('button', { name: 'Delivery' }).press('Enter');
  await expect(column(panel, 'delivery').locator('[data-card]')).toContainText('Rizky Pratama');
  await expect(card(panel, 'Rizky Pratama')).not.toContainText('No follow-up planned');
  await expect(card(panel, 'Ayu Lestari')).toContainText('No follow-up planned');
});

test('board: filters and search narrow the cards, counts follow, and filters survive opening a record', async ({
  context,
  extensionId,
}) => {
  await clip(context, RIZKY);
  await clip(context, AYU);
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html?view=board');
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('2');
  await expect(panel.getByRole('status').filter({ hasText: 'prospects' })).toHaveText('2 prospects');

  // One search box for the whole panel: on the board it narrows the cards.
  const search = panel.getByRole('searchbox', { name: 'Search prospects' });
  await expect(panel.getByRole('searchbox')).toHaveCount(1);
  await search.fill('kopi');
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('1');
  await expect(card(panel, 'Rizky Pratama')).toBeVisible();
  await expect(card(panel, 'Ayu Lestari')).toHaveCount(0);
  await expect(panel.getByRole('status').filter({ hasText: 'prospects' })).toHaveText('Showing 1 of 2 prospects');

  await search.fill('');
  await panel.getByLabel('MQL / SQL').selectOption('sql');
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('0');
  await panel.getByLabel('MQL / SQL').selectOption('none');
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('2');
  await panel.getByLabel('Gone dark only').check();
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('0');
  await panel.getByLabel('Gone dark only').uncheck();
  await panel.getByLabel('Source').selectOption('social_selling');
  await panel.getByLabel('Temperature').selectOption('cold');
  await expect(panel.getByLabel('Owner')).toHaveValue('');
  await panel.getByLabel('Owner').selectOption({ label: 'You' });
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('2');
  await panel.getByLabel('Temperature').selectOption('warm');
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('0');

  // Opening a record and coming back keeps the filters.
  await panel.getByLabel('Temperature').selectOption('');
  await search.fill('ayu');
  await panel.getByRole('button', { name: 'Ayu Lestari', exact: true }).click();
  await panel.getByRole('button', { name: /Back to the board/ }).click();
  await expect(search).toHaveValue('ayu');
  await expect(panel.getByLabel('Owner')).toHaveValue(/.+/);
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('1');
  // Clear filters leaves the search to its box.
  await panel.getByRole('button', { name: 'Clear filters' }).click();
  await expect(panel.getByLabel('Owner')).toHaveValue('');
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('1');
  await search.fill('');
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('2');
});

test('board: thousands of cards stay a few dozen in the page, and the keyboard reaches the last of a column', async ({
  context,
  sw,
  extensionId,
}) => {
  await sw.evaluate(await bundleForBrowser(resolve('test/bench/board-seed.ts')));
  const { live } = await sw.evaluate(() => (globalThis as unknown as BoardSeedGlobal).jalurBoardSeed(3000, 5));
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html?view=board');
  // The first answer holds each column's first cards; every card follows.
  await panel.waitForFunction(() => performance.getEntriesByName('jalur:board-complete').length > 0);
  const counts = async () => (await panel.locator('.board-col .count').allTextContents()).map(Number);
  await expect.poll(async () => (await counts()).reduce((a, b) => a + b, 0)).toBe(live);
  await expect(panel.getByRole('status').filter({ hasText: 'prospects' })).toHaveText(`${live} prospects`);
  expect(await panel.locator('[data-card]').count()).toBeLessThan(120);

  const col = column(panel, 'prospecting');
  const n = Number(await col.locator('.count').textContent());
  await col.locator('.card-open').first().focus();
  await panel.keyboard.press('End');
  const last = col.locator('[data-card]', { has: panel.locator('.card-open:focus') });
  await expect(last).toHaveAttribute('aria-posinset', String(n));
  await expect(last).toHaveAttribute('aria-setsize', String(n));
  await panel.keyboard.press('ArrowUp');
  await expect(col.locator('[data-card]', { has: panel.locator('.card-open:focus') })).toHaveAttribute('aria-posinset', String(n - 1));
  await panel.keyboard.press('Home');
  await expect(col.locator('[data-card]', { has: panel.locator('.card-open:focus') })).toHaveAttribute('aria-posinset', '1');
  expect(await panel.locator('[data-card]').count()).toBeLessThan(120);

  await panel.getByLabel('Gone dark only').check();
  await panel.getByRole('searchbox', { name: 'Search prospects' }).fill('wijaya');
  // The panel's search reaches the board a moment after the keystroke: wait until only matches show.
  await expect(panel.locator('.card-open').filter({ hasNotText: /Wijaya/ })).toHaveCount(0);
  await expect(panel.getByRole('status').filter({ hasText: 'prospects' })).toHaveText(/Showing \d+/);
  const shown = Number((await panel.getByRole('status').filter({ hasText: 'prospects' }).textContent())!.match(/Showing (\d+)/)![1]);
  expect(shown).toBeGreaterThan(0);
  expect((await counts()).reduce((a, b) => a + b, 0)).toBe(shown);
  for (const name of await panel.locator('.card-open').allTextContents()) expect(name).toMatch(/Wijaya/);
  await expect(panel.locator('[data-card]:not(.is-stalled)')).toHaveCount(0);
});

test('board: Open board in a tab opens the board in a normal tab, columns side by side at full width', async ({ context, extensionId }) => {
  await clip(context, RIZKY);
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.getByRole('tab', { name: 'Board', exact: true }).click();
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('1');
  // At panel width the columns scroll sideways: they do not all fit.
  const cols = panel.locator('.board-cols');
  expect(await cols.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

  const opened = context.waitForEvent('page');
  await panel.getByRole('button', { name: 'Open board in a tab' }).click();
  const tab = await opened;
  await tab.setViewportSize({ width: 1280, height: 900 });
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname + new URL(tab.url()).search).toBe('/sidepanel.html?view=board');
  await expect(column(tab, 'prospecting').locator('.count')).toHaveText('1');
  await expect(card(tab, 'Rizky Pratama')).toBeVisible();
  // Full width: all six columns side by side in the window, none scrolled out of view, none squeezed.
  const boxes = await tab.locator('.board-col').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes).toHaveLength(6);
  for (const b of boxes) {
    expect(b.top).toBe(boxes[0]!.top);
    expect(b.width).toBeGreaterThanOrEqual(180);
    expect(b.right).toBeLessThanOrEqual(1280);
  }
  expect(await tab.locator('.board-cols').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  // Filters sit in a row, not folded; still one search box.
  await expect(tab.getByLabel('Owner')).toBeVisible();
  await expect(tab.getByRole('button', { name: /^Filters/ })).toHaveCount(0);
  await expect(tab.getByRole('searchbox')).toHaveCount(1);
  // Already in a tab: nothing left to open, while the panel keeps its button.
  await expect(tab.getByRole('button', { name: 'Open board in a tab' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Open board in a tab' })).toBeVisible();
  await tab.screenshot({ path: '/tmp/shots/polish/board-tab-en.png' });
});

test('board: at panel width the filters fold into one Filters button that counts the active ones', async ({ context, extensionId }) => {
  await clip(context, RIZKY);
  await clip(context, AYU);
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html?view=board');
  await panel.setViewportSize({ width: 420, height: 900 });
  const filters = panel.getByRole('button', { name: /^Filters/ });
  await expect(filters).toHaveAccessibleName('Filters');
  await expect(filters).toHaveAttribute('aria-expanded', 'false');
  await expect(panel.getByLabel('Owner')).toHaveCount(0);
  await expect(panel.getByRole('searchbox')).toHaveCount(1);

  await filters.click();
  await expect(filters).toHaveAttribute('aria-expanded', 'true');
  await panel.getByLabel('Source').selectOption('social_selling');
  await panel.getByLabel('Gone dark only').check();
  await expect(filters).toHaveAccessibleName('Filters (2 active)');
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('0');
  await filters.click();
  await expect(panel.getByLabel('Source')).toHaveCount(0);
  await expect(filters).toContainText('2');
  await expect(panel.getByRole('status').filter({ hasText: 'prospects' })).toHaveText('Showing 0 of 2 prospects');
  await panel.getByRole('button', { name: 'Clear filters' }).click();
  await expect(filters).toHaveAccessibleName('Filters');
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('2');
});

/** A deal value (and currency) through the person view's Deal fields. */
async function setDeal(context: BrowserContext, extensionId: string, url: string, value: string, currency: string) {
  const page = await context.newPage();
  await page.goto(url);
  const sw = await serviceWorker(context);
  const tabId = await sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${tabId}`);
  await panel.getByLabel('Deal value').fill(value);
  await panel.getByLabel('Currency').fill(currency);
  await panel.getByRole('button', { name: 'Save deal' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await panel.close();
  await page.close();
}

test('board: values stay per currency, with count, open value and weighted value per column, as insights say', async ({
  context,
  extensionId,
}) => {
  await clip(context, RIZKY);
  await clip(context, AYU);
  await setDeal(context, extensionId, RIZKY, '3100000000', 'IDR');
  await setDeal(context, extensionId, AYU, '12000', 'USD');

  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html?view=board');
  const head = column(panel, 'prospecting').locator('.col-head');
  await expect(head.locator('.count')).toHaveText('2');
  // The team's default (USD) first, then rupiah; never added together, never "$" for rupiah.
  await expect(head.locator('.col-value')).toHaveText('$12K + IDR 3.1B');
  // Prospecting wins 10 % of the time.
  await expect(head.locator('.col-weighted')).toHaveText('weighted $1.2K + IDR 310M');
  await expect(panel.locator('.board-total')).toContainText('Open value: $12K + IDR 3.1B');
  await expect(card(panel, 'Rizky Pratama').locator('.card-value')).toHaveText('IDR 3.1B');
  await expect(card(panel, 'Ayu Lestari').locator('.card-value')).toHaveText('$12K');
  await expect(panel.locator('.board')).not.toContainText('$3.1B');

  // Insights agree, in full: per currency, not summed.
  await panel.getByRole('tab', { name: 'Insights', exact: true }).click();
  await panel.locator('[data-chart="value"] summary').click();
  const value = (row: string, col: string) => panel.locator(`[data-chart="value"] tr[data-row="${row}"] td[data-col="${col}"]`);
  await expect(value('prospecting', 'value')).toHaveText('$12,000 + IDR 3,100,000,000');
  await expect(value('prospecting', 'weighted')).toHaveText('$1,200 + IDR 310,000,000');
  await expect(value('total', 'value')).toHaveText('$12,000 + IDR 3,100,000,000');
  await expect(panel.locator('[data-chart="value"] [data-currency]')).toHaveCount(2);
  await expect(panel.locator('[data-chart="value"]')).not.toContainText('$3.1B');
});

test('the default currency set in options is where a new deal starts, and the board shows it in that currency', async ({
  context,
  extensionId,
}) => {
  await clip(context, RIZKY);
  const options = await openExtensionPage(context, extensionId, 'options.html');
  const code = options.getByLabel('Default currency');
  await expect(code).toHaveValue('USD');
  await code.fill('rupiah'); // the box keeps three letters: "rup", which is no currency
  await options.getByRole('button', { name: 'Save currency' }).click();
  await expect(options.getByText('Enter a three-letter currency code such as IDR or USD.')).toBeVisible();
  await expect(code).toBeFocused();
  await code.fill('idr');
  await options.getByRole('button', { name: 'Save currency' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Default currency saved.' })).toBeVisible();
  await options.reload();
  await expect(options.getByLabel('Default currency')).toHaveValue('IDR');

  // A new deal starts in rupiah; the rep only types the amount.
  const page = await context.newPage();
  await page.goto(RIZKY);
  const sw = await serviceWorker(context);
  const person = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, RIZKY)}`);
  await expect(person.getByLabel('Currency')).toHaveValue('IDR');
  await person.getByLabel('Deal value').fill('250000000');
  await person.getByRole('button', { name: 'Save deal' }).click();
  await expect(person.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(person.locator('.deal-amount')).toHaveText('IDR 250,000,000');

  const board = await openExtensionPage(context, extensionId, 'sidepanel.html?view=board');
  await expect(card(board, 'Rizky Pratama').locator('.card-value')).toHaveText('IDR 250M');
  await expect(column(board, 'prospecting').locator('.col-value')).toHaveText('IDR 250M');
});

test.describe('in Indonesian', () => {
  test.use({
    // eslint-disable-next-line no-empty-pattern
    context: async ({}, use) => {
      const { context, close } = await launchWithExtension({ lang: 'id' });
      await use(context);
      await close();
    },
  });

  test('the board speaks Indonesian and asks before a move past qualification', async ({ context }) => {
    await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
    const sw = await serviceWorker(context);
    const rizky = await clip(context, RIZKY, 'Tambah ke pipeline');
    const panel = await openExtensionPage(context, new URL(sw.url()).host, 'sidepanel.html');
    await panel.getByRole('tab', { name: 'Papan', exact: true }).click();
    await expect(column(panel, 'prospecting').getByRole('heading', { name: 'Prospek' })).toBeVisible();
    await expect(column(panel, 'prospecting').locator('.count')).toHaveText('1');
    await panel.getByRole('button', { name: 'Pindahkan Rizky Pratama ke tahap lain' }).click();
    await panel.getByRole('group', { name: 'Pindahkan Rizky Pratama ke:' }).getByRole('button', { name: 'Pembelian/Keputusan' }).click();
    await panel.getByRole('button', { name: 'Tetap pindahkan' }).click();
    await expect(column(panel, 'decision').locator('.count')).toHaveText('1');
    await expect(panel.locator('.board [aria-live="polite"]')).toHaveText('Rizky Pratama dipindahkan ke Pembelian/Keputusan.');
    await expect(rizky.locator('jalur-inline [data-stage="decision"]')).toContainText('Pembelian/Keputusan');
    await expect(panel.getByRole('button', { name: 'Buka papan di tab' })).toBeVisible();

    // Rupiah in Indonesian: "Rp 3,1 M", never "$"; the weighted value at the stage's 70 %.
    const person = await openExtensionPage(context, new URL(sw.url()).host, `sidepanel.html?tabId=${await tabIdOf(sw, RIZKY)}`);
    await person.getByLabel('Nilai kesepakatan').fill('3100000000');
    await person.getByLabel('Mata uang').fill('IDR');
    await person.getByRole('button', { name: 'Simpan kesepakatan' }).click();
    await expect(person.getByRole('status').filter({ hasText: 'Tersimpan' })).toBeVisible();
    const head = column(panel, 'decision').locator('.col-head');
    await expect(head.locator('.col-value')).toHaveText(/^Rp\s3,1\sM$/);
    await expect(head.locator('.col-weighted')).toHaveText(/^tertimbang Rp\s2,2\sM$/);
    await expect(panel.locator('.board')).not.toContainText('$');
  });
});
