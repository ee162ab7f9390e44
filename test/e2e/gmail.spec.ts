import { expect, fixture, openExtensionPage, serveLinkedIn, tabIdOf, test } from './harness';
import { mailSpa } from './mail-spa';

const BASE = 'https://mail.google.com/mail/u/0/';
const THREAD = `${BASE}#inbox/FMfcgzQXJWbdTqLmNpRsVwXyZbCdFgHk`;
const OWNER = 'dewi.lestari@kopinusantara.example';
const ANITA = 'anita.wirawan@lautbiru-logistik.example';
const BUDI = 'budi.hartono@lautbiru-logistik.example';

test.beforeEach(async ({ context }) => {
  const app = mailSpa({
    '/mail/u/0/#inbox': 'gmail/inbox-list.html',
    '/mail/u/0/#inbox/FMfcgzQXJWbdTqLmNpRsVwXyZbCdFgHk': 'gmail/thread-2024.html',
    '/mail/u/0/#label/Clients%2FJakarta/FMfcgzQXKcVnMbLpJhGfDsAqWeRtYuIo': 'gmail/thread-cc-sent.html',
  });
  await serveLinkedIn(context, /^https:\/\/mail\.google\.com\//, app);
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, fixture('linkedin-spa/shell.html'));
});

test('a chip per external participant, never the mailbox owner; clip one', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(THREAD);
  const chips = page.locator('jalur-inline');
  await expect(chips).toHaveCount(2);
  await expect(page.locator(`jalur-inline[data-email="${OWNER}"]`)).toHaveCount(0);
  const anita = page.locator(`jalur-inline[data-email="${ANITA}"]`);
  await expect(page.locator(`jalur-inline[data-email="${BUDI}"]`).getByRole('button', { name: 'Add to pipeline' })).toBeVisible();
  await anita.getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(anita.locator('[data-stage="prospecting"]')).toContainText('Prospecting');
  // The chips sit in the thread's header, not in the hidden list behind it.
  expect(await anita.evaluate((el) => !!el.closest('[role="main"]') && !el.closest('tr.zA'))).toBe(true);
});

