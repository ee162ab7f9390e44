import type { Page } from '@playwright/test';
import { expect, fixture, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker, tabIdOf, test } from './harness';
import { mailSpa } from './mail-spa';

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWbdTqLmNpRsVwXyZbCdFgHk';
const ANITA = 'anita.wirawan@lautbiru-logistik.example';

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
  const app = mailSpa({
    '/mail/u/0/#inbox': 'gmail/inbox-list.html',
    '/mail/u/0/#inbox/FMfcgzQXJWbdTqLmNpRsVwXyZbCdFgHk': 'gmail/thread-2024.html',
  });
  await serveLinkedIn(context, /^https:\/\/mail\.google\.com\//, app);
});

/** The stored record, asked the way the side panel asks (an extension page). */
async function detailOf(page: Page, who: { slug?: string; email?: string }) {
  return page.evaluate(async (w) => {
    const r = await chrome.runtime.sendMessage({ type: 'detail', ...w });
    return r.data;
  }, who);
}

test('chip actions on LinkedIn: focus after clipping, keyboard menu, log touch, follow-up, stage moves with lost reason, side panel', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(120_000); // one rep's whole walk through the menu
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(RIZKY);
  const chip = page.locator('jalur-inline[data-slug="rizky-pratama-5e6f7a"]');
  await chip.getByRole('button', { name: 'Add to pipeline' }).click();
  const actions = chip.getByRole('button', { name: 'Actions' });
  // Focus moves to the new chip's Actions button, and the change is read out.
  await expect(actions).toBeFocused();
  const live = chip.locator('[aria-live="polite"]');
  await expect(live).toHaveText('Added to pipeline: Prospecting');

  // Keyboard: Enter opens the menu on its first item, arrows move, Escape closes back to the button.
  await page.keyboard.press('Enter');
  const menu = chip.getByRole('menu');
  await expect(menu).toBeVisible();
  const items = menu.getByRole('menuitem');
  await expect(items).toHaveText(['Log touch', 'Add follow-up', 'Change stage', 'Open in side panel']);
  await expect(items.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(items.nth(3)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(actions).toBeFocused();

  // The person's local time (Bandung → Western Indonesia Time) heads the menu; when their day is not
  // the viewer's (evenings UTC) it is prefixed with the weekday, so the test holds at any hour.
  await actions.click();
  await expect(chip.locator('.local-time')).toContainText(/^(?:\p{L}{3} )?\d\d:\d\d in Bandung, (working hours|outside working hours)$/u);
  await page.screenshot({ path: '/tmp/shots/chip/chip-menu-en.png' });

  // Log touch: on LinkedIn the channel starts on LinkedIn message.
  await items.filter({ hasText: 'Log touch' }).click();
  await expect(chip.getByLabel('Channel')).toHaveValue('linkedin_message');
  await expect(chip.getByLabel('Channel')).toBeFocused();
  await chip.getByLabel('Note').fill('Asked about the Q1 rollout');
  await chip.getByRole('button', { name: 'Log touch' }).click();
  await expect(live).toHaveText('Touch logged: LinkedIn message');
  await expect(actions).toBeFocused();

  // Add follow-up with a preset: the chip's next follow-up appears.
  await actions.click();
  await chip.getByRole('menuitem', { name: 'Add follow-up' }).click();
  await chip.getByRole('button', { name: 'Tomorrow' }).click();
  await expect(live).toContainText('Follow-up added for');
  await expect(chip.locator('.next')).toContainText('Next');

  // Change stage to Qualification, then to Consideration, which asks first without SQL.
  await actions.click();
  await chip.getByRole('menuitem', { name: 'Change stage' }).click();
  await chip.getByRole('button', { name: 'Qualification', exact: true }).click();
  await expect(chip.locator('[data-stage="qualification"]')).toBeVisible();
  await expect(live).toHaveText('Moved to Qualification');
  await actions.click();
  await chip.getByRole('menuitem', { name: 'Change stage' }).click();
  await chip.getByRole('button', { name: 'Consideration', exact: true }).click();
  await expect(chip.getByText(/has not passed the SQL gate/)).toBeVisible();
  await chip.getByRole('button', { name: 'Move anyway' }).click();
  await expect(chip.locator('[data-stage="consideration"]')).toBeVisible();

  // Lost asks why: one of the team's reasons plus the rep's own words.
  await actions.click();
  await chip.getByRole('menuitem', { name: 'Change stage' }).click();
  await chip.getByRole('button', { name: 'Lost', exact: true }).click();
  await expect(chip.getByText('Why was this deal lost?')).toBeVisible();
  await chip.getByRole('radio', { name: 'Chose a competitor' }).check();
  await chip.getByLabel('In your own words (optional)').fill('went with a spreadsheet');
  await chip.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(chip.locator('[data-stage="lost"]')).toBeVisible();
  await expect(live).toHaveText('Moved to Lost');

  const ext = await openExtensionPage(context, extensionId, 'options.html');
  const d = await detailOf(ext, { slug: 'rizky-pratama-5e6f7a' });
  expect(d.prospect.lostReason).toBe('Chose a competitor: went with a spreadsheet');
  expect(d.touches.map((x: { channel: string; note: string }) => [x.channel, x.note])).toEqual([['linkedin_message', 'Asked about the Q1 rollout']]);
  expect(d.followUps).toHaveLength(1);
  await ext.close();

  // Open in side panel: Chrome opens the panel, or (refusing a page gesture) the panel as a tab on this person.
  await actions.click();
  const opened = context.waitForEvent('page', { timeout: 5000 }).catch(() => null);
  await chip.getByRole('menuitem', { name: 'Open in side panel' }).click();
  await expect(live).toHaveText(/Side panel opened\.|opened in a new tab/);
  if ((await live.textContent())?.includes('new tab')) {
    const tab = await opened;
    expect(tab).not.toBeNull();
    await expect(tab!).toHaveURL(/sidepanel\.html\?tabId=\d+/);
    await expect(tab!.locator('article.detail h2')).toHaveText('Rizky Pratama');
  }
});

test('chip actions in Gmail: a touch logged from mail starts on e-mail', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(THREAD);
  const anita = page.locator(`jalur-inline[data-email="${ANITA}"]`);
  await anita.getByRole('button', { name: 'Add to pipeline' }).click();
  const actions = anita.getByRole('button', { name: 'Actions' });
  await expect(actions).toBeFocused();
  await actions.click();
  await anita.getByRole('menuitem', { name: 'Log touch' }).click();
  await expect(anita.getByLabel('Channel')).toHaveValue('email');
  await anita.getByLabel('Direction').selectOption('in');
  await anita.getByRole('button', { name: 'Log touch' }).click();
  await expect(anita.locator('[aria-live="polite"]')).toHaveText('Touch logged: Email');

  await actions.click();
  await anita.getByRole('menuitem', { name: 'Add follow-up' }).click();
  await anita.getByRole('button', { name: 'Pick a date and time' }).click();
  await anita.getByLabel('Due').fill('2030-01-15T10:30');
  await anita.getByRole('button', { name: 'Add follow-up' }).click();
  await expect(anita.locator('.next')).toContainText('2030');

  const ext = await openExtensionPage(context, extensionId, 'options.html');
  const d = await detailOf(ext, { email: ANITA });
  expect(d.touches.map((x: { channel: string; direction: string }) => [x.channel, x.direction])).toEqual([['email', 'in']]);
  expect(d.followUps.map((f: { title: string }) => f.title)).toEqual(['Follow up']);
});

