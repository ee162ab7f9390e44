import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, fixture, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker, test } from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const AYU = 'https://www.linkedin.com/in/ayu-lestari-0c9d8e/';
const SHOTS = '/tmp/shots/today';

async function clip(context: BrowserContext, url: string, add = 'Add to pipeline'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('jalur-inline').getByRole('button', { name: add }).click();
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  return page;
}

const column = (panel: Page, key: string) => panel.locator(`.board-col[data-stage="${key}"]`);
const card = (panel: Page, name: string) => panel.locator('[data-card]', { hasText: name });

/** The stored lost reason of a person, asked of the background as any page would. */
function lostReason(panel: Page, slug: string): Promise<string | null> {
  return panel.evaluate(async (s) => {
    const r = (await chrome.runtime.sendMessage({ type: 'detail', slug: s })) as {
      ok: boolean;
      data: { prospect: { lostReason: string | null } };
    };
    return r.data.prospect.lostReason;
  }, slug);
}

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
});

test('board: a card moved to Lost asks why first (built-in reasons or the team’s list, plus own words), by drag and drop and by keyboard', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(180_000);
  const rizky = await clip(context, RIZKY);
  await clip(context, AYU);
  // The board in a tab at full width (every column in view, so the card can be dragged to Lost).
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html?view=board');
  await panel.setViewportSize({ width: 1280, height: 900 });
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('2');

  // Dropped on Lost: nothing moves until the rep says why; Cancel leaves the card where it was.
  await card(panel, 'Rizky Pratama').dragTo(column(panel, 'lost'));
  const ask = panel.getByRole('form', { name: 'Why was the deal with Rizky Pratama lost?' });
  await expect(ask).toBeVisible();
  await expect(ask.getByRole('radio', { name: 'Chose a competitor' })).toBeVisible();
  await expect(ask.getByRole('radio', { name: 'Price' })).toBeVisible();
  await expect(column(panel, 'lost').locator('.count')).toHaveText('0');
  await panel.screenshot({ path: `${SHOTS}/board-lost-ask-tab-en.png` });
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(panel.locator('[aria-live="polite"]').last()).toHaveText('Rizky Pratama stays in Prospecting.');
  await expect(column(panel, 'lost').locator('.count')).toHaveText('0');

  // In the side panel, keyboard only: Move…, Lost, a reason, own words, Mark as lost.
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.getByRole('button', { name: 'Move Rizky Pratama to another stage' }).focus();
  await panel.keyboard.press('Enter');
  const moveTo = panel.getByRole('group', { name: 'Move Rizky Pratama to:' });
  await moveTo.getByRole('button', { name: 'Lost' }).focus();
  await panel.keyboard.press('Enter');
  await expect(ask).toBeVisible();
  // Focus lands on the first reason; arrows pick among them.
  await expect(ask.getByRole('radio').first()).toBeFocused();
  await panel.keyboard.press('ArrowDown');
  await expect(ask.getByRole('radio', { name: 'Chose a competitor' })).toBeChecked();
  await panel.keyboard.press('Tab');
  await expect(ask.getByLabel('In your own words (optional)')).toBeFocused();
  await panel.keyboard.type('went with a local vendor');
  await panel.screenshot({ path: `${SHOTS}/board-lost-ask-en.png` });
  await panel.keyboard.press('Enter');
  await expect(ask).toHaveCount(0);
  await expect(column(panel, 'lost').locator('.count')).toHaveText('1');
  await expect(column(panel, 'lost').locator('[data-card]')).toContainText('Rizky Pratama');
  await expect(panel.locator('[aria-live="polite"]').last()).toHaveText('Rizky Pratama moved to Lost.');
  // Stage and reason were one change: the chip shows Lost and the record holds the reason.
  await expect(rizky.locator('jalur-inline [data-stage="lost"]')).toBeVisible();
  expect(await lostReason(panel, 'rizky-pratama-5e6f7a')).toBe('Chose a competitor: went with a local vendor');

  // The team's own list replaces the built-in reasons.
  await panel.evaluate(async () => {
    const cur = (await chrome.runtime.sendMessage({ type: 'settings' })) as { data: { settings: object } };
    const r = (await chrome.runtime.sendMessage({
      type: 'saveSettings',
      settings: { ...cur.data.settings, lostReasons: ['Budget frozen', 'Lost to an in-house team'] },
    })) as { ok: boolean; error?: string };
    if (!r.ok) throw new Error(r.error);
  });
  await panel.setViewportSize({ width: 1280, height: 900 });
  await card(panel, 'Ayu Lestari').dragTo(column(panel, 'lost'));
  const askAyu = panel.getByRole('form', { name: 'Why was the deal with Ayu Lestari lost?' });
  await expect(askAyu.getByRole('radio')).toHaveCount(2);
  await expect(askAyu.getByRole('radio', { name: 'Chose a competitor' })).toHaveCount(0);
  await askAyu.getByRole('radio', { name: 'Budget frozen' }).check();
  await askAyu.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(column(panel, 'lost').locator('.count')).toHaveText('2');
  expect(await lostReason(panel, 'ayu-lestari-0c9d8e')).toBe('Budget frozen');
});

test('the board’s lost question exists in Indonesian', async () => {
  // Two browsers' worth of clicks and reads: long on a busy machine.
  test.setTimeout(180_000);
  // Every string the question uses, in both languages, and not left in English.
  const en = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;
  const id = JSON.parse(readFileSync('public/_locales/id/messages.json', 'utf8')) as Record<string, { message: string }>;
  for (const key of ['boardLostAsk', 'lostAsk', 'lostOther', 'lostConfirm', 'boardNotMoved', 'lostReason_competitor']) {
    expect(id[key]?.message, key).toBeTruthy();
    expect(id[key]!.message, key).not.toBe(en[key]!.message);
  }
  expect(id.boardLostAsk!.message).toBe('Mengapa kesepakatan dengan $1 kalah?');

  // And the built extension speaks it.
  const { context, close } = await launchWithExtension({ lang: 'id' });
  try {
    await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
    const sw = await serviceWorker(context);
    await clip(context, RIZKY, 'Tambah ke pipeline');
    const panel = await openExtensionPage(context, new URL(sw.url()).host, 'sidepanel.html?view=board');
    await panel.setViewportSize({ width: 1280, height: 900 });
    await card(panel, 'Rizky Pratama').dragTo(column(panel, 'lost'));
    const ask = panel.getByRole('form', { name: 'Mengapa kesepakatan dengan Rizky Pratama kalah?' });
    await expect(ask.getByRole('radio', { name: 'Memilih pesaing' })).toBeVisible();
    await expect(ask.getByLabel('Dengan kata-kata sendiri (opsional)')).toBeVisible();
    await panel.screenshot({ path: `${SHOTS}/board-lost-ask-tab-id.png` });
    await ask.getByRole('button', { name: 'Batal' }).click();
    await expect(ask).toHaveCount(0);
    // In the side panel, from the keyboard.
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.getByRole('button', { name: 'Pindahkan Rizky Pratama ke tahap lain' }).focus();
    await panel.keyboard.press('Enter');
    await panel.getByRole('group', { name: 'Pindahkan Rizky Pratama ke:' }).getByRole('button', { name: 'Hilang' }).click();
    await ask.getByRole('radio', { name: 'Memilih pesaing' }).check();
    await panel.screenshot({ path: `${SHOTS}/board-lost-ask-id.png` });
    await ask.getByRole('button', { name: 'Tandai kalah' }).click();
    await expect(column(panel, 'lost').locator('.count')).toHaveText('1');
  } finally {
    await close();
  }
});
