// Pages start in few files (build/page-start.ts): their first style sheets are written into the page,
// and the side panel is built apart from the popup and the options page. What could break: a lazy view
// loading a written-in sheet a second time (its rules would then come after, and win over, the sheets
// loaded since), or a view losing its styles.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, expect, openExtensionPage, test } from './harness';

/** What a built page lists before its first script runs: scripts, style sheets to fetch, sheets written in. */
function listed(page: string) {
  const html = readFileSync(join(EXTENSION_DIR, page), 'utf8');
  return {
    scripts: [...html.matchAll(/<script type="module"[^>]*>|<link rel="modulepreload"[^>]*>/g)].length,
    fetched: [...html.matchAll(/<link rel="stylesheet"[^>]*>/g)].map((m) => m[0]).filter((l) => !/ disabled>$/.test(l)),
    written: [...html.matchAll(/<link rel="stylesheet" href="([^"]+)" disabled>/g)].map((m) => m[1]!),
    styles: [...html.matchAll(/<style>/g)].length,
  };
}

test('the pages list no style sheet to fetch and few scripts', () => {
  for (const page of ['sidepanel.html', 'popup.html', 'options.html', 'welcome.html']) {
    const l = listed(page);
    expect(l.fetched, page).toEqual([]);
    expect(l.styles, page).toBeGreaterThan(0);
    // The popup listed 17 scripts and seven style sheets; none lists more than six small scripts now.
    expect(l.scripts, page).toBeLessThanOrEqual(6);
  }
  expect(listed('popup.html').scripts).toBeLessThanOrEqual(4);
});

test('a view the side panel loads later loads no written-in sheet again, and keeps its own', async ({ context, extensionId }) => {
  const written = listed('sidepanel.html').written;

  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html?view=today');
  await panel.setViewportSize({ width: 420, height: 900 });
  await expect(panel.getByRole('tab', { name: 'Today', exact: true })).toHaveAttribute('aria-selected', 'true');
  // The written-in sheets style the page: the view nav's tabs are laid out in a row, not as bare buttons.
  const navDisplay = () => panel.getByRole('tablist').evaluate((e) => getComputedStyle(e).display);
  expect(await navDisplay()).toBe('flex');

  await panel.getByRole('tab', { name: 'Board', exact: true }).click();
  await expect(panel.getByRole('tab', { name: 'Board', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.locator('.board')).toBeVisible();
  const sheets = await panel.evaluate(() => [...document.styleSheets].map((s) => (s.href ? new URL(s.href).pathname : null)));
  // The board's own sheet came in with it; none of the written-in ones did.
  expect(sheets.some((h) => h !== null && /\/assets\/Board-/.test(h))).toBe(true);
  for (const w of written) expect(sheets).not.toContain(w);
  expect(await navDisplay()).toBe('flex');
});
