// The side panel's view nav (Person, Today, Board, Gone dark, Insights) marks the view on screen. An
// account (a company) has no tab of its own: while it shows — from the tab's company page, from a
// person's company line, or with a person opened from it — no view is marked (not Today, which is not
// on screen), and choosing a view leaves the account for that view.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, fixture, openExtensionPage, serveLinkedIn, tabIdOf, test } from './harness';

const COMPANY = 'https://www.linkedin.com/company/kopi-kenangan-digital/';
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';

async function selectedTabs(panel: Page): Promise<string[]> {
  return panel.getByRole('tab', { selected: true }).allInnerTexts();
}

test('no view is marked while an account shows; a chosen view is', async ({ context, sw, extensionId }) => {
  test.setTimeout(180_000);
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, fixture('linkedin-spa/shell.html'));
  await serveLinkedIn(context, /^https:\/\/www\.linkedin\.com\/company\/kopi-kenangan-digital\//, fixture('linkedin/company/spa.html'));
  const page = await context.newPage();
  await page.goto(RIZKY);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  await page.goto(COMPANY);
  const chip = page.locator('jalur-inline[data-company="kopi-kenangan-digital"]');
  await chip.getByRole('button', { name: 'Add company' }).click();
  await expect(chip.locator('[data-people="1"]')).toBeVisible();

  // Following the tab onto the company page: the account shows, and no view is marked.
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, COMPANY)}`);
  await panel.setViewportSize({ width: 420, height: 900 });
  const account = panel.getByRole('article', { name: 'Kopi Kenangan Digital' });
  await expect(account).toBeVisible();
  await expect(panel.getByRole('tablist')).toBeVisible();
  await expect.poll(() => selectedTabs(panel)).toEqual([]);
  // The nav keeps one Tab stop (on its first view) and stays axe clean with nothing selected.
  await expect(panel.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
  const axe = await new AxeBuilder({ page: panel }).include('[role="tablist"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await panel.screenshot({ path: '/tmp/shots/quiet-mail-ui/panel-account-nav-en.png' });

  // A person opened from the account: still none (Back returns to the account).
  await account.getByRole('button', { name: 'Rizky Pratama' }).click();
  const person = panel.getByRole('article', { name: 'Rizky Pratama' });
  await expect(person).toBeVisible();
  await expect.poll(() => selectedTabs(panel)).toEqual([]);

  // Today chosen: Today shows and is marked.
  await panel.getByRole('tab', { name: /Today/ }).click();
  await expect(account).toHaveCount(0);
  await expect.poll(() => selectedTabs(panel)).toEqual(['Today']);

  // A person found from Today: Today stays marked; their company line opens the account: none again.
  await panel.getByRole('searchbox', { name: 'Search prospects' }).fill('Rizky');
  await panel.locator('.results button').first().click();
  await expect(person).toBeVisible();
  await expect.poll(() => selectedTabs(panel)).toEqual(['Today']);
  await person.locator('.company-line').getByRole('button', { name: 'Kopi Kenangan Digital' }).click();
  await expect(panel.getByRole('article', { name: 'Kopi Kenangan Digital' })).toBeVisible();
  await expect.poll(() => selectedTabs(panel)).toEqual([]);
  // Back from the account: Today, marked again; Alt+3 marks the board.
  await panel.getByRole('button', { name: /Back/ }).first().click();
  await expect(panel.getByRole('article', { name: 'Kopi Kenangan Digital' })).toHaveCount(0);
  await expect.poll(() => selectedTabs(panel)).toEqual(['Today']);
  await panel.keyboard.press('Alt+3');
  await expect.poll(() => selectedTabs(panel)).toEqual(['Board']);
});

test('a person opened directly (sidepanel.html?person=) marks Person, not Today; Back returns to Today, marked', async ({ context, extensionId }) => {
  const seed = await openExtensionPage(context, extensionId, 'options.html');
  const id = await seed.evaluate(async () => {
    const input = { slug: 'wulan-sari-dewi', email: null, name: 'Wulan Sari Dewi', headline: null, title: 'Manajer Pengadaan', company: 'PT Cahaya Timur', location: 'Bandung', photoUrl: null, linkedinUrl: null };
    const r = (await chrome.runtime.sendMessage({ type: 'capture', input })) as { ok: boolean; data?: { prospect: { id: string } }; error?: string };
    if (!r.ok || !r.data) throw new Error(r.error);
    return r.data.prospect.id;
  });
  await seed.close();
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?person=${id}`);
  await panel.setViewportSize({ width: 420, height: 900 });
  await expect(panel.getByRole('article', { name: 'Wulan Sari Dewi' })).toBeVisible();
  await expect.poll(() => selectedTabs(panel)).toEqual(['Person']);
  const axe = await new AxeBuilder({ page: panel }).include('[role="tablist"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  // Back names where it goes (the panel opened on no tab shows Today) and goes there.
  await panel.getByRole('button', { name: 'Back to Today' }).click();
  await expect(panel.getByRole('article', { name: 'Wulan Sari Dewi' })).toHaveCount(0);
  await expect.poll(() => selectedTabs(panel)).toEqual(['Today']);
});
