import type { BrowserContext, Page, Worker } from '@playwright/test';
import { badgeText, expect, fixture, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker, tabIdOf, test } from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const AYU = 'https://www.linkedin.com/in/ayu-lestari-0c9d8e/';
const DAY = 86_400_000;

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
});

async function clip(context: BrowserContext, url: string, button = 'Add to pipeline'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('jalur-inline').getByRole('button', { name: button }).click();
  await expect(page.locator('jalur-inline [data-stage]')).toBeVisible();
  return page;
}

/** The open cadence follow-ups as stored: what the panel should be showing. */
async function openSteps(sw: Worker): Promise<Array<{ step: number; dueAt: number }>> {
  return sw.evaluate(async () => {
    const open = indexedDB.open('jalur');
    const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
    const req = db.transaction('followUps').objectStore('followUps').getAll();
    const rows: Array<Record<string, unknown>> = await new Promise((r) => (req.onsuccess = () => r(req.result)));
    return rows
      .filter((f) => f.cadenceId && f.doneAt === null && f.deletedAt === null)
      .map((f) => ({ step: f.cadenceStep as number, dueAt: f.dueAt as number }));
  });
}

/** `days` of silence for one prospect: its record's clock moved back (no touch, entered stage and created that long ago). */
async function silence(sw: Worker, name: string, days: number): Promise<void> {
  await sw.evaluate(
    async ({ name, back }) => {
      const open = indexedDB.open('jalur');
      const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
      const store = db.transaction('prospects', 'readwrite').objectStore('prospects');
      const all: Array<Record<string, unknown>> = await new Promise((r) => {
        const req = store.getAll();
        req.onsuccess = () => r(req.result);
      });
      for (const p of all.filter((x) => x.name === name)) {
        const at = (k: string) => (p[k] as number) - back;
        // Contacted when clipped, quiet since: gone dark is silence after contact.
        const lastTouchAt = p.lastTouchAt === null ? at('createdAt') : at('lastTouchAt');
        const touchCount = Math.max(1, p.touchCount as number);
        store.put({ ...p, createdAt: at('createdAt'), stageEnteredAt: at('stageEnteredAt'), updatedAt: at('updatedAt'), lastTouchAt, touchCount });
      }
      await new Promise((r) => (store.transaction.oncomplete = r));
    },
    { name, back: days * 86_400_000 },
  );
}

