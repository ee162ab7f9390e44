import { badgeText, expect, fixture, openExtensionPage, serveLinkedIn, tabIdOf, test } from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
});

test('clip from the inline chip: stage and score appear in place of the button', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(RIZKY);
  const chip = page.locator('jalur-inline[data-slug="rizky-pratama-5e6f7a"]');
  await expect(chip).toHaveCount(1);
  // The chip sits next to the name, not somewhere else on the page.
  await expect(page.locator('h1 + jalur-inline, h1 ~ jalur-inline')).toHaveCount(1);
  await chip.getByRole('button', { name: 'Add to pipeline' }).click();
  const stage = chip.locator('[data-stage="prospecting"]');
  await expect(stage).toContainText('Prospecting');
  await expect(stage).toContainText('Score 20'); // "Director" is a senior title
  await expect(chip.getByRole('button', { name: 'Add to pipeline' })).toHaveCount(0);
});

test('after in-app navigation from the feed, the chip follows the profile in view', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  await expect(page.locator('jalur-inline')).toHaveCount(0);
  await page.getByRole('link', { name: 'Ayu Lestari' }).click();
  await expect(page).toHaveURL(/\/in\/ayu-lestari-0c9d8e\//);
  const chip = page.locator('jalur-inline[data-slug="ayu-lestari-0c9d8e"]');
  await chip.getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(chip.locator('[data-stage="prospecting"]')).toBeVisible();

  // On to someone else through search, still without a page load.
  await page.getByRole('link', { name: 'Search' }).click();
  await expect(page.locator('jalur-inline')).toHaveCount(0);
  await page.getByRole('link', { name: 'Rizky Pratama' }).click();
  const next = page.locator('jalur-inline[data-slug="rizky-pratama-5e6f7a"]');
  await expect(next.getByRole('button', { name: 'Add to pipeline' })).toBeVisible();
  await expect(page.locator('jalur-inline')).toHaveCount(1);

  // Back to the tracked person: recognised again.
  await page.goBack();
  await page.goBack();
  await expect(page.locator('jalur-inline[data-slug="ayu-lestari-0c9d8e"] [data-stage="prospecting"]')).toBeVisible();
});

test('revisiting the same person, by another URL form, never creates a duplicate', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(RIZKY);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(page.locator('jalur-inline [data-stage]')).toBeVisible();

  for (const url of [
    'https://id.linkedin.com/in/Rizky-Pratama-5e6f7a?trk=public_profile',
    'https://www.linkedin.com/in/rizky-pratama-5e6f7a/#experience',
    RIZKY,
  ]) {
    await page.goto(url);
    const chip = page.locator('jalur-inline');
    await expect(chip.locator('[data-stage="prospecting"]')).toBeVisible();
    await expect(chip.getByRole('button', { name: 'Add to pipeline' })).toHaveCount(0);
  }
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await panel.getByRole('searchbox', { name: 'Search prospects' }).fill('Rizky');
  await expect(panel.locator('.results li')).toHaveCount(1);
});

test('clip from the popup with an edited field', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto(RIZKY);
  await expect(page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' })).toBeVisible();
  const tabId = await tabIdOf(sw, RIZKY);

  const popup = await openExtensionPage(context, extensionId, `popup.html?tabId=${tabId}`);
  await expect(popup.getByLabel('Name')).toHaveValue('Rizky Pratama');
  await expect(popup.getByLabel('Headline')).toHaveValue('Director of Sales at Kopi Kenangan Digital');
  await expect(popup.getByLabel('Company')).toHaveValue('Kopi Kenangan Digital');
  await expect(popup.getByLabel('Location')).toHaveValue('Bandung, West Java, Indonesia');
  await expect(popup.getByLabel('Email')).toHaveValue('');
  await expect(popup.getByLabel('LinkedIn URL')).toHaveValue(RIZKY);
  await popup.getByLabel('Title').fill('Chief Revenue Officer');
  await popup.getByRole('button', { name: 'Add to pipeline' }).click();

  await expect(popup.getByLabel('Stage')).toHaveValue('prospecting');
  // The chip on the page learns about it without a reload.
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();

  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${tabId}`);
  await expect(panel.locator('article.detail')).toContainText('Chief Revenue Officer');

  // Changing the stage in the popup is recorded and shows on the page.
  await popup.getByLabel('Stage').selectOption('qualification');
  await expect(page.locator('jalur-inline [data-stage="qualification"]')).toContainText('Qualification');
});

test('a profile whose name cannot be read can still be clipped by typing it in the popup', async ({ context, sw, extensionId }) => {
  const url = 'https://www.linkedin.com/in/nameless-person-42/';
  // A future layout Jalur does not know: a top card, but no name anywhere it looks.
  await serveLinkedIn(
    context,
    url,
    `<!doctype html><html><head><title>LinkedIn</title></head><body><main><section class="artdeco-card pv-top-card" data-member-id="1"><div class="pv-text-details__left-panel"><div><h1 class="text-heading-xlarge"></h1></div><div class="text-body-medium break-words">Head of Growth at Example Co</div></div></section></main></body></html>`,
  );
  const page = await context.newPage();
  await page.goto(url);
  const popup = await openExtensionPage(context, extensionId, `popup.html?tabId=${await tabIdOf(sw, url)}`);
  await expect(popup.getByText('Jalur could not read the name on this page')).toBeVisible();
  await expect(popup.getByLabel('LinkedIn URL')).toHaveValue(url);
  await expect(popup.getByLabel('Name')).toHaveValue('');
  await popup.getByLabel('Name').fill('Nadia Kurniawan');
  await popup.getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(popup.getByLabel('Stage')).toHaveValue('prospecting');
  // Tracked now: where the page shows nothing, the form shows the saved record.
  await expect(popup.getByLabel('Name')).toHaveValue('Nadia Kurniawan');
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await panel.getByRole('searchbox', { name: 'Search prospects' }).fill('Nadia');
  await expect(panel.locator('.results li')).toHaveCount(1);
});
