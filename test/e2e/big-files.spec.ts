// Big files must not stall Jalur: an import of tens of thousands of rows runs while chips keep being
// answered, a backup bigger than one Chrome message (64 MiB) still downloads, and files over the
// limits are refused on their size, before they are read. The files are generated here, not committed.
import { readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { expect, fixture, openExtensionPage, serveLinkedIn, test } from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
});

async function clipRizky(page: Page): Promise<void> {
  await page.goto(RIZKY);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
}

async function count(sw: Worker, table: string): Promise<number> {
  return sw.evaluate(async (name) => {
    const open = indexedDB.open('jalur');
    const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
    const req = db.transaction(name).objectStore(name).count();
    const n: number = await new Promise((r) => (req.onsuccess = () => r(req.result)));
    db.close();
    return n;
  }, table);
}

const ROWS = 40_000;

test('a 40,000-row import runs in slices: a chip is answered while it is still importing', async ({ context, sw, extensionId }) => {
  test.setTimeout(600_000);
  const page = await context.newPage();
  await clipRizky(page);
  await page.close();

  const lines = ['Name,Email,LinkedIn URL,Company'];
  for (let i = 0; i < ROWS; i++) lines.push(`Orang Contoh ${i},orang${i}@contoh.id,https://www.linkedin.com/in/orang-contoh-${i}/,Perusahaan ${i % 500}`);
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await options.getByLabel('CSV file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
  // The dry run reports its progress too, then its counts.
  await expect(options.locator('[data-count="creates"] dd')).toHaveText(String(ROWS), { timeout: 300_000 });

  await options.getByRole('button', { name: 'Import', exact: true }).click();
  const importing = options.locator('.import-progress [data-phase="importing"]');
  await expect(importing).toBeVisible({ timeout: 300_000 });
  await expect(options.getByRole('progressbar', { name: 'Importing' })).toBeVisible();

  // While the import is writing, a LinkedIn page asks about a tracked person: the chip is answered.
  const chip = await context.newPage();
  await chip.goto(RIZKY);
  await expect(chip.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  // …and the import had not finished when it was: its progress is still on screen, no result yet.
  expect(await importing.isVisible()).toBe(true);
  expect(await options.getByRole('status').filter({ hasText: 'Imported' }).count()).toBe(0);

  await expect(options.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
    `Imported — new: ${ROWS}, updated: 0, already there: 0, bad rows skipped: 0.`,
    { timeout: 300_000 },
  );
  await expect(importing).toHaveCount(0);
  expect(await count(sw, 'prospects')).toBe(ROWS + 1);
});

test('a backup larger than one Chrome message (64 MiB) downloads whole', async ({ context, sw, extensionId }) => {
  test.setTimeout(600_000);
  const page = await context.newPage();
  await clipRizky(page);
  // ~75 MB of touches with long notes, written straight into the store.
  const touches = 33_000;
  await sw.evaluate(async (n) => {
    const open = indexedDB.open('jalur');
    const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
    const prospects: Array<{ id: string }> = await new Promise((r) => {
      const req = db.transaction('prospects').objectStore('prospects').getAll();
      req.onsuccess = () => r(req.result);
    });
    const tx = db.transaction('touches', 'readwrite');
    const store = tx.objectStore('touches');
    const note = 'Catatan panjang tentang percakapan dengan prospek. '.repeat(39).slice(0, 2000);
    for (let i = 0; i < n; i++) {
      const at = 1_780_000_000_000 + i * 1000;
      store.add({ id: crypto.randomUUID(), teamId: 'local', prospectId: prospects[0]!.id, channel: 'linkedin_message', direction: 'out', note: `${i} ${note}`.slice(0, 2000), occurredAt: at, createdAt: at, byId: 'local' });
    }
    await new Promise((r) => (tx.oncomplete = r));
    db.close();
  }, touches);

  const options = await openExtensionPage(context, extensionId, 'options.html');
  const [download] = await Promise.all([
    options.waitForEvent('download', { timeout: 300_000 }),
    options.getByRole('button', { name: 'Download backup (JSON)' }).click(),
  ]);
  const path = (await download.path())!;
  expect(statSync(path).size).toBeGreaterThan(64 * 1024 * 1024);
  const backup = JSON.parse(readFileSync(path, 'utf8')) as { format: string; tables: Record<string, Array<{ id?: string; note?: string }>> };
  expect(backup.format).toBe('jalur-backup');
  expect(backup.tables.prospects).toHaveLength(1);
  expect(backup.tables.touches).toHaveLength(touches);
  expect(new Set(backup.tables.touches!.map((t) => t.id)).size).toBe(touches);
  expect(backup.tables.touches!.some((t) => t.note!.startsWith(`${touches - 1} Catatan panjang`))).toBe(true);
  await expect(options.getByRole('status').filter({ hasText: 'Backup saved' })).toHaveText('Backup saved (prospects: 1).');
});

test('files over the limits are refused on their size, naming the limit', async ({ context, extensionId }) => {
  const dir = tmpdir();
  const csv = join(dir, `jalur-too-big-${process.pid}.csv`);
  const json = join(dir, `jalur-too-big-${process.pid}.json`);
  writeFileSync(csv, Buffer.alloc(41_000_000, 'a'));
  // Sparse: a file of that size without writing a gigabyte.
  writeFileSync(json, '');
  truncateSync(json, 1_001_000_000);
  try {
    const options = await openExtensionPage(context, extensionId, 'options.html');
    await options.getByLabel('CSV file').setInputFiles(csv);
    await expect(options.getByRole('alert')).toHaveText(
      'This file is 41 MB; Jalur imports CSV files of at most 40 MB. Split it into smaller files and import them one after another.',
    );
    await options.getByLabel('Backup file (JSON)').setInputFiles(json);
    await expect(options.getByRole('alert').filter({ hasText: 'restores' })).toHaveText('This file is 1001 MB; Jalur restores backups of at most 1000 MB.');
  } finally {
    rmSync(csv, { force: true });
    rmSync(json, { force: true });
  }
});
