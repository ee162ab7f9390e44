// Data a rep can trust: an import that updates people after a dry run, CRM exports that map on their
// own, search that finds "chief fin", and never-contacted people kept out of gone dark. Screenshots of
// each screen, English and Indonesian, go to /tmp/shots/import/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, launchWithExtension, openExtensionPage, serviceWorker, test as base } from './harness';

const SHOTS = '/tmp/shots/import';
const HUBSPOT = fileURLToPath(new URL('../fixtures/csv/hubspot-contacts.csv', import.meta.url));

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Sends a request to the background from an extension page, as the panels do. */
async function send<T>(page: Page, req: unknown): Promise<T> {
  return page.evaluate(async (r) => {
    const res = (await chrome.runtime.sendMessage(r)) as { ok: boolean; data?: unknown; error?: string };
    if (!res.ok) throw new Error(res.error);
    return res.data;
  }, req) as Promise<T>;
}

async function storeRows<T>(sw: Worker, table: string): Promise<T[]> {
  return sw.evaluate(async (name) => {
    const open = indexedDB.open('jalur');
    const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
    const req = db.transaction(name).objectStore(name).getAll();
    const rows: unknown[] = await new Promise((r) => (req.onsuccess = () => r(req.result)));
    db.close();
    return rows;
  }, table) as Promise<T[]>;
}

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
const count = (page: Page, key: string) => page.locator(`[data-count="${key}"] dd`);
/** "2026-12-05 16:05:31", UTC, as CRMs write it. */
const utcText = (at: number) => new Date(at).toISOString().slice(0, 19).replace('T', ' ');

async function importUrlStageFile(context: BrowserContext, sw: Worker, extensionId: string, lang: 'en' | 'id') {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await options.setViewportSize({ width: 1280, height: 900 });
  await send(options, {
    type: 'applyImport',
    text: [
      'Name,LinkedIn URL,Title',
      'Ayu Lestari,https://www.linkedin.com/in/ayu-lestari-contoh/,Head of Sales',
      'Budi Santoso,https://www.linkedin.com/in/budi-santoso-contoh/,',
      'Citra Dewi,https://www.linkedin.com/in/citra-dewi-contoh/,',
    ].join('\n'),
    skipBadRows: false,
  });
  const before = await storeRows<{ name: string; stageEnteredAt: number }>(sw, 'prospects');
  // The day of the move: a second after the people entered the pipeline, and not in the future.
  const movedAt = Math.floor(Math.max(...before.map((p) => p.stageEnteredAt)) / 1000) * 1000 + 1000;
  await expect.poll(() => Date.now() > movedAt + 1000).toBe(true);

  const text = [
    'LinkedIn URL,Stage,Stage date',
    `https://www.linkedin.com/in/ayu-lestari-contoh/,Consideration,${utcText(movedAt)}`,
    'https://id.linkedin.com/in/budi-santoso-contoh,Pembelian/Keputusan,',
    'https://www.linkedin.com/in/citra-dewi-contoh/,Prospecting,',
  ].join('\n');
  const file = options.getByLabel(lang === 'en' ? 'CSV file' : 'Berkas CSV', { exact: true });
  await file.setInputFiles(csv('stages.csv', text));
  // The dry run: no name needed, each row says what would change.
  await expect(count(options, 'updates')).toHaveText('2');
  await expect(count(options, 'unchanged')).toHaveText('1');
  await expect(count(options, 'creates')).toHaveText('0');
  await expect(count(options, 'badRows')).toHaveText('0');
  const rows = options.locator('.import-rows');
  await expect(rows.locator('tr[data-row="1"]')).toHaveAttribute('data-outcome', 'update');
  await expect(rows.locator('tr[data-row="3"]')).toHaveAttribute('data-outcome', 'unchanged');
  await expect(rows.locator('tr[data-row="3"]')).toContainText('Citra Dewi');
  await options.locator('.import-rows').scrollIntoViewIfNeeded();
  await shot(options, `import-dry-run-${lang}`);
  return { options, movedAt };
}

const test = base;