test('log the open message as a touch in one click', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto(THREAD);
  const anita = page.locator(`jalur-inline[data-email="${ANITA}"]`);
  await anita.getByRole('button', { name: 'Add to pipeline' }).click();
  await anita.getByRole('button', { name: 'Log this email' }).click();
  await expect(anita.getByRole('button', { name: 'Email logged' })).toBeDisabled();
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, THREAD)}`);
  await expect(panel.locator('article.detail h2')).toHaveText('Anita Wirawan');
  await expect(panel.locator('.touches li').first()).toContainText('Email');
  const subject = (await page.locator('h2.hP').textContent())!.trim();
  await expect(panel.locator('.touches li').first()).toContainText(subject);
});

test('a correspondent already clipped from LinkedIn is linked by address, not duplicated', async ({ context, sw, extensionId }) => {
  const li = await context.newPage();
  await li.goto('https://www.linkedin.com/in/rizky-pratama-5e6f7a/');
  await li.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(li.locator('jalur-inline [data-stage]')).toBeVisible();

  const page = await context.newPage();
  await page.goto(THREAD);
  await expect(page.locator('jalur-inline')).toHaveCount(2);
  const popup = await openExtensionPage(context, extensionId, `popup.html?tabId=${await tabIdOf(sw, THREAD)}`);
  await popup.getByLabel('Person').selectOption(BUDI);
  await expect(popup.getByLabel('Email')).toHaveValue(BUDI);
  await expect(popup.getByLabel('Name')).toHaveValue('Budi Hartono');
  await popup.getByRole('searchbox', { name: 'Find prospect to link' }).fill('Rizky');
  await popup.getByRole('button', { name: /Add address to Rizky Pratama/ }).click();

  const budi = page.locator(`jalur-inline[data-email="${BUDI}"]`);
  await expect(budi.locator('[data-stage="prospecting"]')).toBeVisible();
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await panel.getByRole('searchbox', { name: 'Search prospects' }).fill('Rizky');
  await expect(panel.locator('.results li')).toHaveCount(1);
  await panel.locator('.results button').first().click();
  await expect(panel.locator('article.detail')).toContainText(BUDI);
});

test('hash navigation between list and conversations updates chips and list markers without a reload', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(THREAD);
  await page.locator(`jalur-inline[data-email="${ANITA}"]`).getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(page.locator(`jalur-inline[data-email="${ANITA}"] [data-stage]`)).toBeVisible();
  const loads: string[] = [];
  page.on('load', () => loads.push(page.url()));

  await page.evaluate(() => (location.hash = '#inbox'));
  await expect(page.locator('jalur-inline')).toHaveCount(0);
  // Anita is tracked: her inbox row gets a stage marker; untracked senders get none.
  const marks = page.locator('jalur-mark');
  await expect(marks).toHaveCount(1);
  await expect(marks).toHaveAttribute('data-email', ANITA);
  await expect(marks.locator('[data-stage="prospecting"]')).toContainText('Prospecting');

  await page.evaluate(() => (location.hash = '#label/Clients%2FJakarta/FMfcgzQXKcVnMbLpJhGfDsAqWeRtYuIo'));
  await expect(page.locator('jalur-inline')).toHaveCount(5);
  await expect(page.locator('jalur-mark')).toHaveCount(0);
  await expect(
    page.locator('jalur-inline[data-email="citra.dewanti@apotek-sehat.example"]').getByRole('button', { name: 'Add to pipeline' }),
  ).toBeVisible();

  await page.goBack();
  await expect(page.locator('jalur-mark')).toHaveCount(1);
  await page.goBack();
  await expect(page.locator(`jalur-inline[data-email="${ANITA}"] [data-stage="prospecting"]`)).toBeVisible();
  expect(loads).toEqual([]);
});

test('typing a reply does not rescan the conversation', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(THREAD);
  const chips = page.locator('jalur-inline');
  await expect(chips).toHaveCount(2);
  // A scan puts back any chip missing from the page, while taking one of our own chips out wakes no
  // scan (the watch ignores Jalur's own elements). So a chip taken out shows whether a scan ran since.
  const takeOutBudi = () => page.locator(`jalur-inline[data-email="${BUDI}"]`).evaluate((el) => el.remove());
  const mainRegion = page.locator('[role="main"]').first();

  // Opening the reply box is a change to the conversation: it is scanned, and the chip comes back.
  await takeOutBudi();
  await expect(chips).toHaveCount(1);
  await mainRegion.evaluate((main) => {
    const box = document.createElement('div');
    box.contentEditable = 'true';
    box.setAttribute('role', 'textbox');
    box.id = 'reply-box';
    main.append(box);
  });
  await expect(chips).toHaveCount(2);

  await chips.evaluateAll((els) => els.forEach((e) => ((e as HTMLElement).dataset.gen = 'first')));
  await takeOutBudi();
  await page.locator('#reply-box').evaluate((box) => {
    for (let i = 0; i < 50; i++) box.append(document.createTextNode(`typing ${i} `));
  });
  // A scan is scheduled for the next animation frame (components/chip/mail-inline.tsx), so once two
  // frames have passed any scan the typing woke has run: the chip would be back.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await chips.count()).toBe(1);
  // Same chip element for Anita: nothing was torn down and rebuilt.
  expect(await chips.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.gen))).toEqual(['first']);

  // And the probe is sound: a change outside the reply box is scanned, and the chip comes back.
  await mainRegion.evaluate((main) => main.append(document.createElement('div')));
  await expect(chips).toHaveCount(2);
});

test('the side panel follows the conversation open in a Gmail tab', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto(THREAD);
  await expect(page.locator('jalur-inline')).toHaveCount(2);
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, THREAD)}`);
  await expect(panel.getByLabel('Email')).toHaveValue(ANITA);
  await page.evaluate(() => (location.hash = '#label/Clients%2FJakarta/FMfcgzQXKcVnMbLpJhGfDsAqWeRtYuIo'));
  await expect(page.locator('jalur-inline')).toHaveCount(5);
  await expect(panel.getByLabel('Person')).toBeVisible();
  // The owner wrote last; the latest external sender is offered first.
  await expect(panel.getByLabel('Email')).toHaveValue('citra.dewanti@apotek-sehat.example');
  await page.evaluate(() => (location.hash = '#inbox'));
  // Back in the inbox there is no person in the tab: the panel, still following the tab, shows the day's queue.
  await expect(panel.getByRole('region', { name: "Today's queue" })).toBeVisible();
  await expect(panel.getByLabel('Email')).toHaveCount(0);
});
