// Long names on the board in Indonesian (where names run long and labels longer): a card shows a name
// on two lines, and all of it while the pointer or keyboard focus is on it; never cut without a way
// to read it. The side panel at 420×900 and a tab at 1280×900.
import type { Locator, Page } from '@playwright/test';
import { expect, serviceWorker, testInIndonesian } from './harness';

const test = testInIndonesian;

/** Longer than two lines of a card in the panel. */
const LONGEST = 'Raden Ajeng Kusumawardhani Puspitasari Wiryodiningrat';
/** Two lines of a card in the panel. */
const TWO_LINES = 'Theresia Margaretha Simanjuntak';
const PEOPLE = [
  ['raden-ajeng-kusumawardhani', LONGEST, 'PT Nusantara Logistik Berkelanjutan Tbk'],
  ['theresia-margaretha', TWO_LINES, 'PT Bank Perkreditan Rakyat Danau Toba'],
  ['budi-santoso-kopi', 'Budi Santoso', 'Warung Digital'],
] as const;

/**
 * The whole name is on screen: the button shows all of its text (nothing clipped inside it), lies
 * inside its card (which clips), and nothing of the card covers it.
 */
async function readable(name: Locator): Promise<boolean> {
  return name.evaluate((b) => {
    const card = b.closest('.card')!;
    const r = b.getBoundingClientRect();
    const c = card.getBoundingClientRect();
    const move = card.querySelector('.card-move')!;
    const m = move.getBoundingClientRect();
    const moveShown = getComputedStyle(move).opacity !== '0';
    const overlaps = moveShown && m.left < r.right && m.right > r.left && m.top < r.bottom && m.bottom > r.top;
    return (
      b.scrollHeight <= b.clientHeight + 1 &&
      b.scrollWidth <= b.clientWidth + 1 &&
      r.top >= c.top &&
      r.bottom <= c.bottom + 0.5 &&
      r.right <= c.right + 0.5 &&
      !overlaps
    );
  });
}

/** The card's three lines (name, company and score, next follow-up) all inside the card. */
async function linesInside(card: Locator): Promise<boolean> {
  return card.evaluate((c) => {
    const box = c.getBoundingClientRect();
    return [...c.children].every((row) => row.getBoundingClientRect().bottom <= box.bottom + 0.5);
  });
}

async function board(page: Page, id: string, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${id}/sidepanel.html?view=board`);
  await expect(page.locator('[data-card]')).toHaveCount(PEOPLE.length);
}

test('long names on board cards are never cut without a way to read them (Indonesian)', async ({ context }) => {
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

  const panel = await context.newPage();
  await board(panel, id, { width: 420, height: 900 });
  const name = (n: string) => panel.getByRole('button', { name: n, exact: true });
  // The full name is each button's accessible name, however much of it shows.
  for (const [, n] of PEOPLE) await expect(name(n)).toBeVisible();
  // At rest: a short name and a two-line one show whole, and every card keeps its three lines.
  expect(await readable(name('Budi Santoso'))).toBe(true);
  expect(await readable(name(TWO_LINES))).toBe(true);
  for (const card of await panel.locator('[data-card]').all()) expect(await linesInside(card)).toBe(true);

  // Keyboard: Tab from the card's checkbox to its name shows the whole name.
  await panel.getByRole('checkbox', { name: new RegExp(LONGEST) }).focus();
  await panel.keyboard.press('Tab');
  await expect(name(LONGEST)).toBeFocused();
  expect(await readable(name(LONGEST))).toBe(true);

  // Pointer: hovering the card shows it too.
  await panel.getByRole('heading', { level: 1 }).click();
  await name(LONGEST).hover();
  expect(await readable(name(LONGEST))).toBe(true);

  // A tab, six columns side by side.
  const tab = await context.newPage();
  await board(tab, id, { width: 1280, height: 900 });
  const inTab = (n: string) => tab.getByRole('button', { name: n, exact: true });
  expect(await readable(inTab('Budi Santoso'))).toBe(true);
  for (const card of await tab.locator('[data-card]').all()) expect(await linesInside(card)).toBe(true);
  await inTab(LONGEST).hover();
  expect(await readable(inTab(LONGEST))).toBe(true);
});
