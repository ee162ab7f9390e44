import AxeBuilder from '@axe-core/playwright';
import { expect, fixture, openExtensionPage, serveLinkedIn, tabIdOf, test } from './harness';

// The company chip (CONTRACT.md "LinkedIn lists, messaging, feed, companies"): on a company page a
// `jalur-inline[data-company]` offers Add company, and for a tracked company says how many of its
// people are in the pipeline and in which stages; the side panel shows the account.
const SHELL = fixture('linkedin-spa/shell.html');
const SPA = fixture('linkedin/company/spa.html');
const COMPANY = 'https://www.linkedin.com/company/kopi-kenangan-digital/';
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
  await serveLinkedIn(context, /^https:\/\/www\.linkedin\.com\/company\/kopi-kenangan-digital\//, SPA);
});

const chipOf = (page: import('@playwright/test').Page, slug = 'kopi-kenangan-digital') => page.locator(`jalur-inline[data-company="${slug}"]`);

test('Add company, then clip someone who works there: the chip counts them by stage', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(COMPANY);
  const chip = chipOf(page);
  await expect(chip).toHaveCount(1);
  // Beside the company's name in the top card, nowhere else.
  await expect(page.locator('h1.org-top-card-summary__title + jalur-inline')).toHaveCount(1);
  await chip.getByRole('button', { name: 'Add company' }).click();
  await expect(chip.locator('[data-people="0"]')).toHaveText('0 people in your pipeline');
  await expect(chip.getByRole('button', { name: 'Add company' })).toHaveCount(0);

  // Rizky's profile names Kopi Kenangan Digital: clipping him links him to the account.
  await page.goto(RIZKY);
  await page.locator('jalur-inline[data-slug="rizky-pratama-5e6f7a"]').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();

  await page.goto(COMPANY);
  await expect(chip.locator('[data-people="1"]')).toHaveText('1 person in your pipeline');
  await expect(chip.locator('li[data-stage="prospecting"]')).toHaveText('1 Prospecting');
});

test('in-app navigation: About and People keep one chip, the feed has none, and back again', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(COMPANY);
  await chipOf(page).getByRole('button', { name: 'Add company' }).click();
  await expect(chipOf(page).locator('[data-people]')).toBeVisible();

  const tabs = page.getByRole('navigation', { name: 'Organization page navigation' });
  await tabs.getByRole('link', { name: 'About' }).click();
  await expect(page).toHaveURL(/\/about\/$/);
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(chipOf(page).locator('[data-people="0"]')).toBeVisible();
  await expect(page.locator('jalur-inline[data-company]')).toHaveCount(1);

  await page.getByRole('navigation', { name: 'Organization page navigation' }).getByRole('link', { name: 'People' }).click();
  await expect(page).toHaveURL(/\/people\/$/);
  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
  await expect(chipOf(page).locator('[data-people="0"]')).toBeVisible();
  await expect(page.locator('jalur-inline[data-company]')).toHaveCount(1);

  await page.locator('#global-nav').getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: 'Feed' })).toBeVisible();
  await expect(page.locator('jalur-inline[data-company]')).toHaveCount(0);

  await page.goBack();
  await expect(chipOf(page).locator('[data-people="0"]')).toBeVisible();
});

