import { badgeText, expect, fixture, openExtensionPage, serveLinkedIn, tabIdOf, test } from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
});

async function notifications(sw: import('@playwright/test').Worker) {
  return sw.evaluate(() => chrome.notifications.getAll());
}

test('a follow-up falling due gives one summary notification, not repeated; the rep can turn it off', async ({
  context,
  sw,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(RIZKY);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, RIZKY)}`);
  await panel.getByLabel('Follow-up', { exact: true }).fill('Call Rizky about the trial');
  await panel.getByLabel('Due').fill('2026-01-05T09:30');
  await panel.getByRole('button', { name: 'Add follow-up' }).click();
  await expect.poll(() => badgeText(sw)).toBe('1');
  await expect.poll(() => notifications(sw)).toHaveProperty('jalur-due');
  const shown = await sw.evaluate(() => new Promise((r) => chrome.storage.local.get('notifyState', (v) => r(v.notifyState))));
  expect(shown).toMatchObject({ keys: [expect.stringMatching(/@/)] });

  // Another change that brings nothing newly due: no second notification.
  await sw.evaluate(() => chrome.notifications.clear('jalur-due'));
  await panel.getByLabel('Note').fill('Left a voicemail');
  await panel.getByRole('button', { name: 'Log touch' }).click();
  await expect(panel.locator('.touches li')).toContainText('Left a voicemail');
  await page.waitForTimeout(1000);
  expect(await notifications(sw)).not.toHaveProperty('jalur-due');

  // Turned off: a second overdue follow-up only counts on the badge.
  await sw.evaluate(() => chrome.storage.local.set({ notifyDue: false, notifyState: null }));
  await panel.getByLabel('Follow-up', { exact: true }).fill('Send the proposal');
  await panel.getByLabel('Due').fill('2026-01-06T09:30');
  await panel.getByRole('button', { name: 'Add follow-up' }).click();
  await expect.poll(() => badgeText(sw)).toBe('2');
  await page.waitForTimeout(1000);
  expect(await notifications(sw)).not.toHaveProperty('jalur-due');
});
