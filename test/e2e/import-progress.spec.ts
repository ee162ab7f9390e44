// A long import in the options page: progress while it checks and writes, and Cancel, which stops at a
// slice boundary with what went in said on screen and exactly that in the store; the same file again
// carries on. The page's turns between slices are held (held-turns.ts), so Cancel lands mid-import on
// any machine, at a slice boundary the test knows.
import type { Page, Worker } from '@playwright/test';
import { expect, openExtensionPage, test } from './harness';
import { holdTurns } from './held-turns';

const ROWS = 20_000;

function file(): { name: string; mimeType: string; buffer: Buffer } {
  const lines = ['Name,Email,LinkedIn URL,Company'];
  for (let i = 0; i < ROWS; i++) lines.push(`Orang Contoh ${i},orang${i}@contoh.co.id,https://www.linkedin.com/in/orang-contoh-${i}/,Contoh ${i % 50}`);
  return { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) };
}

/** Rows written so far, as the progress line says them; null before writing starts. */
async function written(options: Page): Promise<number | null> {
  const line = await options.getByText(/^Importing: [\d,]+ of 20,000$/).textContent({ timeout: 50 }).catch(() => null);
  return line === null ? null : Number(/^Importing: ([\d,]+)/.exec(line)![1]!.replace(/,/g, ''));
}

async function liveProspects(sw: Worker): Promise<number> {
  return sw.evaluate(async () => {
    const open = indexedDB.open('jalur');
    const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
    const req = db.transaction('prospects').objectStore('prospects').getAll();
    const rows: Array<{ deletedAt: number | null }> = await new Promise((r) => (req.onsuccess = () => r(req.result)));
    db.close();
    return rows.filter((p) => p.deletedAt === null).length;
  });
}

test('a long import shows its progress and can be cancelled; what went in is said and kept, the same file carries on', async ({
  context,
  sw,
  extensionId,
}) => {
  test.setTimeout(300_000);
  const options = await openExtensionPage(context, extensionId, 'options.html');
  const big = file();
  await options.getByLabel('CSV file').setInputFiles(big);
  await expect(options.locator('[data-count="creates"] dd')).toHaveText(String(ROWS), { timeout: 120_000 });
  expect(await liveProspects(sw)).toBe(0);

  const turns = await holdTurns(options);
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  // One turn at a time until some rows are in: the import may check the file again against the store
  // as it is now, then writes.
  const bar = options.getByRole('progressbar', { name: 'Importing' });
  // Each step lets one turn run; the bar is read only once the import stands at its next turn, so what
  // it says is everything written so far.
  await expect
    .poll(
      async () => {
        await expect.poll(() => turns.waiting(), { timeout: 60_000, intervals: [20] }).toBeGreaterThan(0);
        const n = (await written(options)) ?? 0;
        if (n === 0) await turns.step();
        return n;
      },
      { timeout: 120_000, intervals: [20] },
    )
    .toBeGreaterThan(0);
  await expect(bar).toBeVisible();
  const shown = (await written(options))!;
  await options.getByRole('button', { name: 'Cancel import' }).click();
  await turns.release();

  const status = options.getByRole('status').filter({ hasText: 'Import cancelled' });
  await expect(status).toBeVisible({ timeout: 60_000 });
  await expect(bar).toHaveCount(0);
  const imported = Number(/new: ([\d,]+)/.exec((await status.textContent()) ?? '')![1]!.replace(/,/g, ''));
  // Whole slices only, and exactly what the page said when Cancel was clicked.
  expect(imported).toBe(shown);
  expect(imported).toBeLessThan(ROWS);
  // Slices are sized by time (100 rows first, then what the pace fits), so no fixed multiple: at least the first whole one.
  expect(imported).toBeGreaterThanOrEqual(100);
  expect(await liveProspects(sw)).toBe(imported);

  // The same file again: those already in are matched, the rest come in, nobody is doubled.
  await options.getByLabel('CSV file').setInputFiles(big);
  await expect(options.locator('[data-count="unchanged"] dd')).toHaveText(String(imported), { timeout: 120_000 });
  await expect(options.locator('[data-count="creates"] dd')).toHaveText(String(ROWS - imported));
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Imported — new:' })).toContainText(`new: ${ROWS - imported},`, {
    timeout: 240_000,
  });
  expect(await liveProspects(sw)).toBe(ROWS);
});

test('cancelling the check of a long file imports nothing', async ({ context, sw, extensionId }) => {
  test.setTimeout(180_000);
  const options = await openExtensionPage(context, extensionId, 'options.html');
  // Held, the check stands still after its first slice, so Cancel lands mid-check on any machine.
  const turns = await holdTurns(options);
  await options.getByLabel('CSV file').setInputFiles(file());
  await expect(options.getByRole('progressbar', { name: 'Checking the file' })).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => turns.waiting(), { timeout: 60_000 }).toBeGreaterThan(0);
  await options.getByRole('button', { name: 'Cancel import' }).click();
  await turns.release();
  await expect(options.getByRole('status').filter({ hasText: 'Check cancelled' })).toHaveText('Check cancelled; nothing was imported.');
  await expect(options.locator('[data-count="creates"]')).toHaveCount(0);
  expect(await liveProspects(sw)).toBe(0);
});