test('every vintage gets the chip and adds the company with what its page shows', async ({ context, extensionId }) => {
  const pages: Array<[string, string, string]> = [
    ['2024-about', 'https://www.linkedin.com/company/kopi-kenangan-digital/about/', 'kopi-kenangan-digital'],
    ['2025-people', 'https://www.linkedin.com/company/samudra-freight/people/', 'samudra-freight'],
    ['2026-sdui-overview', 'https://www.linkedin.com/company/borealis-tidewater-fx26/', 'borealis-tidewater-fx26'],
    ['public', 'https://id.linkedin.com/company/tanjung-harbour-robotics-fx', 'tanjung-harbour-robotics-fx'],
  ];
  const page = await context.newPage();
  for (const [file, url, slug] of pages) {
    await serveLinkedIn(context, url, fixture(`linkedin/company/${file}.html`));
    await page.goto(url);
    const chip = chipOf(page, slug);
    await chip.getByRole('button', { name: 'Add company' }).click();
    await expect(chip.locator('[data-people="0"]')).toBeVisible();
    await expect(page.locator('jalur-inline')).toHaveCount(1);
  }
  const panel = await openExtensionPage(context, extensionId, 'options.html');
  const companies = await panel.evaluate(async () => {
    const r = (await chrome.runtime.sendMessage({ type: 'companies' })) as { ok: boolean; data: { companies: Array<Record<string, unknown>> } };
    return r.data.companies.map((c) => [c.slug, c.name, c.industry, c.size, c.headquarters, c.website, c.followers]);
  });
  expect(companies).toEqual([
    ['borealis-tidewater-fx26', 'Borealis Tidewater Analytics', 'IT Services and IT Consulting', '11-50 employees', 'Makassar, South Sulawesi', 'https://borealis-tidewater.example/', 1200],
    ['kopi-kenangan-digital', 'Kopi Kenangan Digital', 'Food and Beverage Services', '201-500 employees', 'Bandung, West Java', 'https://kopi-kenangan-digital.example/', 12345],
    ['samudra-freight', 'Samudra Freight', 'Truck Transportation', '51-200 employees', 'Semarang, Central Java', null, 4200],
    ['tanjung-harbour-robotics-fx', 'Tanjung Harbour Robotics', 'Industrial Machinery Manufacturing', '51-200 employees', 'Batam, Riau Islands', 'https://tanjung-harbour.example/', 2987],
  ]);
});

test('the account in the side panel: from the company tab, to a person, and back through their company line', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto(RIZKY);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  await page.goto(COMPANY);
  // Adding the company links Rizky, clipped before it, by the company name on his profile.
  await chipOf(page).getByRole('button', { name: 'Add company' }).click();
  await expect(chipOf(page).locator('[data-people="1"]')).toBeVisible();
  await expect(chipOf(page)).toContainText('Linked 1 person already in your pipeline');

  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, COMPANY)}`);
  await panel.setViewportSize({ width: 420, height: 900 });
  const account = panel.getByRole('article', { name: 'Kopi Kenangan Digital' });
  await expect(account.getByRole('heading', { name: 'Kopi Kenangan Digital' })).toBeVisible();
  await expect(account).toContainText('Food and Beverage Services');
  await expect(account.locator('.account-people li')).toHaveCount(1);
  await expect(account.locator('.account-people [data-stage="prospecting"]')).toBeVisible();

  const axe = await new AxeBuilder({ page: panel }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await account.getByRole('button', { name: 'Rizky Pratama' }).click();
  const person = panel.getByRole('article', { name: 'Rizky Pratama' });
  await expect(person).toBeVisible();
  // Back goes to the account the person was opened from.
  await expect(panel.getByRole('button', { name: /Back to the account/ })).toBeVisible();
  await person.locator('.company-line').getByRole('button', { name: 'Kopi Kenangan Digital' }).click();
  await expect(panel.getByRole('article', { name: 'Kopi Kenangan Digital' })).toBeVisible();

  // The rep corrects the link: Rizky leaves the account, and the chip's count follows.
  await panel.getByRole('button', { name: 'Rizky Pratama' }).click();
  await person.getByRole('button', { name: 'Change account' }).click();
  await person.getByLabel('Change account').selectOption({ label: 'None' });
  await expect(person.locator('.company-line')).toContainText('None');
  await expect(chipOf(page).locator('[data-people="0"]')).toBeVisible();
});

test('Show Jalur on LinkedIn pages unticked: the company chip leaves the page; ticked, it returns', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(COMPANY);
  await expect(chipOf(page).getByRole('button', { name: 'Add company' })).toBeVisible();
  const options = await openExtensionPage(context, extensionId, 'options.html');
  const option = options.getByRole('checkbox', { name: 'Show Jalur on LinkedIn pages' });
  await option.uncheck();
  await expect(page.locator('jalur-inline')).toHaveCount(0);
  await option.check();
  await expect(chipOf(page).getByRole('button', { name: 'Add company' })).toBeVisible();
});
