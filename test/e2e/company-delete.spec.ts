import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, fixture, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker, tabIdOf, test } from './harness';

// Delete company in the side panel's account view: a confirmation naming the company, the account
// and its people's links gone, a toast with Undo that brings both back. In English, and the same
// screens in Indonesian. Screenshots of each screen go to /tmp/shots/companies-data/ (to be looked at).
const SHELL = fixture('linkedin-spa/shell.html');
const SPA = fixture('linkedin/company/spa.html');
const COMPANY = 'https://www.linkedin.com/company/kopi-kenangan-digital/';
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const SHOTS = '/tmp/shots/companies-data';

const W = {
  en: {
    add: 'Add to pipeline',
    addCompany: 'Add company',
    del: 'Delete company',
    title: 'Delete Kopi Kenangan Digital?',
    body: 'Its people (1) stay in your pipeline',
    cancel: 'Cancel',
    deleted: 'Kopi Kenangan Digital deleted',
    undo: 'Undo',
    back: 'Kopi Kenangan Digital is back',
    gone: 'This company is not in your pipeline',
    export: 'Export companies (CSV)',
  },
  id: {
    add: 'Tambah ke pipeline',
    addCompany: 'Tambah perusahaan',
    del: 'Hapus perusahaan',
    title: 'Hapus Kopi Kenangan Digital?',
    body: 'Orang-orangnya (1) tetap di pipeline',
    cancel: 'Batal',
    deleted: 'Kopi Kenangan Digital dihapus',
    undo: 'Urungkan',
    back: 'Kopi Kenangan Digital kembali',
    gone: 'Perusahaan ini belum ada di pipeline Anda',
    export: 'Ekspor perusahaan (CSV)',
  },
};

async function flow(context: BrowserContext, sw: Worker, extensionId: string, lang: 'en' | 'id'): Promise<void> {
  const w = W[lang];
  mkdirSync(SHOTS, { recursive: true });
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
  await serveLinkedIn(context, /^https:\/\/www\.linkedin\.com\/company\/kopi-kenangan-digital\//, SPA);
  const page = await context.newPage();
  await page.goto(RIZKY);
  await page.locator('jalur-inline').getByRole('button', { name: w.add }).click();
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  await page.goto(COMPANY);
  const chip = page.locator('jalur-inline[data-company="kopi-kenangan-digital"]');
  await chip.getByRole('button', { name: w.addCompany }).click();
  await expect(chip.locator('[data-people="1"]')).toBeVisible();

  const panel: Page = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, COMPANY)}`);
  await panel.setViewportSize({ width: 420, height: 900 });
  const account = panel.getByRole('article', { name: 'Kopi Kenangan Digital' });
  await expect(account.locator('.account-people li')).toHaveCount(1);
  await panel.screenshot({ path: `${SHOTS}/account-${lang}.png` });

  // Asks first, naming the company and how many people lose their link; Cancel changes nothing.
  await account.getByRole('button', { name: w.del }).click();
  const dialog = panel.getByRole('dialog', { name: w.title });
  await expect(dialog).toContainText(w.body);
  await panel.screenshot({ path: `${SHOTS}/delete-confirm-${lang}.png` });
  await dialog.getByRole('button', { name: w.cancel }).click();
  await expect(dialog).toHaveCount(0);
  await expect(account.getByRole('button', { name: w.del })).toBeFocused();

  await account.getByRole('button', { name: w.del }).click();
  await dialog.getByRole('button', { name: w.del }).click();
  const toast = panel.getByRole('status').filter({ hasText: w.deleted });
  await expect(toast.getByRole('button', { name: w.undo })).toBeVisible();
  // The account is gone from the panel and from the page's chip; Rizky stays, without an account.
  await expect(panel.getByText(w.gone)).toBeVisible();
  await expect(chip.getByRole('button', { name: w.addCompany })).toBeVisible();
  await panel.screenshot({ path: `${SHOTS}/delete-toast-${lang}.png` });
  const linked = () =>
    panel.evaluate(async () => {
      const r = (await chrome.runtime.sendMessage({ type: 'detail', slug: 'rizky-pratama-5e6f7a' })) as { ok: boolean; data: { prospect: { companyId?: string | null } } | null };
      return r.ok ? (r.data?.prospect.companyId ?? null) : 'error';
    });
  await expect.poll(linked).toBeNull();

  // Undo: the account and Rizky's link come back.
  await toast.getByRole('button', { name: w.undo }).click();
  await expect(panel.getByRole('status').filter({ hasText: w.back })).toBeVisible();
  await expect(account.locator('.account-people li')).toHaveCount(1);
  await expect(account.getByRole('button', { name: 'Rizky Pratama' })).toBeVisible();
  await expect(chip.locator('[data-people="1"]')).toBeVisible();
  await expect.poll(linked).not.toBeNull();
  await panel.screenshot({ path: `${SHOTS}/undo-${lang}.png` });

  // The options' export offers the companies file.
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await options.setViewportSize({ width: 1280, height: 900 });
  const exportButton = options.getByRole('button', { name: w.export });
  await exportButton.scrollIntoViewIfNeeded();
  await expect(exportButton).toBeVisible();
  await options.screenshot({ path: `${SHOTS}/options-export-${lang}.png` });
}

test('Delete company: confirmation naming it, account and links gone, Undo brings both back', async ({ context, sw, extensionId }) => {
  test.setTimeout(120_000);
  await flow(context, sw, extensionId, 'en');
});

test('Delete company in Indonesian: the same screens speak Indonesian', async () => {
  test.setTimeout(120_000);
  const { context, close } = await launchWithExtension({ lang: 'id' });
  try {
    const sw = await serviceWorker(context);
    await flow(context, sw, new URL(sw.url()).host, 'id');
  } finally {
    await close();
  }
});
