import { badgeText, expect, fixture, openExtensionPage, serveLinkedIn, tabIdOf, test } from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const AYU = 'https://www.linkedin.com/in/ayu-lestari-0c9d8e/';

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
});

test('the side panel follows the active tab, and ?tabId pins it to one tab', async ({ context, sw, extensionId }) => {
  const rizky = await context.newPage();
  await rizky.goto(RIZKY);
  await rizky.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(rizky.locator('jalur-inline [data-stage]')).toBeVisible();
  const ayu = await context.newPage();
  await ayu.goto(AYU);
  await expect(ayu.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' })).toBeVisible();

  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  // Ayu's tab was used last: the panel offers to clip her, prefilled.
  await expect(panel.getByLabel('Name')).toHaveValue('Ayu Lestari');

  await rizky.bringToFront();
  await expect(panel.locator('article.detail h2')).toHaveText('Rizky Pratama');
  await expect(panel.locator('article.detail')).toContainText('Kopi Kenangan Digital');
  await expect(panel.getByLabel('Stage')).toHaveValue('prospecting');

  await ayu.bringToFront();
  await expect(panel.getByLabel('Name')).toHaveValue('Ayu Lestari');

  // Clip from the panel; the page's chip updates.
  await panel.getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(panel.locator('article.detail h2')).toHaveText('Ayu Lestari');
  await expect(ayu.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();

  // In-app navigation inside the followed tab moves the panel along.
  await ayu.getByRole('link', { name: 'Home' }).click();
  await ayu.getByRole('link', { name: 'Rizky Pratama' }).click();
  await expect(panel.locator('article.detail h2')).toHaveText('Rizky Pratama');

  // Pinned: stays on its tab whatever is active.
  const pinned = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, RIZKY)}`);
  await expect(pinned.locator('article.detail h2')).toHaveText('Rizky Pratama');
  await ayu.goto(AYU);
  await ayu.bringToFront();
  await expect(panel.locator('article.detail h2')).toHaveText('Ayu Lestari');
  await expect(pinned.locator('article.detail h2')).toHaveText('Rizky Pratama');
});

test('a missed follow-up turns the badge on; Done clears it', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto(RIZKY);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(page.locator('jalur-inline [data-stage]')).toBeVisible();
  expect(await badgeText(sw)).toBe('');

  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, RIZKY)}`);
  await expect(panel.locator('article.detail h2')).toHaveText('Rizky Pratama');
  await panel.getByLabel('Follow-up').fill('Send the pricing deck');
  await panel.getByLabel('Due').fill('2026-01-05T09:30'); // already missed
  await panel.getByRole('button', { name: 'Add follow-up' }).click();
  await expect(panel.locator('.follow-ups li')).toContainText('Send the pricing deck');
  await expect.poll(() => badgeText(sw), { timeout: 2_000 }).toBe('1');
  const title = await sw.evaluate(() => chrome.action.getTitle({}));
  expect(title).toMatch(/1 overdue follow-up/);

  // A future one does not count.
  await panel.getByLabel('Follow-up').fill('Check in after the demo');
  await panel.getByLabel('Due').fill('2099-01-05T09:30');
  await panel.getByRole('button', { name: 'Add follow-up' }).click();
  await expect(panel.locator('.follow-ups li')).toHaveCount(2);
  expect(await badgeText(sw)).toBe('1');

  // The chip on the page shows the overdue follow-up.
  await expect(page.locator('jalur-inline .next.overdue')).toBeVisible();

  await panel.locator('.follow-ups li', { hasText: 'Send the pricing deck' }).getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => badgeText(sw), { timeout: 2_000 }).toBe('');
});

