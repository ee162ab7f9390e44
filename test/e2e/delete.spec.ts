import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from '@playwright/test';
import { badgeText, expect, fixture, openExtensionPage, serveLinkedIn, tabIdOf, test } from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const AYU = 'https://www.linkedin.com/in/ayu-lestari-0c9d8e/';

async function clip(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  return page;
}

const column = (panel: Page, key: string) => panel.locator(`.board-col[data-stage="${key}"]`);

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
});

test('delete: confirm naming the person, gone from board, search, chip and badge; Undo brings them back with their follow-ups', async ({
  context,
  sw,
  extensionId,
}) => {
  test.setTimeout(150_000); // many pages and steps
  await clip(context, RIZKY);
  const ayu = await clip(context, AYU);
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, AYU)}`);
  await expect(panel.locator('article.detail h2')).toHaveText('Ayu Lestari');
  await panel.getByLabel('Follow-up').fill('Send the pilot proposal');
  await panel.getByLabel('Due').fill('2026-01-05T09:30'); // already missed
  await panel.getByRole('button', { name: 'Add follow-up' }).click();
  await expect.poll(() => badgeText(sw), { timeout: 2_000 }).toBe('1');

  const board = await openExtensionPage(context, extensionId, 'sidepanel.html?view=board');
  await expect(column(board, 'prospecting').locator('.count')).toHaveText('2');

  // Delete asks first, naming the person; Cancel changes nothing.
  await panel.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = panel.getByRole('dialog', { name: 'Delete Ayu Lestari?' });
  await expect(dialog).toContainText('follow-ups and cadence go with them');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(panel.locator('article.detail h2')).toHaveText('Ayu Lestari');

  await panel.getByRole('button', { name: 'Delete', exact: true }).click();
  // While the dialog is open the page behind is inert: the dialog's Delete is the only one reachable.
  await panel.getByRole('button', { name: 'Delete', exact: true }).click();
  const toast = panel.getByRole('status').filter({ hasText: 'Ayu Lestari deleted' });
  await expect(toast).toBeVisible();
  await expect(toast.getByRole('button', { name: 'Undo' })).toBeVisible();

  // Gone everywhere: badge, board count, search, the chip on her profile.
  await expect.poll(() => badgeText(sw), { timeout: 2_000 }).toBe('');
  await expect(column(board, 'prospecting').locator('.count')).toHaveText('1');
  await expect(board.locator('[data-card]', { hasText: 'Ayu Lestari' })).toHaveCount(0);
  const search = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await search.getByRole('searchbox', { name: 'Search prospects' }).fill('Ayu');
  await expect(search.locator('section.search')).toContainText('No prospects match.');
  await expect(search.locator('section.search .result')).toHaveCount(0);
  await ayu.reload();
  await expect(ayu.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' })).toBeVisible();

  // Undo (keyboard reachable) restores her and her follow-up; the badge counts it again.
  await toast.getByRole('button', { name: 'Undo' }).focus();
  await panel.keyboard.press('Enter');
  await expect(panel.getByRole('status').filter({ hasText: 'Ayu Lestari is back' })).toBeVisible();
  await expect.poll(() => badgeText(sw), { timeout: 2_000 }).toBe('1');
  await expect(column(board, 'prospecting').locator('.count')).toHaveText('2');
  await ayu.reload();
  await expect(ayu.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  const again = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, AYU)}`);
  await expect(again.locator('article.detail h2')).toHaveText('Ayu Lestari');
  await expect(again.locator('.follow-ups li')).toContainText('Send the pilot proposal');
});

test('the Undo toast stays at least 10 s, and while it is hovered or focused', async ({ context, sw, extensionId }) => {
  await clip(context, AYU);
  const panel = await context.newPage();
  await panel.clock.install();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${await tabIdOf(sw, AYU)}`);
  await expect(panel.locator('article.detail h2')).toHaveText('Ayu Lestari');
  await panel.getByRole('button', { name: 'Delete', exact: true }).click();
  await panel.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  const undo = panel.getByRole('status').getByRole('button', { name: 'Undo' });
  await expect(undo).toBeVisible();
  await panel.clock.runFor(9_900);
  await expect(undo).toBeVisible();
  // Focused, it stays however long the rep takes.
  await undo.focus();
  await panel.clock.runFor(60_000);
  await expect(undo).toBeVisible();
  // Let go, it leaves after a while.
  await panel.locator('body').click({ position: { x: 5, y: 5 } });
  await panel.mouse.move(0, 0);
  await panel.clock.runFor(10_000);
  await expect(undo).toHaveCount(0);
});

test('erase: More → Erase for good says it cannot be undone and removes the person; export saves their data as JSON', async ({
  context,
  sw,
  extensionId,
}) => {
  const ayu = await clip(context, AYU);
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, AYU)}`);
  await expect(panel.locator('article.detail h2')).toHaveText('Ayu Lestari');
  await panel.getByLabel('Follow-up').fill('Send the pilot proposal');
  await panel.getByLabel('Due').fill('2026-01-05T09:30');
  await panel.getByRole('button', { name: 'Add follow-up' }).click();
  await expect.poll(() => badgeText(sw), { timeout: 2_000 }).toBe('1');

  // Export their data.
  await panel.getByRole('button', { name: 'More actions' }).click();
  const downloading = panel.waitForEvent('download');
  await panel.getByRole('menuitem', { name: 'Export their data (JSON)' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^jalur-person-ayu-lestari-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(await readFile((await file.path())!, 'utf8'));
  expect(data.prospect.name).toBe('Ayu Lestari');
  expect(data.followUps[0].title).toBe('Send the pilot proposal');

  // Erase: the dialog says it cannot be undone; Cancel keeps her.
  await panel.getByRole('button', { name: 'More actions' }).click();
  await panel.getByRole('menuitem', { name: 'Erase for good…' }).click();
  const dialog = panel.getByRole('dialog', { name: 'Erase Ayu Lestari for good?' });
  await expect(dialog).toContainText('It cannot be undone.');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Erase for good' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Ayu Lestari erased for good' })).toBeVisible();
  await expect(panel.getByRole('status').getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await expect.poll(() => badgeText(sw), { timeout: 2_000 }).toBe('');
  await ayu.reload();
  await expect(ayu.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' })).toBeVisible();
  // Nothing of her is left in the store: not even a tombstone or a queued change naming her.
  const left = await sw.evaluate(async () => {
    const dbs = await indexedDB.databases();
    const out: string[] = [];
    for (const { name } of dbs) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      for (const store of ['prospects', 'followUps', 'touches', 'stageChanges', 'outbox']) {
        if (!db.objectStoreNames.contains(store)) continue;
        const rows = await new Promise<unknown[]>((res) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => res(r.result);
        });
        out.push(JSON.stringify(rows));
      }
      db.close();
    }
    return out.join('\n');
  });
  expect(left).not.toContain('Ayu Lestari');
  expect(left).not.toContain('ayu-lestari-0c9d8e');
  expect(left).not.toContain('pilot proposal');
});