test('popup for a tracked person leads with stage, score, next follow-up and the quick actions; the fields fold away', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto(RIZKY);
  const chip = page.locator('jalur-inline[data-slug="rizky-pratama-5e6f7a"]');
  await chip.getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(chip.getByRole('button', { name: 'Actions' })).toBeVisible();

  const popup = await openExtensionPage(context, extensionId, `popup.html?tabId=${await tabIdOf(sw, RIZKY)}`);
  await popup.setViewportSize({ width: 380, height: 600 });
  await expect(popup.getByLabel('Stage')).toHaveValue('prospecting');
  await expect(popup.getByText('No open follow-ups.')).toBeVisible();
  await expect(popup.locator('.local-time')).toContainText('in Bandung');
  // The edit form is folded away but still on the page.
  await expect(popup.getByLabel('Name')).toBeHidden();
  await expect(popup.getByLabel('Name')).toHaveValue('Rizky Pratama');

  // Quick action: add a follow-up from a preset; the next follow-up shows first.
  const actions = popup.getByRole('region', { name: 'Actions' });
  await actions.getByRole('button', { name: 'Add follow-up' }).click();
  await actions.getByRole('button', { name: 'Next week' }).click();
  await expect(popup.locator('.next-follow-up')).toContainText('Next follow-up: Follow up');
  await expect(actions.locator('[aria-live="polite"]')).toContainText('Follow-up added for');
  await expect(chip.locator('.next')).toBeVisible();

  // Change stage to Lost from the popup asks why, like the chip.
  await actions.getByRole('button', { name: 'Change stage' }).click();
  await actions.getByRole('button', { name: 'Lost', exact: true }).click();
  await actions.getByRole('radio', { name: 'Price' }).check();
  await actions.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(popup.getByLabel('Stage')).toHaveValue('lost');
  await expect(chip.locator('[data-stage="lost"]')).toBeVisible();
  await popup.screenshot({ path: '/tmp/shots/chip/popup-en.png' });

  // The edit section opens.
  await popup.getByText('Edit details').click();
  await expect(popup.getByLabel('Name')).toBeVisible();
});

