import { expect, fixture, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker, tabIdOf, test as base } from './harness';

// The whole test runs in a browser whose UI language is Indonesian.
const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context, close } = await launchWithExtension({ lang: 'id' });
    await use(context);
    await close();
  },
});

test('in Indonesian: chip, side panel and badge tooltip speak Indonesian', async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, fixture('linkedin-spa/shell.html'));
  const sw = await serviceWorker(context);
  const url = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
  const page = await context.newPage();
  await page.goto(url);
  const chip = page.locator('jalur-inline');
  await chip.getByRole('button', { name: 'Tambah ke pipeline' }).click();
  await expect(chip.locator('[data-stage="prospecting"]')).toContainText('Prospek');
  await expect(chip.locator('[data-stage="prospecting"]')).toContainText('Skor 20');
  const panel = await openExtensionPage(context, new URL(sw.url()).host, `sidepanel.html?tabId=${await tabIdOf(sw, url)}`);
  await expect(panel.locator('html')).toHaveAttribute('lang', 'id');
  await expect(panel.getByRole('searchbox', { name: 'Cari prospek' })).toBeVisible();
  await panel.getByLabel('Tahap').selectOption('decision');
  await panel.getByRole('button', { name: 'Tetap pindahkan' }).click();
  await expect(chip.locator('[data-stage="decision"]')).toContainText('Pembelian/Keputusan');
  await panel.getByLabel('Tindak lanjut', { exact: true }).fill('Kirim penawaran');
  await panel.getByLabel('Jatuh tempo').fill('2026-01-05T09:30');
  await panel.getByRole('button', { name: 'Tambah tindak lanjut' }).click();
  await expect.poll(() => sw.evaluate(() => chrome.action.getTitle({}))).toBe('Jalur: 1 tindak lanjut terlambat');
});
