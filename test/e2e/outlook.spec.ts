import { expect, openExtensionPage, serveLinkedIn, tabIdOf, test } from './harness';
import { mailSpa } from './mail-spa';

const PANE = '/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAJ2BFakeFx24%3D';
const ORIGIN = 'https://outlook.office.com';
const ANITA = 'anita.wirawan@lautbiru-logistik.example';
const BUDI = 'budi.hartono@lautbiru-logistik.example';
const OWNER = 'dewi.lestari@kopinusantara.example';

test('Outlook on the web: chips in the reading pane, list markers after in-app navigation', async ({ context, sw, extensionId }) => {
  await serveLinkedIn(
    context,
    /^https:\/\/outlook\.office\.com\//,
    mailSpa({ [PANE]: 'outlook/reading-pane-2024.html', '/mail/inbox': 'outlook/message-list.html' }),
  );
  const page = await context.newPage();
  await page.goto(ORIGIN + PANE);
  await expect(page.locator('jalur-inline')).toHaveCount(2);
  await expect(page.locator(`jalur-inline[data-email="${OWNER}"]`)).toHaveCount(0);
  const anita = page.locator(`jalur-inline[data-email="${ANITA}"]`);
  await anita.getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(anita.locator('[data-stage="prospecting"]')).toBeVisible();
  await expect(page.locator(`jalur-inline[data-email="${BUDI}"]`).getByRole('button', { name: 'Add to pipeline' })).toBeVisible();

  // The popup offers the sender first, prefilled; source is e-mail.
  const popup = await openExtensionPage(context, extensionId, `popup.html?tabId=${await tabIdOf(sw, ORIGIN + PANE)}`);
  await popup.getByLabel('Person').selectOption(BUDI);
  await expect(popup.getByLabel('Name')).toHaveValue('Budi Hartono');
  await expect(popup.getByLabel('LinkedIn URL')).toHaveValue('');
  await expect(popup.getByLabel('Source')).toHaveValue('email');
  await popup.getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(page.locator(`jalur-inline[data-email="${BUDI}"] [data-stage="prospecting"]`)).toBeVisible();

  // Back to the list, without a reload: a marker for Anita's row only.
  await page.evaluate(() => {
    history.pushState({}, '', '/mail/inbox');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.locator('jalur-inline')).toHaveCount(0);
  await expect(page.locator('jalur-mark')).toHaveCount(1);
  await expect(page.locator('jalur-mark')).toHaveAttribute('data-email', ANITA);
});

test('outlook.live.com in Indonesian, owner address not on the page: the owner is still left out', async ({ context }) => {
  const path = '/mail/0/inbox/id/AQQkADAwATNiZmYconv1%3D';
  await serveLinkedIn(context, /^https:\/\/outlook\.live\.com\//, mailSpa({ [path]: 'outlook/live-consumer.html' }));
  const page = await context.newPage();
  await page.goto('https://outlook.live.com' + path);
  const chips = page.locator('jalur-inline');
  await expect(chips).toHaveCount(2);
  expect(await chips.evaluateAll((els) => els.map((e) => e.getAttribute('data-email')))).toEqual([
    'bagus.saputra@kedaikopi.example',
    'wulan.pratiwi@kedaikopi.example',
  ]);
});
