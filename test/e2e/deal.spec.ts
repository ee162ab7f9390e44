import { expect, fixture, openExtensionPage, serveLinkedIn, tabIdOf, test } from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const AYU = 'https://www.linkedin.com/in/ayu-lestari-0c9d8e/';

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
});

test('a deal has a value, and a lost one its reason, which insights count', async ({ context, sw, extensionId }) => {
  const page = await context.newPage();
  await page.goto(AYU);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, AYU)}`);
  await expect(panel.getByLabel('Lost reason')).toHaveCount(0);
  await panel.getByLabel('Deal value').fill('-5');
  await panel.getByRole('button', { name: 'Save deal' }).click();
  await expect(panel.getByRole('alert')).toContainText('not negative');
  await panel.getByLabel('Deal value').fill('250000000');
  await panel.getByLabel('Currency').fill('idr');
  await panel.getByRole('button', { name: 'Save deal' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  // Moving to Lost asks why first; the reason given lands in the deal's Lost reason.
  await panel.getByLabel('Stage').selectOption('lost');
  await panel.getByLabel('In your own words (optional)').fill('Chose a cheaper carrier');
  await panel.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(panel.getByLabel('Lost reason')).toHaveValue('Chose a cheaper carrier');
  await panel.getByRole('button', { name: 'Save deal' }).click();
  await panel.reload();
  await expect(panel.getByLabel('Deal value')).toHaveValue('250000000');
  await expect(panel.getByLabel('Currency')).toHaveValue('IDR');
  await expect(panel.getByLabel('Lost reason')).toHaveValue('Chose a cheaper carrier');

  await panel.getByRole('tab', { name: 'Insights' }).click();
  await expect(panel.locator('body')).toContainText('Chose a cheaper carrier');
});
