import { badgeText, expect, fixture, openExtensionPage, serveLinkedIn, tabIdOf, test } from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
});

async function notifications(sw: import('@playwright/test').Worker) {
  return sw.evaluate(() => chrome.notifications.getAll());
}

// How the test knows a notification was NOT shown without waiting a while: the background answers a
// change only after its badge and notification check for that change (entrypoints/background/index.ts:
// the request's reply waits for afterChange, which awaits refreshBadgeAndNotify). The panel empties a
// form's field once that answer is in, so from then on whatever that check would show is already shown.
// The first step checks this order holds: the check's record is written by the time the field empties.

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
  await expect(panel.getByLabel('Follow-up', { exact: true })).toHaveValue('');
  // Answered: the badge and the notification check for this change are done (read once, not polled).
  expect(await badgeText(sw)).toBe('1');
  const shown = await sw.evaluate(() => new Promise((r) => chrome.storage.local.get('notifyState', (v) => r(v.notifyState))));
  expect(shown).toMatchObject({ keys: [expect.stringMatching(/@/)] });
  await expect.poll(() => notifications(sw)).toHaveProperty('jalur-due');

  // Another change that brings nothing newly due: no second notification.
  await sw.evaluate(() => chrome.notifications.clear('jalur-due'));
  await panel.getByLabel('Note').fill('Left a voicemail');
  await panel.getByRole('button', { name: 'Log touch' }).click();
  await expect(panel.getByLabel('Note')).toHaveValue('');
  expect(await notifications(sw)).not.toHaveProperty('jalur-due');
  await expect(panel.locator('.touches li')).toContainText('Left a voicemail');
  expect(await notifications(sw)).not.toHaveProperty('jalur-due');

  // Turned off: a second overdue follow-up only counts on the badge.
  await sw.evaluate(() => chrome.storage.local.set({ notifyDue: false, notifyState: null }));
  await panel.getByLabel('Follow-up', { exact: true }).fill('Send the proposal');
  await panel.getByLabel('Due').fill('2026-01-06T09:30');
  await panel.getByRole('button', { name: 'Add follow-up' }).click();
  await expect(panel.getByLabel('Follow-up', { exact: true })).toHaveValue('');
  expect(await badgeText(sw)).toBe('2');
  expect(await notifications(sw)).not.toHaveProperty('jalur-due');
});