test('a LinkedIn URL + Stage file updates people after a dry run, with stage history at the row date', async ({ context, sw, extensionId }) => {
  const { options, movedAt } = await importUrlStageFile(context, sw, extensionId, 'en');
  const ayuRow = options.locator('.import-rows tr[data-row="1"]');
  await expect(ayuRow).toContainText('Ayu Lestari');
  await expect(ayuRow.locator('[data-field="stage"]')).toContainText('Stage: Prospecting → Consideration');
  await expect(options.locator('.import-rows tr[data-row="2"] [data-field="stage"]')).toContainText('Prospecting → Purchase / Decision');
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: 'new: 0, updated: 2, already there: 1' })).toBeVisible();

  const stages = await storeRows<{ id: string; key: string }>(sw, 'stages');
  const keyOf = new Map(stages.map((s) => [s.id, s.key]));
  const people = await storeRows<{ id: string; name: string; stageId: string }>(sw, 'prospects');
  expect(Object.fromEntries(people.map((p) => [p.name, keyOf.get(p.stageId)]))).toEqual({
    'Ayu Lestari': 'consideration',
    'Budi Santoso': 'decision',
    'Citra Dewi': 'prospecting',
  });
  const ayu = people.find((p) => p.name === 'Ayu Lestari')!;
  const history = await storeRows<{ prospectId: string; fromStageId: string | null; changedAt: number }>(sw, 'stageChanges');
  expect(history.filter((c) => c.prospectId === ayu.id && c.fromStageId !== null).map((c) => c.changedAt)).toEqual([movedAt]);
});

test('a HubSpot export imports without mapping; search finds "chief fin"; a never-contacted person is not gone dark', async ({
  context,
  extensionId,
}) => {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await options.setViewportSize({ width: 1280, height: 900 });
  await options.getByLabel('CSV file').setInputFiles(HUBSPOT);
  await expect(options.getByLabel('Column 16: Lifecycle Stage')).toHaveValue('stage');
  await expect(options.getByLabel('Column 11: Job Title')).toHaveValue('title');
  await expect(count(options, 'creates')).toHaveText('3');
  await expect(count(options, 'badRows')).toHaveText('0');
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: 'new: 3, updated: 0' })).toBeVisible();

  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html?view=goneDark');
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.getByRole('searchbox', { name: 'Search prospects' }).fill('chief fin');
  const results = panel.locator('.search .results');
  await expect(results.getByRole('button')).toHaveCount(1);
  await expect(results.getByRole('button')).toContainText('Sari Kusuma');
  await expect(results.getByRole('button')).toContainText('Chief Financial Officer');
  await shot(panel, 'search-en');
  await panel.getByRole('searchbox', { name: 'Search prospects' }).fill('');

  // Nobody has been in touch with the three imported people: not contacted yet, not gone dark.
  await expect(panel.getByRole('button', { name: 'Gone dark (0)' })).toBeVisible();
  await panel.getByRole('button', { name: 'Not contacted yet (3)' }).click();
  const list = panel.locator('ul[data-list="notContacted"]');
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(list).toContainText('Sari Kusuma');
  await panel.getByLabel('Stage', { exact: true }).selectOption({ label: 'Consideration' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await panel.getByLabel('Stage', { exact: true }).selectOption({ label: 'All stages' });
  await shot(panel, 'gone-dark-en');
  await panel.getByRole('button', { name: 'Gone dark (0)' }).click();
  await expect(panel.getByText('No deals have gone dark.')).toBeVisible();
});

const inIndonesian = base.extend({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context, close } = await launchWithExtension({ lang: 'id' });
    await use(context);
    await close();
  },
});

inIndonesian('in Indonesian: the dry run, search and the not-contacted list', async ({ context }) => {
  const sw = await serviceWorker(context);
  const extensionId = new URL(sw.url()).host;
  await importUrlStageFile(context, sw, extensionId, 'id');
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html?view=goneDark');
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.getByRole('button', { name: 'Belum dihubungi (3)' }).click();
  await expect(panel.locator('ul[data-list="notContacted"]').getByRole('listitem')).toHaveCount(3);
  await shot(panel, 'gone-dark-id');
  await panel.getByRole('searchbox').fill('head sal');
  await expect(panel.locator('.search .results').getByRole('button')).toContainText('Ayu Lestari');
  await shot(panel, 'search-id');
});
