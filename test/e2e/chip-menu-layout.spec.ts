// How the chip's Actions menu looks on a LinkedIn profile: the stages under Change stage are whole
// rows like the menu's items (the one in focus highlighted across the popover, not just its word),
// and the Actions button's arrow stands apart from its word.
import { expect, fixture, serveLinkedIn, test } from './harness';

const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';

test('chip menu: stages are whole rows like the menu items, and the Actions arrow stands apart', async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, fixture('linkedin-spa/shell.html'));
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(RIZKY);
  const chip = page.locator('jalur-inline');
  await chip.getByRole('button', { name: 'Add to pipeline' }).click();
  const actions = chip.getByRole('button', { name: 'Actions' });
  await actions.click();

  // The arrow after "Actions" is not glued to the word.
  const gap = await actions.evaluate((b) => {
    const word = document.createRange();
    word.selectNodeContents(b.firstChild!);
    return b.querySelector('span')!.getBoundingClientRect().left - word.getBoundingClientRect().right;
  });
  expect(gap).toBeGreaterThanOrEqual(2);

  const itemWidth = (await chip.getByRole('menuitem', { name: 'Log touch' }).boundingBox())!.width;
  await chip.getByRole('menuitem', { name: 'Change stage' }).click();
  const stages = chip.locator('.qa-stages button');
  await expect(stages).toHaveCount(6);
  await expect(chip.getByRole('button', { name: 'Qualification', exact: true })).toBeFocused();
  for (const box of await stages.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width))) {
    expect(Math.abs(box - itemWidth)).toBeLessThanOrEqual(1);
  }
});