test('a rep enrols a clipped prospect in the default cadence and works it: done, skip, pause, resume, stop', async ({
  context,
  sw,
  extensionId,
}) => {
  await clip(context, RIZKY);
  expect(await badgeText(sw)).toBe('');
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, RIZKY)}`);
  const cadence = panel.locator('section.cadence');
  await expect(cadence).toContainText('Not in a cadence.');

  await panel.getByLabel('Cadence').selectOption({ label: 'Default: 8 touches in 21 days' });
  await panel.getByRole('button', { name: 'Enrol' }).click();
  // Step 1 is day 0: due today (by the end of the rep's day), so enrolling makes nothing overdue.
  await expect(cadence).toContainText('Step 1 of 8');
  await expect(cadence).toContainText('Connect with a personal note about Kopi Kenangan Digital.');
  await expect(panel.locator('.follow-ups li', { hasText: 'Connect with a personal note' })).not.toHaveClass(/overdue/);
  expect(await badgeText(sw)).toBe('');
  const [first] = await openSteps(sw);
  expect(first?.step).toBe(0);

  await panel.locator('.follow-ups li', { hasText: 'Connect with a personal note' }).getByRole('button', { name: 'Done' }).click();
  await expect(cadence).toContainText('Step 2 of 8');
  await expect(cadence).toContainText('Thank Rizky for connecting');
  await expect(panel.locator('.touches li').first()).toContainText('Connection request');
  await expect(panel.locator('.touch-section h3')).toHaveText('Touches (1)');
  const [second] = await openSteps(sw);
  expect(second?.step).toBe(1);
  // Two calendar days after enrolment at the same wall-clock time (±1 h if a DST change falls between).
  expect(Math.abs(second!.dueAt - first!.dueAt - 2 * DAY)).toBeLessThanOrEqual(3_600_000);
  const shown = await panel.evaluate(
    (at) => new Intl.DateTimeFormat(chrome.i18n.getUILanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at)),
    second!.dueAt,
  );
  await expect(cadence).toContainText(`Due ${shown}`);
  await expect(panel.locator('.follow-ups li', { hasText: 'Thank Rizky for connecting' })).toBeVisible();
  await expect.poll(() => badgeText(sw), { timeout: 2_000 }).toBe('');

  await panel.getByRole('button', { name: 'Skip step' }).click();
  await expect(cadence).toContainText('Step 3 of 8');
  await expect(cadence).toContainText('1 done, 1 skipped');
  await expect(panel.locator('.follow-ups li', { hasText: 'Thank Rizky' })).toHaveCount(0);
  await expect(panel.locator('.follow-ups li', { hasText: 'Short e-mail' })).toBeVisible();
  await expect(panel.locator('.touch-section h3')).toHaveText('Touches (1)');

  await panel.getByRole('button', { name: 'Pause' }).click();
  await expect(cadence).toContainText('Paused since');
  await expect(cadence.locator('.cadence-step')).toHaveCount(0);
  await expect(panel.locator('.follow-ups li', { hasText: 'Short e-mail' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Skip step' })).toHaveCount(0);

  await panel.getByRole('button', { name: 'Resume' }).click();
  await expect(cadence.locator('.cadence-step')).toContainText('Short e-mail: the problem we solve for teams like Kopi Kenangan Digital.');
  await expect(cadence).toContainText('Step 3 of 8');
  await expect(panel.locator('.follow-ups li', { hasText: 'Short e-mail' })).toBeVisible();

  await panel.getByRole('button', { name: 'Stop' }).click();
  await expect(cadence).toContainText('Stopped “Default: 8 touches in 21 days”.');
  await expect(panel.locator('.follow-ups li', { hasText: 'Short e-mail' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Enrol' })).toBeVisible();
  expect(await openSteps(sw)).toEqual([]);
});

test('ticking the SQL checklist accepts the prospect; the score explains the items and a manual adjustment', async ({
  context,
  sw,
  extensionId,
}) => {
  const page = await clip(context, RIZKY);
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, RIZKY)}`);
  const gates = panel.locator('.qualification');
  await expect(gates).toContainText('Score 20 of 50 for MQL');
  await expect(gates).not.toContainText('SQL accepted');
  await expect(panel.getByRole('group', { name: /SQL checklist/ }).getByRole('checkbox')).toHaveCount(5);

  await panel.getByLabel('Interest confirmed').check();
  await panel.getByLabel('In a buying process').check();
  await expect(panel.getByLabel('In a buying process')).toBeChecked();
  await expect(gates).not.toContainText('SQL accepted');
  await panel.getByLabel('Decision-maker').check();
  await expect(gates).toContainText('SQL accepted');
  await expect(gates).toContainText('Touches to SQL: 0');
  await expect(panel.getByLabel('Budget (optional)')).not.toBeChecked();
  await expect(panel.getByLabel('Timeline (optional)')).not.toBeChecked();
  // The checklist items are score rules, named in the breakdown.
  await panel.locator('.status .score summary').click();
  const breakdown = panel.locator('.status .score table');
  await expect(breakdown).toContainText('Interest confirmed');
  await expect(breakdown).toContainText('Decision-maker');

  const before = Number((await panel.locator('.status .score summary').textContent())!.replace(/\D/g, ''));
  await panel.getByLabel('Score adjustment').fill('10');
  await panel.getByRole('button', { name: 'Save adjustment' }).click();
  await expect(panel.locator('.status .score summary')).toHaveText(`Score ${Math.min(100, before + 10)}`);
  await expect(breakdown).toContainText('Manual adjustment');
  await expect(page.locator('jalur-inline [data-stage]')).toContainText(`Score ${Math.min(100, before + 10)}`);

  // Reopened, the panel shows what was saved.
  await panel.reload();
  await expect(panel.getByLabel('Decision-maker')).toBeChecked();
  await expect(panel.getByLabel('Score adjustment')).toHaveValue('10');
  await expect(panel.locator('.qualification')).toContainText('SQL accepted');
  // The popup keeps it to one line.
  const popup = await openExtensionPage(context, extensionId, `popup.html?tabId=${await tabIdOf(sw, RIZKY)}`);
  await expect(popup.locator('.gates')).toContainText('SQL accepted');
  await expect(popup.getByLabel('Decision-maker')).toHaveCount(0);
});

