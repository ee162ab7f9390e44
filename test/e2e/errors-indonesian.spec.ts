import { expect, fixture, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker, tabIdOf, test as base } from './harness';

// A browser whose UI language is Indonesian: what the background refuses must read in Indonesian too.
const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context, close } = await launchWithExtension({ lang: 'id' });
    await use(context);
    await close();
  },
});

test('in Indonesian: a refused capture names the field in Indonesian, with no English from the background', async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, fixture('linkedin-spa/shell.html'));
  const sw = await serviceWorker(context);
  const url = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('jalur-inline').getByRole('button', { name: 'Tambah ke pipeline' })).toBeVisible();
  const popup = await openExtensionPage(context, new URL(sw.url()).host, `popup.html?tabId=${await tabIdOf(sw, url)}`);
  await popup.setViewportSize({ width: 380, height: 600 });
  // The background validates the address (zod) and refuses it.
  await popup.getByLabel('Email').fill('bukan-alamat');
  await popup.getByRole('button', { name: 'Tambah ke pipeline' }).click();
  const alert = popup.getByRole('alert');
  await expect(alert).toHaveText('“Email” tidak valid: perbaiki lalu coba lagi.');
  await expect(popup.locator('body')).not.toContainText(/Invalid request|must be|Invalid email/);
  await popup.screenshot({ path: '/tmp/shots/polish/popup-error-id.png' });
  // Nothing was saved: the chip still offers to add the person.
  await expect(page.locator('jalur-inline').getByRole('button', { name: 'Tambah ke pipeline' })).toBeVisible();
});

base('in English: the same refusal reads in English', async ({ context, sw, extensionId }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, fixture('linkedin-spa/shell.html'));
  const url = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' })).toBeVisible();
  const popup = await openExtensionPage(context, extensionId, `popup.html?tabId=${await tabIdOf(sw, url)}`);
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.getByLabel('Email').fill('not-an-address');
  await popup.getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(popup.getByRole('alert')).toHaveText('“Email” is not valid: correct it and try again.');
  await popup.screenshot({ path: '/tmp/shots/polish/popup-error-en.png' });
});