test('side panel person detail shows the local time; the Stage select asks why a deal was lost', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto(RIZKY);
  const chip = page.locator('jalur-inline[data-slug="rizky-pratama-5e6f7a"]');
  await chip.getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(chip.getByRole('button', { name: 'Actions' })).toBeVisible();
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, RIZKY)}`);
  await panel.setViewportSize({ width: 420, height: 900 });
  const detail = panel.locator('article.detail');
  await expect(detail.locator('.local-time')).toContainText(/^(?:\p{L}{3} )?\d\d:\d\d in Bandung, (working hours|outside working hours)$/u);
  await panel.screenshot({ path: '/tmp/shots/chip/sidepanel-en.png' });

  await detail.getByLabel('Stage').selectOption('lost');
  await expect(detail.getByText('Why was this deal lost?').first()).toBeVisible();
  await detail.getByRole('radio', { name: 'No budget' }).check();
  await detail.getByLabel('In your own words (optional)').fill('frozen until Q3');
  await detail.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(chip.locator('[data-stage="lost"]')).toBeVisible();
  const d = await detailOf(panel, { slug: 'rizky-pratama-5e6f7a' });
  expect(d.prospect.lostReason).toBe('No budget: frozen until Q3');
  // A lost (or won) deal does not complain about having no follow-up.
  await expect(detail.getByText('No open follow-ups.')).toHaveCount(0);
});

test('in Indonesian: the chip menu, popup and panel speak Indonesian', async () => {
  test.setTimeout(120_000);
  const { context, close } = await launchWithExtension({ lang: 'id' });
  try {
    await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
    const sw = await serviceWorker(context);
    const extensionId = new URL(sw.url()).host;
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(RIZKY);
    const chip = page.locator('jalur-inline');
    await chip.getByRole('button', { name: 'Tambah ke pipeline' }).click();
    const actions = chip.getByRole('button', { name: 'Tindakan' });
    await expect(actions).toBeFocused();
    await expect(chip.locator('[aria-live="polite"]')).toHaveText('Ditambahkan ke pipeline: Prospek');
    await actions.click();
    await expect(chip.getByRole('menuitem')).toHaveText(['Catat kontak', 'Tambah tindak lanjut', 'Ubah tahap', 'Buka di panel samping']);
    await expect(chip.locator('.local-time')).toContainText(/^(?:\p{L}{3} )?\d\d[.:]\d\d di Bandung, (jam kerja|di luar jam kerja)$/u);
    await page.screenshot({ path: '/tmp/shots/chip/chip-menu-id.png' });
    await chip.getByRole('menuitem', { name: 'Ubah tahap' }).click();
    await chip.getByRole('button', { name: 'Hilang', exact: true }).click();
    await expect(chip.getByText('Mengapa kesepakatan ini kalah?')).toBeVisible();
    await page.screenshot({ path: '/tmp/shots/chip/chip-lost-id.png' });
    await page.keyboard.press('Escape');
    await expect(actions).toBeFocused();

    const tabId = await tabIdOf(sw, RIZKY);
    const popup = await openExtensionPage(context, extensionId, `popup.html?tabId=${tabId}`);
    await popup.setViewportSize({ width: 380, height: 600 });
    await expect(popup.getByRole('button', { name: 'Catat kontak' })).toBeVisible();
    await expect(popup.getByText('Ubah detail')).toBeVisible();
    await popup.screenshot({ path: '/tmp/shots/chip/popup-id.png' });

    const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${tabId}`);
    await panel.setViewportSize({ width: 420, height: 900 });
    await expect(panel.locator('article.detail .local-time')).toContainText('di Bandung');
    await panel.screenshot({ path: '/tmp/shots/chip/sidepanel-id.png' });
  } finally {
    await close();
  }
});

test('side panel: accepting SQL offers the move to Consideration; a follow-up added in the past leaves Due on the next working slot', async ({
  context,
  sw,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(RIZKY);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, RIZKY)}`);
  const detail = panel.locator('article.detail');

  await detail.getByLabel('Follow-up', { exact: true }).fill('Missed call');
  await detail.getByLabel('Due', { exact: true }).fill('2020-03-02T10:00');
  await detail.getByRole('button', { name: 'Add follow-up' }).click();
  await expect(detail.locator('.follow-ups')).toContainText('Missed call');
  const due = await detail.getByLabel('Due', { exact: true }).inputValue();
  expect(due).not.toBe('2020-03-02T10:00');
  expect(new Date(due).getTime()).toBeGreaterThan(Date.now());

  await detail.getByLabel('Interest confirmed').check();
  await detail.getByLabel('Buying process').check();
  await detail.getByLabel('Decision-maker').check();
  await expect(detail.getByText('SQL accepted. Move to Consideration now?')).toBeVisible();
  await detail.getByRole('button', { name: 'Move to Consideration' }).click();
  await expect(detail).toHaveAttribute('data-stage', 'consideration');
});
