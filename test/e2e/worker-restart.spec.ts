import {
  badgeText,
  expect,
  fixture,
  isFreshWorker,
  openExtensionPage,
  serveLinkedIn,
  serviceWorker,
  stopServiceWorker,
  tabIdOf,
  test,
} from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const AYU = 'https://www.linkedin.com/in/ayu-lestari-0c9d8e/';

test('Chrome stopping the idle service worker loses nothing; the next click wakes it', async ({ context, sw, extensionId }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
  const page = await context.newPage();
  await page.goto(RIZKY);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, RIZKY)}`);
  await panel.getByLabel('Follow-up').fill('Call about the pilot');
  await panel.getByLabel('Due').fill('2026-02-01T10:00');
  await panel.getByRole('button', { name: 'Add follow-up' }).click();
  await expect.poll(() => badgeText(sw)).toBe('1');

  await stopServiceWorker(context, sw);

  // A click on another profile's chip wakes the worker, which reopens the store and carries on.
  const other = await context.newPage();
  await other.goto(AYU);
  await other.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(other.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  const woken = await serviceWorker(context);
  expect(await isFreshWorker(context)).toBe(true);
  await expect.poll(() => badgeText(woken)).toBe('1');
  await page.reload();
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  const outbox = await woken.evaluate(async () => {
    const open = indexedDB.open('jalur');
    const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
    const req = db.transaction('outbox').objectStore('outbox').getAll();
    const rows: Array<{ entity: string }> = await new Promise((r) => (req.onsuccess = () => r(req.result)));
    return rows.map((x) => x.entity);
  });
  // Two captures (prospect + first stage change each) and the follow-up, all queued for sync.
  expect(outbox.sort()).toEqual(['follow_up', 'prospect', 'prospect', 'stage_change', 'stage_change']);
});
