// A board card whose name runs past two lines grows to show all of it while the pointer or keyboard
// focus is on it, and the cards below move down by as much: the next card's name, checkbox and menu
// stay in sight and under the pointer (they used to be covered). The side panel at 420×900 and a tab
// at 1280×900, in English and Indonesian.
import type { Locator, Page } from '@playwright/test';
import { expect, launchWithExtension, serviceWorker, test } from './harness';

/** Longer than two lines of a card, in the panel and in a tab's narrower columns. */
const LONGEST = 'Raden Ajeng Kusumawardhani Puspitasari Wiryodiningrat';
// Captured in this order, the long name sits first in Prospecting with the others below it.
const PEOPLE = [
  ['budi-santoso-kopi', 'Budi Santoso', 'Warung Digital'],
  ['theresia-margaretha', 'Theresia Margaretha Simanjuntak', 'PT Bank Perkreditan Rakyat Danau Toba'],
  ['raden-ajeng-kusumawardhani', LONGEST, 'PT Nusantara Logistik Berkelanjutan Tbk'],
] as const;

/** The card after `card` in its column, by position on screen. */
async function next(page: Page, card: Locator): Promise<Locator> {
  const index = Number(await card.getAttribute('data-index'));
  return card.locator('xpath=..').locator(`[data-card][data-index="${index + 1}"]`);
}

/** Nothing of one card lies over the other, and what the lower one offers is what the pointer finds. */
async function clear(upper: Locator, lower: Locator): Promise<void> {
  const a = (await upper.boundingBox())!;
  const b = (await lower.boundingBox())!;
  expect(b.y).toBeGreaterThanOrEqual(a.y + a.height);
  for (const part of ['.card-select', '.card-open', '.card-more']) {
    const hit = await lower.locator(part).evaluate((el) => {
      const r = el.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return top !== null && (top === el || el.contains(top));
    });
    expect(hit, `${part} of the card below is in sight`).toBe(true);
  }
}

/** The whole name shows: nothing clipped inside the button, and the button inside its card. */
async function wholeName(name: Locator): Promise<boolean> {
  return name.evaluate((b) => {
    const r = b.getBoundingClientRect();
    const c = b.closest('.card')!.getBoundingClientRect();
    return b.scrollHeight <= b.clientHeight + 1 && r.bottom <= c.bottom + 0.5;
  });
}

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.JALUR_SHOTS_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}

for (const lang of ['en', 'id'] as const) {
  test(`board: a card showing a long name pushes the next card down, never covers it (${lang})`, async () => {
    const { context, close } = await launchWithExtension({ lang });
    try {
      const sw = await serviceWorker(context);
      const id = new URL(sw.url()).host;
      const seed = await context.newPage();
      await seed.goto(`chrome-extension://${id}/options.html`);
      await seed.evaluate(async (people) => {
        for (const [slug, name, company] of people) {
          const input = { slug, email: null, name, headline: null, title: 'Direktur Utama', company, location: 'Jakarta', photoUrl: null, linkedinUrl: null };
          const r = (await chrome.runtime.sendMessage({ type: 'capture', input })) as { ok: boolean; error?: string };
          if (!r.ok) throw new Error(r.error);
        }
      }, PEOPLE);
      await seed.close();

      for (const [where, size] of [
        ['panel', { width: 420, height: 900 }],
        ['tab', { width: 1280, height: 900 }],
      ] as const) {
        const page = await context.newPage();
        await page.setViewportSize(size);
        await page.goto(`chrome-extension://${id}/sidepanel.html?view=board`);
        await expect(page.locator('[data-card]')).toHaveCount(PEOPLE.length);
        const name = page.getByRole('button', { name: LONGEST, exact: true });
        const card = page.locator('[data-card]', { has: name });
        const below = await next(page, card);
        await expect(below).toHaveCount(1);
        const restTop = (await below.boundingBox())!.y;

        // Pointer on the card: all of the name, and the card below moved down clear of it.
        await name.hover();
        await expect.poll(() => wholeName(name)).toBe(true);
        await expect.poll(async () => (await below.boundingBox())!.y).toBeGreaterThan(restTop);
        await clear(card, below);
        await shot(page, `board-grow-${where}-hover-${lang}`);

        // Pointer away: back where it was.
        await page.getByRole('heading', { level: 1 }).hover();
        await expect.poll(async () => (await below.boundingBox())!.y).toBe(restTop);

        // Keyboard: Tab from the card's checkbox to its name does the same.
        await card.locator('.card-select').focus();
        await page.keyboard.press('Tab');
        await expect(name).toBeFocused();
        await expect.poll(() => wholeName(name)).toBe(true);
        await expect.poll(async () => (await below.boundingBox())!.y).toBeGreaterThan(restTop);
        await clear(card, below);
        // Tab on to its Move…, still the card in hand.
        await page.keyboard.press('Tab');
        await expect(card.locator('.card-move')).toBeFocused();
        await clear(card, below);
        await page.close();
      }
    } finally {
      await close();
    }
  });
}