test('the gone-dark list shows stalled prospects (equal values: longest silence first) and opens each one', async ({ context, sw, extensionId }) => {
  await clip(context, RIZKY);
  await clip(context, AYU);
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, AYU)}`);
  await panel.getByRole('tab', { name: 'Gone dark', exact: true }).click();
  await expect(panel.getByRole('tab', { name: 'Gone dark', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.locator('.stalled-list')).toContainText('No deals have gone dark.');

  // Prospecting allows 14 days of silence: Ayu has been quiet 20 days, Rizky 30.
  await silence(sw, 'Ayu Lestari', 20);
  await silence(sw, 'Rizky Pratama', 30);
  // Those writes went around the background, so nothing announced them: reopen the list.
  await panel.getByRole('tab', { name: 'Person', exact: true }).click();
  await panel.getByRole('tab', { name: 'Gone dark', exact: true }).click();
  const list = panel.locator('.stalled-list');
  await expect(list).toContainText('2 gone dark');
  const items = list.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Rizky Pratama');
  await expect(items.nth(0)).toContainText('Kopi Kenangan Digital · Prospecting · no deal value · 30 days silent');
  await expect(items.nth(1)).toContainText('Samudra Freight · Prospecting · no deal value · 20 days silent');

  await list.getByRole('button', { name: /Ayu Lestari/ }).click();
  await expect(panel.locator('article.detail h2')).toHaveText('Ayu Lestari');
  await expect(panel.locator('article.detail [data-stalled="true"]')).toContainText('no touch for 20 days');
  // A touch ends her silence; back on the list only Rizky is left.
  await panel.getByRole('button', { name: 'Log touch' }).click();
  await expect(panel.locator('article.detail [data-stalled]')).toHaveCount(0);
  await panel.getByRole('button', { name: /Back to the list/ }).click();
  await expect(list).toContainText('1 gone dark');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem')).toContainText('Rizky Pratama');
});

// A browser whose UI language is Indonesian.
const testId = test.extend({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context, close } = await launchWithExtension({ lang: 'id' });
    await use(context);
    await close();
  },
});

testId('in Indonesian: the SQL checklist, the cadence and the gone-dark list speak Indonesian', async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
  const sw = await serviceWorker(context);
  await clip(context, RIZKY, 'Tambah ke pipeline');
  const panel = await openExtensionPage(context, new URL(sw.url()).host, `sidepanel.html?tabId=${await tabIdOf(sw, RIZKY)}`);
  await expect(panel.locator('.qualification')).toContainText('Skor 20 dari 50 untuk MQL');
  await panel.getByLabel('Minat terkonfirmasi').check();
  await panel.getByLabel('Dalam proses pembelian').check();
  await panel.getByLabel('Pengambil keputusan').check();
  await expect(panel.getByLabel('Anggaran (opsional)')).not.toBeChecked();
  await expect(panel.getByLabel('Jadwal (opsional)')).not.toBeChecked();
  await expect(panel.locator('.qualification')).toContainText('SQL diterima');

  // A team's default cadence arrives from the server in English: the rep still reads it in Indonesian.
  const send = (m: unknown) => panel.evaluate((msg) => chrome.runtime.sendMessage(msg), m) as Promise<{ ok: boolean; data: { cadences: Array<{ id: string; description: string | null; steps: unknown[] }> } }>;
  const [seeded] = (await send({ type: 'cadences' })).data.cadences;
  expect((await send({ type: 'saveCadence', cadence: { id: seeded!.id, name: 'Default: 8 touches in 21 days', description: seeded!.description, steps: seeded!.steps } })).ok).toBe(true);
  await expect(panel.getByLabel('Rangkaian kontak').locator('option').first()).toHaveText('Bawaan: 8 kontak dalam 21 hari');
  await panel.getByLabel('Rangkaian kontak').selectOption({ index: 0 });
  await panel.getByRole('button', { name: 'Daftarkan' }).click();
  await expect(panel.locator('section.cadence')).toContainText('Langkah 1 dari 8');
  await expect(panel.locator('section.cadence .cadence-name')).toContainText('Bawaan: 8 kontak dalam 21 hari');
  await expect(panel.getByRole('button', { name: 'Lewati langkah' })).toBeVisible();
  await expect(panel.getByLabel('Penyesuaian skor')).toHaveValue('0');

  await panel.getByRole('tab', { name: 'Menghilang', exact: true }).click();
  await expect(panel.locator('.stalled-list')).toContainText('Tidak ada prospek yang menghilang.');
});
