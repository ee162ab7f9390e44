// The bulk bar asks before moving people past qualification who have not passed SQL, as a single
// move on the board does; in English and in Indonesian.
import type { Page } from '@playwright/test';
import { expect, launchWithExtension, openExtensionPage, serviceWorker, test } from './harness';

async function seed(page: Page, names: string[]): Promise<void> {
  await page.evaluate(async (names) => {
    for (const name of names) {
      const input = { slug: `bulk-sql-${name.toLowerCase()}`, email: null, name: `${name} Gerbang`, headline: null, title: null, company: null, location: null, photoUrl: null, linkedinUrl: null };
      const r = (await chrome.runtime.sendMessage({ type: 'capture', input })) as { ok: boolean; error?: string };
      if (!r.ok) throw new Error(r.error);
    }
  }, names);
}

const column = (panel: Page, key: string) => panel.locator(`.board-col[data-stage="${key}"]`);

test.setTimeout(180_000);

test('a bulk move past qualification names who has not passed SQL and moves them only when confirmed', async ({ context, extensionId }) => {
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html?view=today');
  await panel.setViewportSize({ width: 420, height: 900 });
  await seed(panel, ['Ani', 'Bayu']);
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?view=board`);
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('2');
  await panel.getByRole('checkbox', { name: 'Select Ani Gerbang' }).click();
  await panel.getByRole('checkbox', { name: 'Select Bayu Gerbang' }).click();
  const bar = panel.getByRole('region', { name: 'Bulk actions' });
  await bar.getByLabel('Action').selectOption({ label: 'Move to stage' });
  await bar.getByLabel('Stage', { exact: true }).selectOption({ label: 'Purchase / Decision' });
  await bar.getByRole('button', { name: 'Apply' }).click();
  // Asked, nothing moved yet.
  await expect(bar.getByRole('alert')).toHaveText(
    'Not through the SQL gate yet (interest, buying process, decision-maker): Ani Gerbang, Bayu Gerbang. Move them to Purchase / Decision anyway?',
  );
  await expect(column(panel, 'prospecting').locator('.count')).toHaveText('2');
  await panel.screenshot({ path: '/tmp/shots/polish/bulk-sql-en.png' });
  await bar.getByRole('button', { name: 'Move anyway' }).click();
  await expect(panel.locator('#jalur-toasts')).toContainText('Moved 2 to Purchase / Decision.');
  await expect(column(panel, 'decision').locator('.count')).toHaveText('2');
});

test('in Indonesian: the same question, in Indonesian', async () => {
  const { context, close } = await launchWithExtension({ lang: 'id' });
  try {
    const extensionId = new URL((await serviceWorker(context)).url()).host;
    const panel = await openExtensionPage(context, extensionId, 'sidepanel.html?view=today');
    await panel.setViewportSize({ width: 420, height: 900 });
    await seed(panel, ['Ani', 'Bayu']);
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?view=board`);
    await expect(column(panel, 'prospecting').locator('.count')).toHaveText('2');
    for (const box of await panel.locator('.card-select').all()) await box.click();
    const bar = panel.locator('.bulk-bar');
    await bar.locator('select').first().selectOption('stage');
    await bar.locator('select').nth(1).selectOption('decision');
    await bar.getByRole('button').first().click();
    await expect(bar.getByRole('alert')).toContainText('Belum lolos gerbang SQL');
    await expect(bar.getByRole('button', { name: 'Tetap pindahkan' })).toBeVisible();
    await panel.screenshot({ path: '/tmp/shots/polish/bulk-sql-id.png' });
  } finally {
    await close();
  }
});
