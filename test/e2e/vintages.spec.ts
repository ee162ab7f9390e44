import { VINTAGES } from '../shared/pages';
import { expect, fixture, openExtensionPage, serveLinkedIn, tabIdOf, test } from './harness';

// Full page loads of every committed markup vintage: the chip lands by the name, clips the person,
// and the record carries what the page showed. Expectations per field live in extract.test.ts.

for (const v of VINTAGES) {
  test(`${v.file}: chip by the name, clip, record`, async ({ context, sw, extensionId }) => {
    await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, fixture(`linkedin/${v.file}.html`));
    const page = await context.newPage();
    await page.goto(v.url);
    const chips = page.locator('jalur-inline');
    await expect(chips).toHaveCount(1);
    await expect(chips).toHaveAttribute('data-slug', v.slug);
    await chips.getByRole('button', { name: 'Add to pipeline' }).click();
    await expect(chips.locator('[data-stage="prospecting"]')).toBeVisible();
    const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, v.url)}`);
    await expect(panel.locator('article.detail h2')).toHaveText(v.name);
  });
}

test('hostile page text stays text: no markup, no script, capped', async ({ context, sw, extensionId }) => {
  const url = 'https://www.linkedin.com/in/J%C3%BCrgen-Sembiring-M%C3%BCller-fx6/';
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, fixture('linkedin/hostile-nonascii.html'));
  const page = await context.newPage();
  // The fixture's own <img onerror> may fire on the page itself; that is LinkedIn's markup, not ours.
  page.on('dialog', (d) => d.dismiss());
  const dialogs: string[] = [];
  await page.goto(url);
  const chip = page.locator('jalur-inline');
  await expect(chip).toHaveAttribute('data-slug', 'jürgen-sembiring-müller-fx6');
  await chip.getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(chip.locator('[data-stage]')).toBeVisible();
  await expect(chip.locator('img, script')).toHaveCount(0);
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, url)}`);
  panel.on('dialog', (d) => (dialogs.push(d.message()), d.dismiss()));
  const detail = panel.locator('article.detail');
  await expect(detail.locator('h2')).toContainText('Jürgen');
  await expect(detail.locator('img[onerror], script')).toHaveCount(0);
  const headline = (await detail.locator('.headline').textContent()) ?? '';
  expect(headline.length).toBeLessThanOrEqual(220);
  expect(headline).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  expect(dialogs).toEqual([]);
});
