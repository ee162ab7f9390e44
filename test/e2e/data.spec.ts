import { readFileSync } from 'node:fs';
import type { Download, Page, Worker } from '@playwright/test';
import { expect, fixture, openExtensionPage, serveLinkedIn, test } from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const AYU = 'https://www.linkedin.com/in/ayu-lestari-0c9d8e/';

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
});

async function clip(page: Page, url: string) {
  await page.goto(url);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
}

/** Live prospects, straight from the extension's IndexedDB. */
async function prospectNames(sw: Worker): Promise<string[]> {
  return sw.evaluate(async () => {
    const open = indexedDB.open('jalur');
    const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
    const req = db.transaction('prospects').objectStore('prospects').getAll();
    const rows: Array<{ name: string; deletedAt: number | null }> = await new Promise((r) => (req.onsuccess = () => r(req.result)));
    db.close();
    return rows
      .filter((p) => p.deletedAt === null)
      .map((p) => p.name)
      .sort();
  });
}

async function downloadBy(page: Page, button: string): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { download, text: readFileSync((await download.path())!, 'utf8') };
}

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
const count = (page: Page, key: string) => page.locator(`[data-count="${key}"] dd`);

test('export prospects to CSV and import the same file: nobody is doubled', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await clip(page, RIZKY);
  await clip(page, AYU);
  const options = await openExtensionPage(context, extensionId, 'options.html');

  const { download, text } = await downloadBy(options, 'Export prospects (CSV)');
  expect(download.suggestedFilename()).toMatch(/^jalur-prospects-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(text.charCodeAt(0)).toBe(0xfeff); // Excel reads UTF-8 only with the BOM
  expect(text).toContain('Name,Headline,Title,Company');
  expect(text).toContain('Rizky Pratama');
  expect(text).toContain('Ayu Lestari');
  await expect(options.getByRole('status').filter({ hasText: 'Prospects exported: 2.' })).toBeVisible();

  await options.getByLabel('CSV file').setInputFiles((await download.path())!);
  // The columns are recognised from the header.
  await expect(options.getByLabel('Column 1: Name')).toHaveValue('name');
  await expect(options.getByLabel('Column 10: LinkedIn URL')).toHaveValue('linkedinUrl');
  await expect(options.getByLabel('Column 17: Last touch')).toHaveValue('');
  await expect(count(options, 'creates')).toHaveText('0');
  await expect(count(options, 'unchanged')).toHaveText('2');
  await expect(count(options, 'badRows')).toHaveText('0');
  await expect(options.getByText('Everyone in the file is already in the pipeline')).toBeVisible();
  await expect(options.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  expect(await prospectNames(sw)).toEqual(['Ayu Lestari', 'Rizky Pratama']);

  // Follow-ups and touches export too.
  const followUps = await downloadBy(options, 'Export follow-ups (CSV)');
  expect(followUps.download.suggestedFilename()).toMatch(/^jalur-follow-ups-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(followUps.text).toContain('Prospect,Title,Due');
  const touches = await downloadBy(options, 'Export touches (CSV)');
  expect(touches.download.suggestedFilename()).toMatch(/^jalur-touches-\d{4}-\d{2}-\d{2}\.csv$/);
});

test('a bad row blocks the import until "Skip bad rows"; then only the good row is added', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await clip(page, RIZKY);
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await options
    .getByLabel('CSV file')
    .setInputFiles(
      csv(
        'leads.csv',
        'Nama,Alamat Email,LinkedIn URL\nDewi Anggraini,dewi@contoh.id,\nBaris Rusak,not-an-address,\nRizky Pratama,,https://id.linkedin.com/in/rizky-pratama-5e6f7a\n',
      ),
    );
  await expect(options.getByLabel('Column 2: Alamat Email')).toHaveValue('email');
  await expect(count(options, 'creates')).toHaveText('1');
  await expect(count(options, 'unchanged')).toHaveText('1');
  await expect(count(options, 'badRows')).toHaveText('1');
  const error = options.locator('.import-errors li');
  await expect(error).toHaveText('Row 2 (line 3), column “Alamat Email”: Not an e-mail address.not-an-address');
  const importButton = options.getByRole('button', { name: 'Import', exact: true });
  await expect(importButton).toBeDisabled();
  await expect(options.getByText('Nothing is imported while rows have errors')).toBeVisible();

  await options.getByLabel('Skip bad rows').check();
  await expect(importButton).toBeEnabled();
  await importButton.click();
  await expect(options.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
    'Imported — new: 1, updated: 0, already there: 1, bad rows skipped: 1.',
  );
  expect(await prospectNames(sw)).toEqual(['Dewi Anggraini', 'Rizky Pratama']);
  // The imported person is a prospect like any other: found by the side panel's search.
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await panel.getByRole('searchbox', { name: 'Search prospects' }).fill('Dewi');
  await expect(panel.locator('.results li')).toHaveCount(1);
});

test('a JSON backup restores exactly what it held', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await clip(page, RIZKY);
  await clip(page, AYU);
  const options = await openExtensionPage(context, extensionId, 'options.html');
  const first = await downloadBy(options, 'Download backup (JSON)');
  expect(first.download.suggestedFilename()).toMatch(/^jalur-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(first.text) as { exportedAt: string; tables: { prospects: unknown[] } };
  expect(backup.tables.prospects).toHaveLength(2);

  // Things change after the backup…
  await options.getByLabel('CSV file').setInputFiles(csv('one.csv', 'Name,Email\nDewi Anggraini,dewi@contoh.id\n'));
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Imported' })).toContainText('new: 1,');
  expect(await prospectNames(sw)).toHaveLength(3);

  // …a broken file is refused with a reason…
  const restoreInput = options.getByLabel('Backup file (JSON)');
  await restoreInput.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "jalur-backup", '),
  });
  await expect(options.getByRole('alert')).toHaveText('This file is not a Jalur backup: it is not JSON.');
  await expect(options.getByRole('button', { name: 'Restore this backup…' })).toHaveCount(0);

  // …and the backup brings back exactly what it held, after a confirmation.
  await restoreInput.setInputFiles((await first.download.path())!);
  await expect(options.locator('.backup-info')).toContainText('Prospects: 2');
  await options.getByRole('button', { name: 'Restore this backup…' }).click();
  await expect(options.getByRole('alertdialog')).toContainText('This cannot be undone.');
  await options.getByRole('button', { name: 'Replace with the backup' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Restored' })).toContainText('Prospects: 2');
  expect(await prospectNames(sw)).toEqual(['Ayu Lestari', 'Rizky Pratama']);

  const second = await downloadBy(options, 'Download backup (JSON)');
  const again = JSON.parse(second.text) as typeof backup;
  expect({ ...again, exportedAt: null }).toEqual({ ...backup, exportedAt: null });
  // The page's chip still knows the restored person.
  await page.reload();
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
});
