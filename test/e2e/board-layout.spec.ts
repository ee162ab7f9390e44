// The board laid out at the sizes reps use it (the side panel at 420×900, a tab at 1280×900), in
// English and Indonesian (where words run long), over a pipeline of realistic shape (the board
// bench's seed, 589 people) and a few long names: nothing cut, clipped or overlapping that has room.
//   - the count ("589 prospek") sits beside the Filters button, clear of the panel's edge; in a tab
//     it ends the filters' row on the selects' middle line;
//   - a card's follow-up date shows whole ("Gone dark"'s label gives way beside it, its days never);
//   - in a tab a company name has a line of its own, whole unless longer than the card;
//   - a long name shows whole on hover or keyboard focus inside its card, never over the next card;
//   - the page never scrolls sideways; axe finds nothing.
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { bundleForBrowser } from '../bench/bundle';
import type { BoardSeedGlobal } from '../bench/board-seed';
import { expect, launchWithExtension, serviceWorker, test } from './harness';

const PANEL = { width: 420, height: 900 };
const TAB = { width: 1280, height: 900 };
/** Longer than two lines of a card, in the panel and in a tab. */
const LONGEST = 'Raden Ajeng Kusumawardhani Puspitasari Wiryodiningrat';
const LONG_COMPANY = 'PT Nusantara Logistik Berkelanjutan Tbk';

/** With JALUR_SHOTS_DIR set, a picture of what the test looked at, to look at too. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.JALUR_SHOTS_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}

async function seed(context: BrowserContext, id: string): Promise<string> {
  const sw = await serviceWorker(context);
  await sw.evaluate(await bundleForBrowser(resolve('test/bench/board-seed.ts')));
  await sw.evaluate(() => (globalThis as unknown as BoardSeedGlobal).jalurBoardSeed(600, 7));
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  const person = await page.evaluate(
    async ([name, company]) => {
      const input = { slug: 'raden-ajeng-kusumawardhani', email: null, name, headline: null, title: 'Direktur Utama', company, location: 'Jakarta', photoUrl: null, linkedinUrl: null };
      const r = (await chrome.runtime.sendMessage({ type: 'capture', input })) as { ok: boolean; data?: { prospect: { id: string } }; error?: string };
      if (!r.ok || !r.data) throw new Error(r.error);
      // Long overdue, so the card leads its column, with the longest date a card shows (with its year).
      const dueAt = new Date(new Date().getFullYear() - 1, 0, 14, 9).getTime();
      const f = (await chrome.runtime.sendMessage({ type: 'addFollowUp', prospectId: r.data.prospect.id, title: 'Kirim penawaran', dueAt })) as { ok: boolean; error?: string };
      if (!f.ok) throw new Error(f.error);
      return r.data.prospect.id;
    },
    [LONGEST, LONG_COMPANY] as const,
  );
  await page.close();
  return person;
}

async function openBoard(context: BrowserContext, id: string, size: { width: number; height: number }): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${id}/sidepanel.html?view=board`);
  await expect(page.locator('.card-open', { hasText: LONGEST })).toBeVisible();
  // Every card is in (the first frame builds only those in view).
  await expect(page.locator('.board-shown')).toHaveText(/589|590/);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

type Box = { left: number; right: number; top: number; bottom: number };
const overlaps = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

/** Per card on screen: what of its lines is cut or covered. */
async function cardProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const box = (e: Element) => e.getBoundingClientRect();
    for (const card of document.querySelectorAll<HTMLElement>('.card[data-card]')) {
      const c = box(card);
      if (c.bottom > innerHeight || c.right > innerWidth || c.left < 0) continue;
      const name = card.querySelector('.card-open')?.textContent ?? '?';
      const next = card.querySelector<HTMLElement>('.card-next');
      if (next) {
        const n = box(next);
        if (next.scrollWidth > next.clientWidth + 0.5) found.push(`${name}: date cut (${next.textContent})`);
        if (n.right > c.right - 1 || n.bottom > c.bottom - 1) found.push(`${name}: date outside the card`);
        for (const other of card.querySelectorAll('.card-stalled > *, .card-score, .card-value, .card-company')) {
          const o = box(other);
          // Only what shows: "Gone dark"'s label, when it gives way, is on a clipped line of its own.
          const clip = box(other.closest('.card-stalled') ?? card);
          const shown = o.width > 0 && o.top >= clip.top - 0.5 && o.bottom <= clip.bottom + 0.5;
          if (shown && n.left < o.right - 0.5 && o.left < n.right - 0.5 && n.top < o.bottom - 0.5 && o.top < n.bottom - 0.5)
            found.push(`${name}: date covered by ${other.className}`);
        }
      }
      const days = card.querySelector<HTMLElement>('.card-stalled-days');
      if (days) {
        const d = box(days);
        const s = box(days.parentElement!);
        if (d.left < s.left - 0.5 || d.right > s.right + 0.5 || d.top < s.top - 0.5 || d.bottom > s.bottom + 0.5) found.push(`${name}: gone-dark days clipped`);
      }
      for (const line of card.querySelectorAll(':scope > *')) {
        if (line.classList.contains('card-move')) continue;
        if (box(line).bottom > c.bottom + 0.5) found.push(`${name}: a line below the card`);
      }
    }
    return found;
  });
}

