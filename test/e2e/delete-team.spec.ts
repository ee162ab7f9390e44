// Delete, undo and erase in a team: two reps, two browser profiles, the built extension against the
// Supabase stand-in over the real migrations.
import { expect, test, type Page } from '@playwright/test';
import type { StandIn } from '../stand-in/server';
import { profiles, serverProspects, serverView, standIn, teamIdOf } from './team';

const AYU = 'https://www.linkedin.com/in/ayu-lestari-0c9d8e/';

let server: StandIn;
const browsers = profiles(() => server);

test.beforeAll(async () => {
  server = await standIn();
});
test.afterAll(async () => {
  await server?.stop();
});
test.afterEach(async () => {
  await browsers.closeAll();
});

/** The teammate's page shows what their store holds; a reload looks the person up (and pulls) again. */
async function seesOnPage(page: Page, what: 'tracked' | 'untracked') {
  await expect(async () => {
    await page.reload();
    const chip = page.locator('jalur-inline');
    if (what === 'tracked') await expect(chip.locator('[data-stage="prospecting"]')).toBeVisible({ timeout: 2_000 });
    else await expect(chip.getByRole('button', { name: 'Add to pipeline' })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

test('the owner deletes; the teammate sees the person gone, and back after Undo; a rep may not delete the owner’s prospect and is told why', async () => {
  test.setTimeout(300_000);
  const { owner: sari, teammate: bayu } = await browsers.teamOfTwo('Nusa Ringan sales');

  const sariPage = await sari.context.newPage();
  await sariPage.goto(AYU);
  await sariPage.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(sariPage.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  const asSari = await serverView(server, sari);
  const teamId = await teamIdOf(sari);
  const serverAyu = async () => (await serverProspects(asSari, teamId)).find((p) => p.linkedin_slug === 'ayu-lestari-0c9d8e');
  await expect.poll(async () => (await serverAyu())?.deleted_at, { timeout: 15_000 }).toBeNull();

  // Bayu (a rep) sees her, and may not delete Sari's prospect: the dialog says why.
  const bayuPage = await bayu.context.newPage();
  await bayuPage.goto(AYU);
  await seesOnPage(bayuPage, 'tracked');
  const bayuPanel = await bayu.context.newPage();
  await bayuPanel.goto(`chrome-extension://${bayu.extensionId}/sidepanel.html`);
  await bayuPanel.getByRole('searchbox', { name: 'Search prospects' }).fill('Ayu');
  await bayuPanel.locator('.results li button').first().click();
  await expect(bayuPanel.locator('article.detail h2')).toHaveText('Ayu Lestari');
  await bayuPanel.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(bayuPanel.getByRole('dialog')).toContainText("Only Ayu Lestari's owner or a team admin can delete or erase them.");
  await bayuPanel.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(bayuPanel.locator('article.detail h2')).toHaveText('Ayu Lestari');

  // Sari deletes her; the server holds a tombstone and Bayu's page no longer knows her.
  const sariPanel = await sari.context.newPage();
  await sariPanel.goto(`chrome-extension://${sari.extensionId}/sidepanel.html`);
  await sariPanel.getByRole('searchbox', { name: 'Search prospects' }).fill('Ayu');
  await sariPanel.locator('.results li button').first().click();
  await sariPanel.getByRole('button', { name: 'Delete', exact: true }).click();
  await sariPanel.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  const undo = sariPanel.getByRole('status').getByRole('button', { name: 'Undo' });
  // Focused, the toast waits for as long as this test needs.
  await undo.focus();
  await expect.poll(async () => (await serverAyu())?.deleted_at ?? null, { timeout: 15_000 }).not.toBeNull();
  await seesOnPage(bayuPage, 'untracked');

  // Undo: back on the server and on Bayu's page.
  await undo.press('Enter');
  await expect(sariPanel.getByRole('status').filter({ hasText: 'Ayu Lestari is back' })).toBeVisible();
  await expect.poll(async () => (await serverAyu())?.deleted_at, { timeout: 15_000 }).toBeNull();
  await seesOnPage(bayuPage, 'tracked');
});

test('erase in a team: gone from the server and from the teammate’s browser, nothing about her left to pull', async () => {
  test.setTimeout(300_000);
  const { owner: sari, teammate: bayu } = await browsers.teamOfTwo('Nusa Ringan erase');

  const sariPage = await sari.context.newPage();
  await sariPage.goto(AYU);
  await sariPage.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(sariPage.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  const asSari = await serverView(server, sari);
  const teamId = await teamIdOf(sari);
  await expect.poll(async () => (await serverProspects(asSari, teamId)).length, { timeout: 15_000 }).toBe(1);
  const bayuPage = await bayu.context.newPage();
  await bayuPage.goto(AYU);
  await seesOnPage(bayuPage, 'tracked');

  const sariPanel = await sari.context.newPage();
  await sariPanel.goto(`chrome-extension://${sari.extensionId}/sidepanel.html`);
  await sariPanel.getByRole('searchbox', { name: 'Search prospects' }).fill('Ayu');
  await sariPanel.locator('.results li button').first().click();
  await sariPanel.getByRole('button', { name: 'More actions' }).click();
  await sariPanel.getByRole('menuitem', { name: 'Erase for good…' }).click();
  await sariPanel.getByRole('dialog').getByRole('button', { name: 'Erase for good' }).click();
  await expect(sariPanel.getByRole('status').filter({ hasText: 'Ayu Lestari erased for good' })).toBeVisible();

  await expect.poll(async () => JSON.stringify(await serverProspects(asSari, teamId)), { timeout: 15_000 }).toBe('[]');
  const { data } = await asSari.rpc('sync_pull', { team_id: teamId, since: 0, lim: 1000 });
  expect(JSON.stringify(data)).not.toContain('Ayu');
  expect(JSON.stringify(data)).toContain('"erasure"');
  await seesOnPage(bayuPage, 'untracked');
});
