// Pages start in few files (build/page-start.ts): their first style sheets are written into the page,
// the side panel is built apart from the popup and the options page, and its start is one chunk. What
// could break: a lazy view loading a written-in sheet a second time (its rules would then come after,
// and win over, the sheets loaded since), a view losing its styles, or the side panel's start split
// into more files again.
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
  // Its start and the bundler's runtime: six before the start was kept in one chunk.
  expect(listed('sidepanel.html').scripts).toBeLessThanOrEqual(2);
});

test('a view the side panel loads later loads no written-in sheet again, and keeps its own', async ({ context, extensionId }) => {
  const written = listed('sidepanel.html').written;

  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html?view=today');
  await panel.setViewportSize({ width: 420, height: 900 });
  await expect(panel.getByRole('tab', { name: 'Today', exact: true })).toHaveAttribute('aria-selected', 'true');
  // The written-in sheets style the page: the view nav's tabs are laid out in a row, not as bare buttons.
  const navDisplay = () => panel.getByRole('tablist').evaluate((e) => getComputedStyle(e).display);
  expect(await navDisplay()).toBe('flex');

  // The board's sheets are written in with the panel's: opening it fetches none of its own (its delete
  // dialog, loaded once the board is idle, brings the dialog's), and it is styled.
  const fetchedSheets = () => panel.evaluate(() => [...document.styleSheets].flatMap((s) => (s.href && !s.disabled ? [new URL(s.href).pathname] : [])));
  await panel.getByRole('tab', { name: 'Board', exact: true }).click();
  await expect(panel.getByRole('tab', { name: 'Board', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.locator('.board')).toBeVisible();
  expect((await fetchedSheets()).filter((h) => /\/assets\/(Board|BulkBar|MovePrompt)-/.test(h))).toEqual([]);
  expect(await panel.locator('.board-cols').evaluate((e) => getComputedStyle(e).display)).toBe('flex');

  // Insights brings its own sheet; none of the written-in ones comes again.
  await panel.getByRole('tab', { name: 'Insights', exact: true }).click();
  await expect(panel.getByRole('tab', { name: 'Insights', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(fetchedSheets).toContainEqual(expect.stringMatching(/\/assets\/Insights-/));
  const sheets = await panel.evaluate(() => [...document.styleSheets].map((s) => (s.href ? new URL(s.href).pathname : null)));
  for (const w of written) expect(sheets).not.toContain(w);
  expect(await navDisplay()).toBe('flex');
});