/** In a tab: company names cut though they would fit the card's width. */
async function companiesCut(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.card[data-card] .card-company')]
      .filter((el) => {
        const card = el.closest('.card')!;
        const style = getComputedStyle(card);
        const room = card.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return el.scrollWidth > el.clientWidth + 0.5 && el.scrollWidth <= room;
      })
      .map((el) => el.textContent ?? ''),
  );
}

/** Hovered (or focused), the long name shows whole, inside its card, and the card covers no other. */
async function longNameInside(page: Page, name: Locator): Promise<void> {
  const card = name.locator('xpath=ancestor::*[@data-card][1]');
  const r = await name.evaluate((b) => {
    const c = b.closest<HTMLElement>('.card')!;
    const nb = b.getBoundingClientRect();
    const cb = c.getBoundingClientRect();
    const move = c.querySelector('.card-move')!;
    const mb = move.getBoundingClientRect();
    const others = [...c.parentElement!.querySelectorAll<HTMLElement>('.card')].filter((o) => o !== c).map((o) => o.getBoundingClientRect());
    return {
      whole: b.scrollHeight <= b.clientHeight + 1 && b.scrollWidth <= b.clientWidth + 1,
      inside: nb.top >= cb.top - 0.5 && nb.bottom <= cb.bottom + 0.5 && nb.right <= cb.right + 0.5 && nb.left >= cb.left - 0.5,
      moveCovers: getComputedStyle(move).opacity !== '0' && nb.left < mb.right && mb.left < nb.right && nb.top < mb.bottom && mb.top < nb.bottom,
      card: { left: cb.left, right: cb.right, top: cb.top, bottom: cb.bottom },
      others: others.map((o) => ({ left: o.left, right: o.right, top: o.top, bottom: o.bottom })),
    };
  });
  expect.soft(r.whole, 'the whole name shows').toBe(true);
  expect.soft(r.inside, 'inside its card').toBe(true);
  expect.soft(r.moveCovers, 'Move… does not cover it').toBe(false);
  expect.soft(r.others.filter((o) => overlaps(r.card, o)), 'no other card covered').toEqual([]);
  await expect(card).toBeVisible();
}

