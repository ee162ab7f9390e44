import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, fixture, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker, test as base } from './harness';

// Restoring a big backup in the options page shows its progress and can be cancelled; a cancelled
// restore leaves the pipeline exactly as it was (the backup downloaded after it equals the one before).

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const SHOTS = '/tmp/shots/import-restore';
/** Enough synthetic people that the restore is still writing when Cancel is clicked. */
const PEOPLE = 20_000;

interface Words {
  download: string;
  file: string;
  start: string;
  confirm: string;
  restoring: RegExp;
  cancel: string;
  cancelled: string;
  info: RegExp;
}

const EN: Words = {
  download: 'Download backup (JSON)',
  file: 'Backup file (JSON)',
  start: 'Restore this backup…',
  confirm: 'Replace with the backup',
  restoring: /^Restoring: [\d,]+ of 20,0\d\d rows$/,
  cancel: 'Cancel restore',
  cancelled: 'Restore cancelled. Nothing in this pipeline was changed.',
  info: /Prospects: 20,001/,
};

const ID: Words = {
  download: 'Unduh cadangan (JSON)',
  file: 'Berkas cadangan (JSON)',
  start: 'Pulihkan cadangan ini…',
  confirm: 'Ganti dengan cadangan',
  restoring: /^Memulihkan: [\d.]+ dari 20\.0\d\d baris$/,
  cancel: 'Batalkan pemulihan',
  cancelled: 'Pemulihan dibatalkan. Tidak ada yang diubah di pipeline ini.',
  info: /20\.001/,
};

async function clip(context: BrowserContext, url: string): Promise<Page> {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('jalur-inline').getByRole('button').first().click();
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  return page;
}

async function downloadBackup(options: Page, button: string): Promise<string> {
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: button }).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

/** The store's own backup with PEOPLE more synthetic prospects: a valid backup of this pipeline. */
function bigger(backupText: string): Buffer {
  const backup = JSON.parse(backupText) as { tables: { prospects: Array<Record<string, unknown>> } };
  const model = backup.tables.prospects[0]!;
  for (let i = 0; i < PEOPLE; i++) {
    backup.tables.prospects.push({
      ...model,
      id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
      slug: `orang-contoh-${i}`,
      emails: [`orang${i}@contoh.co.id`],
      memberId: null,
      name: `Orang Contoh ${i}`,
      linkedinUrl: `https://www.linkedin.com/in/orang-contoh-${i}/`,
    });
  }
  return Buffer.from(JSON.stringify(backup));
}

const sameBackup = (a: string, b: string) => expect({ ...JSON.parse(b), exportedAt: null }).toEqual({ ...JSON.parse(a), exportedAt: null });

async function restoreAndCancel(context: BrowserContext, words: Words, shot: string): Promise<void> {
  const page = await clip(context, RIZKY);
  const sw = await serviceWorker(context);
  const options = await openExtensionPage(context, new URL(sw.url()).host, 'options.html');
  await options.setViewportSize({ width: 1280, height: 900 });
  const before = await downloadBackup(options, words.download);

  await options.getByLabel(words.file).setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: bigger(before) });
  await expect(options.locator('.backup-info')).toContainText(words.info, { timeout: 120_000 });
  // Cancel is pressed from inside the page the moment the first rows written are on screen: the restore
  // writes in one transaction whose batches run as IndexedDB callbacks, and the page renders and hears
  // clicks between them, so an observer there lands mid-restore on any machine (a click from the test
  // would race the restore's end on a fast one).
  await options.evaluate(() => {
    const w = window as unknown as { __restoreLine?: string; __restoreDone?: number; __restoreTotal?: number };
    const observer = new MutationObserver(() => {
      const line = document.querySelector('.restore-progress [data-phase="restoring"]');
      const bar = document.querySelector<HTMLProgressElement>('.restore-progress progress');
      if (!line || !bar || bar.value <= 0) return;
      observer.disconnect();
      w.__restoreLine = line.textContent ?? '';
      w.__restoreDone = bar.value;
      w.__restoreTotal = bar.max;
      document.querySelector<HTMLButtonElement>('.restore-progress .import-cancel')!.click();
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await options.getByRole('button', { name: words.start }).click();
  await options.getByRole('button', { name: words.confirm }).click();

  await expect(options.getByRole('status').filter({ hasText: words.cancelled })).toBeVisible({ timeout: 120_000 });
  await expect(options.locator('.restore-progress')).toHaveCount(0);
  // While it wrote: a bar with the rows written so far, in the UI language, and Cancel beside it.
  const seen = await options.evaluate(() => {
    const w = window as unknown as { __restoreLine?: string; __restoreDone?: number; __restoreTotal?: number };
    return { line: w.__restoreLine, done: w.__restoreDone, total: w.__restoreTotal };
  });
  expect(seen.line).toMatch(words.restoring);
  expect(String(seen.total)).toMatch(/^20\d{3}$/);
  expect(seen.done).toBeLessThan(seen.total!);
  await options.screenshot({ path: `${SHOTS}/${shot.replace('.png', '-cancelled.png')}` });
  // The chip still knows the person, and every table of the backup is exactly as before, row for row.
  await page.reload();
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible({ timeout: 60_000 });
  sameBackup(before, await downloadBackup(options, words.download));
}

base('a big restore shows its progress, and Cancel leaves the pipeline exactly as it was', async ({ context }) => {
  base.setTimeout(600_000);
  await restoreAndCancel(context, EN, 'restore-progress-en-1280x900.png');
});

base('in Indonesian: the restore progress and its cancel speak Indonesian', async () => {
  base.setTimeout(600_000);
  const { context, close } = await launchWithExtension({ lang: 'id' });
  try {
    await restoreAndCancel(context, ID, 'restore-progress-id-1280x900.png');
  } finally {
    await close();
  }
});
