// The side panel starts in few files (build/page-start.ts): its first style sheets are written into the
// page, its shared start modules are one chunk. What could break: a lazy view loading a written-in sheet
// a second time (its rules would then come after, and win over, the sheets loaded since), or a view
// losing its styles.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, expect, openExtensionPage, test } from './harness';

test('the side panel lists no style sheet to fetch and few scripts, and a lazy view loads no written-in sheet again', async ({
  context,
  extensionId,
}) => {
  const html = readFileSync(join(EXTENSION_DIR, 'sidepanel.html'), 'utf8');
  const fetched = [...html.matchAll(/<link rel="stylesheet"[^>]*>/g)].map((m) => m[0]).filter((l) => !/ disabled>$/.test(l));
  expect(fetched).toEqual([]);
  expect(html).toMatch(/<style>/);
  const scripts = [...html.matchAll(/<script type="module"[^>]*>|<link rel="modulepreload"[^>]*>/g)];
  expect(scripts.length).toBeLessThanOrEqual(3);
  const written = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)" disabled>/g)].map((m) => m[1]!);

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
