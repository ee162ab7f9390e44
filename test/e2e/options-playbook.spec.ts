import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, fixture, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker, tabIdOf, test } from './harness';

// The options page's playbook editors (stages, scoring, cadences), seen through their effect on the
// inline chip of a clipped LinkedIn profile.

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const DAY_MS = 86_400_000;

async function clipRizky(context: BrowserContext): Promise<Page> {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
  const page = await context.newPage();
  await page.goto(RIZKY);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toContainText('Score 20');
  return page;
}

/**
 * Test-only data setup: the clock cannot be moved in a real browser, so the prospect is made old by
 * rewriting its capture and stage-entry times in the extension's own IndexedDB, from its worker.
 */
async function ageAllProspects(sw: Worker, days: number): Promise<void> {
  await sw.evaluate(async (ms) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('jalur');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('prospects', 'readwrite');
      const store = tx.objectStore('prospects');
      const all = store.getAll();
      const then = Date.now() - ms;
      all.onsuccess = () => {
        for (const p of all.result)
          // Contacted when clipped, quiet since: gone dark is silence after contact.
          store.put({ ...p, createdAt: then, stageEnteredAt: then, lastTouchAt: then, touchCount: Math.max(1, p.touchCount) });
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, days * DAY_MS);
}

async function setStaleDays(options: Page, stage: string, days: string): Promise<void> {
  const row = options.getByRole('group', { name: stage, exact: true });
  await row.getByLabel('Gone dark after (days)').fill(days);
  await row.getByRole('button', { name: `Save ${stage}` }).click();
  await expect(row.getByLabel('Gone dark after (days)')).toHaveValue(days);
  await expect(options.getByRole('status').filter({ hasText: `Saved ${stage}.` })).toBeVisible();
}

test("a stage's stale limit decides when the chip flags a prospect as gone dark", async ({ context, sw, extensionId }) => {
  const page = await clipRizky(context);
  const chip = page.locator('jalur-inline');
  const options = await openExtensionPage(context, extensionId, 'options.html');

  // Clipped moments ago: even a one-day limit does not flag it.
  await setStaleDays(options, 'Prospecting', '1');
  await page.reload();
  await expect(chip.locator('[data-stage="prospecting"]')).toBeVisible();
  await expect(chip.locator('[data-stalled]')).toHaveCount(0);

  await ageAllProspects(sw, 5);
  await page.reload();
  await expect(chip.locator('[data-stalled="true"]')).toHaveText('Gone dark 5 d');

  // The chip follows the editor without a reload: 14 days clears the flag, 3 days brings it back.
  await setStaleDays(options, 'Prospecting', '14');
  await expect(chip.locator('[data-stage="prospecting"]')).toBeVisible();
  await expect(chip.locator('[data-stalled]')).toHaveCount(0);
  await setStaleDays(options, 'Prospecting', '3');
  await expect(chip.locator('[data-stalled="true"]')).toHaveText('Gone dark 5 d');

  // Empty means never.
  await setStaleDays(options, 'Prospecting', '');
  await expect(chip.locator('[data-stalled]')).toHaveCount(0);
});

test('stages are renamed, added, reordered and removed with their prospects moved', async ({ context, sw, extensionId }) => {
  const page = await clipRizky(context);
  const chip = page.locator('jalur-inline');
  const options = await openExtensionPage(context, extensionId, 'options.html');
  const legends = options.locator('.stage-row[data-stage] legend');

  const first = options.getByRole('group', { name: 'Prospecting', exact: true });
  await first.getByLabel('Name of Prospecting').fill('Lead in');
  await first.getByRole('button', { name: 'Save Prospecting' }).click();
  await expect(chip.locator('[data-stage="prospecting"]')).toContainText('Lead in');
  // An empty name is the default name again, in the reader's language.
  await options.getByLabel('Name of Lead in').fill('');
  await options.getByRole('button', { name: 'Save Lead in' }).click();
  await expect(chip.locator('[data-stage="prospecting"]')).toContainText('Prospecting');
  // New prospects start in the first stage: it cannot be removed.
  await expect(first.getByRole('button', { name: /^Remove/ })).toHaveCount(0);

  const add = options.getByRole('group', { name: 'Add stage' });
  await add.getByLabel('Name of the new stage').fill('Negotiation');
  await add.getByLabel('Win probability (%)').fill('150');
  await add.getByRole('button', { name: 'Add stage' }).click();
  await expect(add.getByRole('alert')).toContainText('Win probability is 0–100 %');
  await add.getByLabel('Win probability (%)').fill('60');
  await add.getByRole('button', { name: 'Add stage' }).click();
  // Added after the last open stage: won and lost stay at the end.
  await expect(legends).toHaveText([
    'Prospecting',
    'Qualification',
    'Consideration',
    'Purchase / Decision',
    'Negotiation',
    /^Delivery/,
    /^Lost/,
  ]);
  await options.getByRole('button', { name: 'Move up: Negotiation' }).click();
  await expect(legends.nth(3)).toHaveText('Negotiation');
  await expect(options.getByRole('button', { name: 'Move up: Negotiation' })).toBeFocused();

  // Rizky into Qualification (side panel), then Qualification is removed and its people go to Negotiation.
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, RIZKY)}`);
  await panel.getByLabel('Stage').selectOption('qualification');
  await expect(chip.locator('[data-stage="qualification"]')).toBeVisible();
  const qualification = options.getByRole('group', { name: 'Qualification', exact: true });
  await qualification.getByRole('button', { name: 'Remove Qualification…' }).click();
  await qualification.getByLabel('Move its prospects to').selectOption('negotiation');
  await qualification.getByRole('button', { name: 'Remove Qualification', exact: true }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Removed Qualification. Prospects moved to Negotiation: 1.' })).toBeVisible();
  await expect(chip.locator('[data-stage="negotiation"]')).toContainText('Negotiation');
  await expect(legends).toHaveCount(6);
});

test('scoring: the preview counts who would cross the threshold; saving rescores, bad values save nothing', async ({
  context,
  extensionId,
}) => {
  const page = await clipRizky(context);
  const chip = page.locator('jalur-inline [data-stage="prospecting"]');
  const options = await openExtensionPage(context, extensionId, 'options.html');
  const preview = options.getByTestId('scoring-preview');
  await expect(preview).toHaveText('With these rules 0 of 1 prospects would be at or above the MQL threshold (0 newly).');

  await options.getByLabel('Ideal-customer companies (one per line)').fill('Kopi Kenangan Digital');
  await options.getByLabel('MQL threshold (score 0–100)').fill('30');
  // Director (20) + ideal-customer company (15) = 35, above the new threshold of 30.
  await expect(preview).toHaveText('With these rules 1 of 1 prospects would be at or above the MQL threshold (1 newly).');

  // A wrong value is named on its own field, says what to enter, and takes focus on save; nothing is saved.
  const perTouch = options.getByLabel('Points per touch');
  await perTouch.fill('500');
  await expect(perTouch).toHaveAttribute('aria-invalid', 'true');
  await expect(perTouch).toHaveAccessibleDescription('Enter a whole number from 0 to 100.');
  await expect(preview).toHaveText('');
  await options.getByLabel('MQL threshold (score 0–100)').focus();
  await options.getByRole('button', { name: 'Save scoring' }).click();
  await expect(perTouch).toBeFocused();
  await expect(options.getByText(/scoringRules|must be at most/)).toHaveCount(0);
  await expect(chip).toContainText('Score 20');

  await options.getByLabel('Points per touch').fill('3');
  await options.getByRole('button', { name: 'Save scoring' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Saved: 1 prospect rescored' })).toBeVisible();
  await expect(chip).toContainText('Score 35');

  await options.reload();
  await expect(options.getByLabel('Ideal-customer companies (one per line)')).toHaveValue('Kopi Kenangan Digital');
  await expect(options.getByLabel('MQL threshold (score 0–100)')).toHaveValue('30');
  await expect(preview).toHaveText('With these rules 1 of 1 prospects would be at or above the MQL threshold (0 newly).');
});

test('cadences: a new one with two steps is saved, listed after a reload, and can be deleted', async ({ context, extensionId }) => {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  const list = options.locator('.cadence-list');
  await expect(list.getByRole('button', { name: 'Default: 8 touches in 21 days' })).toBeVisible();

  await options.getByRole('button', { name: 'New cadence' }).click();
  await options.getByLabel('Cadence name').fill('Mortgage check-ins');
  await options.getByLabel('Description').fill('While the bank decides');
  await options.getByLabel('Channel of step 1').selectOption('email');
  await options.getByLabel('Note template of step 1').fill('Ask {{first_name}} whether the bank has answered');
  await options.getByRole('button', { name: 'Add step' }).click();
  await options.getByLabel('Day of step 2').fill('14');
  await options.getByLabel('Channel of step 2').selectOption('call');
  await options.getByLabel('Note template of step 2').fill('Call {{name}} at {{company}}');
  await options.getByRole('button', { name: 'Save cadence' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Saved “Mortgage check-ins”.' })).toBeVisible();

  await options.reload();
  await list.getByRole('button', { name: 'Mortgage check-ins' }).click();
  await expect(list.locator('[data-cadence="Mortgage check-ins"]')).toContainText('2 steps over 14 days');
  await expect(options.getByLabel('Description')).toHaveValue('While the bank decides');
  await expect(options.getByLabel('Day of step 1')).toHaveValue('0');
  await expect(options.getByLabel('Channel of step 1')).toHaveValue('email');
  await expect(options.getByLabel('Channel of step 2')).toHaveValue('call');
  await expect(options.getByLabel('Note template of step 2')).toHaveValue('Call {{name}} at {{company}}');

  // Steps run in order: a day before the previous step's is refused with the reason.
  await options.getByLabel('Day of step 2').fill('0');
  await options.getByLabel('Day of step 1').fill('3');
  await options.getByRole('button', { name: 'Save cadence' }).click();
  await expect(options.getByRole('alert')).toContainText("day 0 comes before the previous step's day 3");

  await options.getByRole('button', { name: 'Delete cadence' }).click();
  await options.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(list.getByRole('button', { name: 'Mortgage check-ins' })).toHaveCount(0);
  await expect(list.getByRole('button', { name: 'Default: 8 touches in 21 days' })).toBeVisible();
});

test('the due-notification preference is stored for the background, on by default', async ({ context, sw, extensionId }) => {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  const box = options.getByLabel('Notify me when follow-ups fall due (one summary)');
  await expect(box).toBeChecked();
  await box.uncheck();
  await expect.poll(() => sw.evaluate(async () => (await chrome.storage.local.get('notifyDue')).notifyDue)).toBe(false);
  await options.reload();
  await expect(box).not.toBeChecked();
});

test('in Indonesian: the stage editor speaks Indonesian', async () => {
  const { context, close } = await launchWithExtension({ lang: 'id' });
  try {
    const sw = await serviceWorker(context);
    const options = await openExtensionPage(context, new URL(sw.url()).host, 'options.html');
    await expect(options.getByRole('heading', { name: 'Tahapan pipeline' })).toBeVisible();
    const row = options.getByRole('group', { name: 'Prospek', exact: true });
    await expect(row.getByLabel('Nama untuk Prospek')).toHaveAttribute('placeholder', 'Prospek');
    await expect(row.getByLabel('Peluang menang (%)')).toHaveValue('10');
    await expect(row.getByLabel('Menghilang setelah (hari)')).toHaveValue('14');
    await expect(options.getByRole('button', { name: 'Naikkan: Kualifikasi' })).toBeVisible();
    await expect(options.getByRole('button', { name: 'Simpan penilaian' })).toBeVisible();
  } finally {
    await close();
  }
});