test('stage change and a logged touch are recorded in the panel', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto(AYU);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, AYU)}`);
  await panel.getByLabel('Stage').selectOption('consideration');
  // Past qualification without the SQL gate: the move waits for the rep's confirmation.
  await expect(panel.getByRole('alert')).toContainText('has not passed the SQL gate');
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  await panel.getByRole('button', { name: 'Move anyway' }).click();
  await expect(page.locator('jalur-inline [data-stage="consideration"]')).toContainText('Consideration');
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await panel.getByLabel('Channel').selectOption('call');
  await panel.getByLabel('Direction').selectOption('in');
  await panel.getByLabel('Note').fill('Asked for a <b>quote</b>');
  await panel.getByRole('button', { name: 'Log touch' }).click();
  await expect(panel.locator('.touches li')).toContainText('Asked for a <b>quote</b>');
  await expect(panel.locator('.touches b')).toHaveCount(0);
  // A reply lifts the score: 3 (touch) + 8 (reply) + 10 (recent two-way).
  await expect(page.locator('jalur-inline [data-stage]')).toContainText('Score 21');
  // Source is editable; temperature follows it until the rep sets it, and the score follows both.
  await expect(panel.getByLabel('Source')).toHaveValue('social_selling');
  await expect(panel.getByLabel('Temperature')).toHaveValue('cold');
  await panel.getByLabel('Source').selectOption('referral');
  await expect(panel.getByLabel('Temperature')).toHaveValue('warm');
  await expect(page.locator('jalur-inline [data-stage]')).toContainText('Score 46');
  await panel.getByLabel('Temperature').selectOption('cold');
  await panel.getByLabel('Source').selectOption('event');
  await expect(panel.getByLabel('Source')).toHaveValue('event');
  await expect(panel.getByLabel('Temperature')).toHaveValue('cold');
  await expect(page.locator('jalur-inline [data-stage]')).toContainText('Score 21');
  const history = await sw.evaluate(async () => {
    const open = indexedDB.open('jalur');
    const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
    const req = db.transaction('stageChanges').objectStore('stageChanges').count();
    return new Promise<number>((r) => (req.onsuccess = () => r(req.result)));
  });
  expect(history).toBe(2);
});

test('as time passes, a follow-up falling due turns the badge on with no other change', async ({ context, sw, extensionId }) => {
  test.setTimeout(150_000); // waits for a real minute boundary: due times are whole minutes
  const page = await context.newPage();
  await page.goto(RIZKY);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, RIZKY)}`);
  await expect(panel.locator('article.detail h2')).toHaveText('Rizky Pratama');
  // Due in the next minute but not yet: the form takes minutes, so pick the next whole minute at least 8 s away.
  const due = await panel.evaluate(() => {
    const d = new Date(Date.now() + 8_000);
    d.setSeconds(0, 0);
    d.setMinutes(d.getMinutes() + 1);
    const pad = (n: number) => String(n).padStart(2, '0');
    return {
      at: d.getTime(),
      local: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`,
    };
  });
  await panel.getByLabel('Follow-up').fill('Call back as promised');
  await panel.getByLabel('Due').fill(due.local);
  await panel.getByRole('button', { name: 'Add follow-up' }).click();
  await expect(panel.locator('.follow-ups li')).toHaveCount(1);
  expect(await badgeText(sw)).toBe('');
  const wait = due.at - Date.now() + 5_000;
  await expect.poll(() => badgeText(sw), { timeout: wait, intervals: [500] }).toBe('1');
  expect(Date.now()).toBeGreaterThanOrEqual(due.at);
});

test('a prospect quiet for longer than its stage allows is flagged stalled on the chip and in the panel', async ({
  context,
  sw,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.goto(AYU);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(page.locator('jalur-inline [data-stage]')).toBeVisible();
  await expect(page.locator('jalur-inline [data-stalled]')).toHaveCount(0);
  // Twenty days pass without a touch (prospecting allows 14): move the record's clock back.
  await sw.evaluate(async () => {
    const open = indexedDB.open('jalur');
    const db: IDBDatabase = await new Promise((r) => (open.onsuccess = () => r(open.result)));
    const store = db.transaction('prospects', 'readwrite').objectStore('prospects');
    const all: Array<Record<string, number>> = await new Promise((r) => {
      const req = store.getAll();
      req.onsuccess = () => r(req.result);
    });
    const back = 20 * 86_400_000;
    // Contacted when clipped, quiet since: gone dark is silence after contact.
    for (const p of all)
      store.put({
        ...p,
        createdAt: p.createdAt! - back,
        stageEnteredAt: p.stageEnteredAt! - back,
        updatedAt: p.updatedAt! - back,
        lastTouchAt: p.createdAt! - back,
        touchCount: Math.max(1, p.touchCount!),
      });
    await new Promise((r) => (store.transaction.oncomplete = r));
  });
  await page.reload();
  await expect(page.locator('jalur-inline [data-stalled="true"]')).toContainText('Gone dark 20 d');
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, AYU)}`);
  await expect(panel.locator('article.detail [data-stalled="true"]')).toContainText('no touch for 20 days');
  // A touch ends the silence.
  await panel.getByRole('button', { name: 'Log touch' }).click();
  await expect(page.locator('jalur-inline [data-stalled]')).toHaveCount(0);
});
