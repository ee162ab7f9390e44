import type { BrowserContext, Page } from '@playwright/test';
import { expect, fixture, openExtensionPage, serveLinkedIn, tabIdOf, test } from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const AYU = 'https://www.linkedin.com/in/ayu-lestari-0c9d8e/';

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
});

async function clip(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(page.locator('jalur-inline [data-stage]')).toBeVisible();
  return page;
}

const section = (panel: Page, name: RegExp | string) => panel.getByRole('heading', { level: 3 }).getByRole('button', { name });

test('the person view leads with a header card; its sections fold and stay folded across reloads and people', async ({
  context,
  sw,
  extensionId,
}) => {
  await clip(context, RIZKY);
  await clip(context, AYU);
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, RIZKY)}`);
  await panel.setViewportSize({ width: 420, height: 900 });
  const header = panel.locator('article.detail header');
  await expect(header.getByRole('heading', { level: 2 })).toHaveText('Rizky Pratama');
  await expect(header).toContainText('Director of Sales at Kopi Kenangan Digital');
  // No photo on the fixture: the avatar shows initials.
  await expect(header.locator('.avatar')).toHaveText('RP');
  // The stage pill is the Stage control, and it shows the stage.
  await expect(header.getByLabel('Stage')).toHaveValue('prospecting');
  await expect(header.getByText(/^Score \d+$/)).toBeVisible();

  const names = ['Next steps', 'Cadence', /^Touches/, 'Qualification', 'Deal', 'Details'];
  for (const name of names) await expect(section(panel, name)).toHaveAttribute('aria-expanded', 'true');

  // Fold Touches and Deal: their controls leave the page's reach.
  await section(panel, /^Touches/).click();
  await section(panel, 'Deal').click();
  await expect(section(panel, /^Touches/)).toHaveAttribute('aria-expanded', 'false');
  await expect(panel.getByLabel('Channel')).toBeHidden();
  await expect(panel.getByLabel('Deal value')).toBeHidden();
  await expect(panel.getByLabel('Follow-up')).toBeVisible();

  // Remembered: after a reload, and on another person.
  await panel.reload();
  await expect(panel.locator('article.detail h2')).toHaveText('Rizky Pratama');
  await expect(section(panel, /^Touches/)).toHaveAttribute('aria-expanded', 'false');
  await expect(section(panel, 'Deal')).toHaveAttribute('aria-expanded', 'false');
  await expect(section(panel, 'Next steps')).toHaveAttribute('aria-expanded', 'true');
  const other = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, AYU)}`);
  await expect(other.locator('article.detail h2')).toHaveText('Ayu Lestari');
  await expect(section(other, /^Touches/)).toHaveAttribute('aria-expanded', 'false');

  // Keyboard: Enter on the heading's button opens it again.
  await section(panel, /^Touches/).focus();
  await panel.keyboard.press('Enter');
  await expect(panel.getByLabel('Channel')).toBeVisible();

  // Every checkbox of the SQL checklist is a 24 × 24 px target at least.
  const boxes = await panel.getByRole('group', { name: /SQL checklist/ }).getByRole('checkbox').evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect()).map((r) => [r.width, r.height]),
  );
  expect(boxes).toHaveLength(5);
  for (const [w, h] of boxes) {
    expect(w).toBeGreaterThanOrEqual(24);
    expect(h).toBeGreaterThanOrEqual(24);
  }
});

test('a wrong deal value is said on its field, which takes focus', async ({ context, sw, extensionId }) => {
  await clip(context, RIZKY);
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, RIZKY)}`);
  const value = panel.getByLabel('Deal value');
  await value.fill('-5');
  await panel.getByRole('button', { name: 'Save deal' }).click();
  await expect(value).toHaveAttribute('aria-invalid', 'true');
  await expect(value).toHaveAccessibleDescription(/not negative/);
  await expect(value).toBeFocused();
  await value.fill('12');
  await panel.getByLabel('Currency').fill('R1');
  await panel.getByRole('button', { name: 'Save deal' }).click();
  await expect(panel.getByLabel('Currency')).toHaveAccessibleDescription(/three-letter currency code/);
  await expect(panel.getByLabel('Currency')).toBeFocused();
  await expect(value).not.toHaveAttribute('aria-invalid', 'true');
});

test('the views are tabs; the More menu opens with the keyboard; light and dark follow the system', async ({ context, sw, extensionId }) => {
  await clip(context, RIZKY);
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, RIZKY)}`);
  const tabs = panel.getByRole('tablist', { name: 'Views' }).getByRole('tab');
  await expect(tabs).toHaveText(['Person', 'Today', 'Board', 'Gone dark', 'Insights']);
  await expect(panel.getByRole('tab', { name: 'Person' })).toHaveAttribute('aria-selected', 'true');
  await panel.getByRole('tab', { name: 'Today' }).click();
  await expect(panel.getByRole('tab', { name: 'Today' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByRole('tab', { name: 'Person' })).toHaveAttribute('aria-selected', 'false');
  await panel.keyboard.press('Alt+1');

  const more = panel.getByRole('button', { name: 'More actions' });
  await more.focus();
  await panel.keyboard.press('ArrowDown');
  const menu = panel.getByRole('menu', { name: 'More actions' });
  await expect(menu.getByRole('menuitem', { name: 'Open LinkedIn profile' })).toBeFocused();
  await panel.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Open in a tab' })).toBeFocused();
  await panel.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(more).toBeFocused();

  const background = () => panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await panel.emulateMedia({ colorScheme: 'light' });
  expect(await background()).toBe('rgb(255, 255, 255)');
  await panel.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).not.toBe('rgb(255, 255, 255)');
  // Dark text surfaces stay readable: the text colour is light there.
  const text = await panel.evaluate(() => getComputedStyle(document.body).color);
  const [r, g, b] = text.match(/\d+/g)!.map(Number);
  expect(r! + g! + b!).toBeGreaterThan(600);
});