for (const lang of ['en', 'id'] as const) {
  test(`the board at panel and tab width: count, dates, companies and long names fit (${lang})`, async () => {
    test.setTimeout(240_000);
    const { context, close } = await launchWithExtension({ lang });
    try {
      const id = new URL((await serviceWorker(context)).url()).host;
      const person = await seed(context, id);

      // The side panel.
      const panel = await openBoard(context, id, PANEL);
      await shot(panel, `board-panel-${lang}`);
      expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANEL.width);
      const count = panel.locator('.board-shown');
      const filters = panel.locator('.board-filter-toggle');
      const [c, f, board] = [(await count.boundingBox())!, (await filters.boundingBox())!, (await panel.locator('.board').boundingBox())!];
      // Beside the Filters button, not against the panel's edge; and whole.
      expect.soft(c.x - (f.x + f.width)).toBeLessThanOrEqual(16);
      expect.soft(c.x + c.width).toBeLessThan(board.x + board.width - 24);
      expect(await count.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      expect.soft(await cardProblems(panel)).toEqual([]);

      // Move… shows over the end of the follow-up's line and covers it whole (no letters through it).
      const stalledCard = panel.locator('.card:has(.card-stalled)').first();
      await stalledCard.locator('.card-next').hover();
      const cover = await stalledCard.evaluate((card) => {
        const move = card.querySelector<HTMLElement>('.card-move')!;
        const m = move.getBoundingClientRect();
        const line = card.querySelector('.card-next')!.getBoundingClientRect();
        const band = (m.height - parseFloat(getComputedStyle(move).lineHeight)) / 2;
        return {
          shown: getComputedStyle(move).opacity === '1',
          painted: getComputedStyle(move).backgroundImage.includes('gradient'),
          spans: m.top + band <= line.top + 1 && m.bottom - band >= line.bottom - 1,
        };
      });
      expect.soft(cover).toEqual({ shown: true, painted: true, spans: true });
      await shot(panel, `board-panel-move-${lang}`);

      // A long name, hovered and then reached from the keyboard: whole, inside its card.
      const name = panel.locator('.card-open', { hasText: LONGEST });
      const rest = (await name.locator('xpath=ancestor::*[@data-card][1]').boundingBox())!;
      await name.scrollIntoViewIfNeeded();
      await name.hover();
      await longNameInside(panel, name);
      await shot(panel, `board-panel-long-name-${lang}`);
      expect.soft((await name.locator('xpath=ancestor::*[@data-card][1]').boundingBox())!.height).toBeCloseTo(rest.height, 0);
      await panel.mouse.move(0, 0);
      await panel.getByRole('checkbox', { name: new RegExp(LONGEST) }).focus();
      await panel.keyboard.press('Tab');
      await expect(name).toBeFocused();
      await longNameInside(panel, name);
      // Tab on: Move… shows, the name is back at two lines.
      await panel.keyboard.press('Tab');
      await expect(panel.getByRole('button', { name: new RegExp(`${LONGEST}`) }).and(panel.locator('.card-move'))).toBeFocused();
      await expect(panel.locator('.card-move:focus')).toHaveCSS('opacity', '1');
      const axe = await new AxeBuilder({ page: panel }).include('.board').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
      await panel.close();

      // The side panel as Chrome opens it (no view named): Open board in a tab ends the Filters line
      // (it took a line of its own above it), inside the panel.
      const side = await context.newPage();
      await side.setViewportSize(PANEL);
      await side.goto(`chrome-extension://${id}/sidepanel.html`);
      await side.locator('[role="tab"][data-tab="board"]').click();
      await expect(side.locator('.board-tab')).toBeVisible();
      await expect(side.locator('.board-shown')).toHaveText(/590/);
      const [sc, sf] = [(await side.locator('.board-shown').boundingBox())!, (await side.locator('.board-filter-toggle').boundingBox())!];
      expect.soft(sc.x - (sf.x + sf.width)).toBeLessThanOrEqual(16);
      const [tb, sideBoard] = [(await side.locator('.board-tab').boundingBox())!, (await side.locator('.board').boundingBox())!];
      expect.soft(Math.abs(tb.y + tb.height / 2 - (sf.y + sf.height / 2))).toBeLessThanOrEqual(2);
      expect.soft(tb.x).toBeGreaterThan(sc.x + sc.width);
      expect.soft(tb.x + tb.width).toBeLessThanOrEqual(sideBoard.x + sideBoard.width + 0.5);
      expect.soft(await cardProblems(side)).toEqual([]);
      await shot(side, `board-side-panel-${lang}`);
      await side.close();

      // A tab: six columns side by side.
      const tab = await openBoard(context, id, TAB);
      await shot(tab, `board-tab-${lang}`);
      expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(TAB.width);
      // The count on the selects' middle line.
      const [tc, sel] = [(await tab.locator('.board-shown').boundingBox())!, (await tab.locator('.board-filter-row select').first().boundingBox())!];
      expect.soft(Math.abs(tc.y + tc.height / 2 - (sel.y + sel.height / 2))).toBeLessThanOrEqual(2);
      expect.soft(await cardProblems(tab)).toEqual([]);
      expect.soft(await companiesCut(tab)).toEqual([]);
      const inTab = tab.locator('.card-open', { hasText: LONGEST });
      await inTab.scrollIntoViewIfNeeded();
      await inTab.hover();
      await longNameInside(tab, inTab);
      await shot(tab, `board-tab-long-name-${lang}`);
      const tabAxe = await new AxeBuilder({ page: tab }).include('.board').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
      expect(tabAxe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
      await tab.close();

      // Today at both sizes, for the pictures.
      for (const [size, label] of [
        [PANEL, 'panel'],
        [TAB, 'tab'],
      ] as const) {
        const today = await context.newPage();
        await today.setViewportSize(size);
        await today.goto(`chrome-extension://${id}/sidepanel.html?view=today`);
        await expect(today.locator('.today-row').first()).toBeVisible();
        expect(await today.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
        await shot(today, `today-${label}-${lang}`);
        await today.close();
      }

      // Opened on a person (the popup's way): the view bar marks Person.
      const opened = await context.newPage();
      await opened.setViewportSize(PANEL);
      await opened.goto(`chrome-extension://${id}/sidepanel.html?person=${person}`);
      await expect(opened.getByRole('article', { name: LONGEST })).toBeVisible();
      await expect(opened.locator('[role="tab"][aria-selected="true"]')).toHaveAttribute('data-tab', 'person');
      await shot(opened, `person-opened-panel-${lang}`);
      await opened.close();
    } finally {
      await close();
    }
  });
}
