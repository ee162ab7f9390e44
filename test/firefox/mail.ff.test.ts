// Gmail and Outlook on the web in Firefox: a chip per external participant (never the mailbox
// owner), clipping from the chip, a person clipped in Gmail recognised in Outlook, list markers after
// in-app navigation. One Firefox; the Outlook test builds on the Gmail one (Anita clipped there).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAIL } from '../shared/pages';
import { button, click, count, inChip, launchFirefox, until, type Firefox } from './harness';

let ff: Firefox;
beforeAll(async () => {
  ff = await launchFirefox();
  ff.serve(/^https:\/\/mail\.google\.com\//, MAIL.gmail.app());
  ff.serve(/^https:\/\/outlook\.office\.com\//, MAIL.outlook.app());
});
afterAll(async () => {
  await ff?.close();
});

const emails = (page: import('puppeteer-core').Page, tag = 'jalur-inline') =>
  page.$$eval(tag, (els) => els.map((e) => e.getAttribute('data-email')).sort());

it('Gmail: a chip per external participant, never the mailbox owner; clip one', async () => {
  const page = await ff.open(MAIL.gmail.thread);
  expect(await until(async () => ((await emails(page)).length === 2 ? emails(page) : null), 'two chips')).toEqual(
    [MAIL.anita, MAIL.budi].sort(),
  );
  expect(await count(page, `jalur-inline[data-email="${MAIL.owner}"]`)).toBe(0);
  await page.waitForSelector(button('Add to pipeline', `jalur-inline[data-email="${MAIL.budi}"]`));
  await click(page, button('Add to pipeline', `jalur-inline[data-email="${MAIL.anita}"]`));
  await inChip(page, '[data-stage="prospecting"]', `jalur-inline[data-email="${MAIL.anita}"]`);
  // The chips sit in the thread's header, not in the hidden list behind it.
  expect(
    await page.$eval(`jalur-inline[data-email="${MAIL.anita}"]`, (el) => !!el.closest('[role="main"]') && !el.closest('tr.zA')),
  ).toBe(true);
  await page.close();
});

it('Outlook: the person clipped in Gmail is recognised, another is clipped, list markers after in-app navigation', async () => {
  const page = await ff.open(MAIL.outlook.origin + MAIL.outlook.pane);
  await until(async () => (await emails(page)).length === 2, 'two chips');
  expect(await count(page, `jalur-inline[data-email="${MAIL.owner}"]`)).toBe(0);
  await inChip(page, '[data-stage="prospecting"]', `jalur-inline[data-email="${MAIL.anita}"]`);
  await click(page, button('Add to pipeline', `jalur-inline[data-email="${MAIL.budi}"]`));
  await inChip(page, '[data-stage="prospecting"]', `jalur-inline[data-email="${MAIL.budi}"]`);

  // Back to the list, without a reload: markers for the tracked senders' rows.
  await page.evaluate(() => {
    history.pushState({}, '', '/mail/inbox');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await until(async () => (await count(page, 'jalur-inline')) === 0, 'the reading-pane chips to go');
  const marked = await until(async () => ((await emails(page, 'jalur-mark')).length ? emails(page, 'jalur-mark') : null), 'list markers');
  expect(marked).toContain(MAIL.anita);
  await page.close();
});
