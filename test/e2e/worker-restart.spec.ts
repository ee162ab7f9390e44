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

  // Idle means idle. Anything that asks the worker something after Stop starts it again at once, and
  // the stop this test is about never happens: the open side panel warms the board cache a moment
  // after it loads (a timer plus an idle callback, up to ~6 s), the chip re-reads after every change,
  // and the sync (30 s) and badge (1 min) alarms fire on their own schedule, which a loaded machine
  // reaches before Stop. So the pages close (what they showed lives in the store, not in them) and
  // the alarms are cleared (the woken worker must schedule them again, checked below).
  await panel.close();
  await page.close();
  await sw.evaluate(() => chrome.alarms.clearAll());

  await stopServiceWorker(context, sw);

  // A click on another profile's chip wakes the worker, which reopens the store and carries on.
  const other = await context.newPage();
  await other.goto(AYU);
  await other.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(other.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  const woken = await serviceWorker(context);
  expect(await isFreshWorker(context)).toBe(true);
  await expect.poll(() => badgeText(woken)).toBe('1');
  // The woken worker put its own wake-ups back.
  await expect.poll(() => woken.evaluate(async () => (await chrome.alarms.getAll()).map((a) => a.name).sort())).toEqual(['badge-tick', 'sync']);
  // The first person's chip, in a new tab, still shows what was captured before the stop.
  const again = await context.newPage();
  await again.goto(RIZKY);
  await expect(again.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  const stored = await woken.evaluate(async () => {
    const open = indexedDB.open('jalur');
    const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
    const count = (table: string) =>
      new Promise<number>((r) => {
        const req = db.transaction(table).objectStore(table).count();
        req.onsuccess = () => r(req.result);
      });
    return { prospects: await count('prospects'), stageChanges: await count('stageChanges'), followUps: await count('followUps'), outbox: await count('outbox') };
  });
  // Two captures (prospect + first stage change each) and the follow-up, all kept; the local pipeline
  // queues nothing for a server it does not have.
  expect(stored).toEqual({ prospects: 2, stageChanges: 2, followUps: 1, outbox: 0 });
});
