import type { BrowserContext, Page } from '@playwright/test';
import { expect, fixture, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker, test } from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const AYU = 'https://www.linkedin.com/in/ayu-lestari-0c9d8e/';

async function clip(context: BrowserContext, url: string, add: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('jalur-inline').getByRole('button', { name: add }).click();
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  await page.close();
}

const column = (panel: Page, key: string) => panel.locator(`.board-col[data-stage="${key}"]`);
const card = (panel: Page, name: string) => panel.locator('[data-card]', { hasText: name });

test('board: a card’s menu deletes that person after a confirmation naming them, with Undo in a toast', async ({ context, extensionId }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
  await clip(context, RIZKY, 'Add to pipeline');
  await clip(context, AYU, 'Add to pipeline');
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html?view=board');
  await panel.setViewportSize({ width: 420, height: 900 });
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('2');

  // Keyboard: the card's More button opens its menu on the first item; Delete is in it.
  await panel.getByRole('button', { name: 'More for Ayu Lestari' }).focus();
  await panel.keyboard.press('Enter');
  const menu = panel.getByRole('menu', { name: 'Actions for Ayu Lestari' });
  await expect(menu.getByRole('menuitem')).toHaveText(['Move…', 'Delete']);
  await expect(menu.getByRole('menuitem', { name: 'Move…' })).toBeFocused();
  await panel.screenshot({ path: '/tmp/shots/polish/board-card-menu-en.png' });
  // Esc closes it and gives focus back to the button.
  await panel.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'More for Ayu Lestari' })).toBeFocused();

  await panel.getByRole('button', { name: 'More for Ayu Lestari' }).click();
  await menu.getByRole('menuitem', { name: 'Delete' }).click();
  const dialog = panel.getByRole('dialog', { name: 'Delete Ayu Lestari?' });
  await expect(dialog).toBeVisible();
  await panel.screenshot({ path: '/tmp/shots/polish/board-card-delete-en.png' });
  // Cancel keeps her.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(card(panel, 'Ayu Lestari')).toBeVisible();

  await panel.getByRole('button', { name: 'More for Ayu Lestari' }).click();
  await menu.getByRole('menuitem', { name: 'Delete' }).click();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  const toast = panel.getByRole('status').filter({ hasText: 'Ayu Lestari deleted' });
  await expect(toast.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(card(panel, 'Ayu Lestari')).toHaveCount(0);
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('1');
  await expect(card(panel, 'Rizky Pratama')).toBeVisible();
  await panel.screenshot({ path: '/tmp/shots/polish/board-card-deleted-en.png' });

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Ayu Lestari is back' })).toBeVisible();
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('2');
  await expect(card(panel, 'Ayu Lestari')).toBeVisible();
});

test('in Indonesian: the card menu, its confirmation and the board in a tab', async () => {
  const { context, close } = await launchWithExtension({ lang: 'id' });
  try {
    await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
    const extensionId = new URL((await serviceWorker(context)).url()).host;
    await clip(context, AYU, 'Tambah ke pipeline');
    const panel = await openExtensionPage(context, extensionId, 'sidepanel.html?view=board');
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.getByRole('button', { name: 'Lainnya untuk Ayu Lestari' }).click();
    const menu = panel.getByRole('menu', { name: 'Tindakan untuk Ayu Lestari' });
    await expect(menu.getByRole('menuitem')).toHaveCount(2);
    await panel.screenshot({ path: '/tmp/shots/polish/board-card-menu-id.png' });
    await menu.getByRole('menuitem').nth(1).click();
    await expect(panel.getByRole('dialog')).toBeVisible();
    await panel.screenshot({ path: '/tmp/shots/polish/board-card-delete-id.png' });
    await panel.getByRole('dialog').getByRole('button').first().click();
    // The board page in a tab offers no "open in a tab".
    const tab = await openExtensionPage(context, extensionId, 'sidepanel.html?view=board');
    await tab.setViewportSize({ width: 1280, height: 900 });
    await expect(card(tab, 'Ayu Lestari')).toBeVisible();
    await expect(tab.getByRole('button', { name: 'Buka papan di tab' })).toHaveCount(0);
    await tab.screenshot({ path: '/tmp/shots/polish/board-tab-id.png' });
  } finally {
    await close();
  }
});
