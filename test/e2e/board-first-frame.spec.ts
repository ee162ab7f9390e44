// The board's first frame builds only the cards in view: columns right of the window show their count
// and value but no cards yet, and a column in view has cards down to the window's bottom and no more.
// Every card a column scrolls to follows a moment later. The init script records the page the moment
// the ready mark is set (before the first frame is painted).
import { resolve } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { bundleForBrowser } from '../bench/bundle';
import type { BoardSeedGlobal } from '../bench/board-seed';
import { keptIsCurrent } from './first-screen';
import { expect, test } from './harness';

interface Column {
  stage: string;
  count: number;
  cards: number;
  left: number;
  top: number;
}
interface Frame {
  stored: boolean;
  width: number;
  height: number;
  columns: Column[];
  focused: boolean;
}

const CARD_HEIGHT = 92; // BoardColumn.tsx
const WIDE_CARD_HEIGHT = 112; // BoardColumn.tsx: a board in a tab has a fourth line per card

async function firstFrame(context: BrowserContext, extensionId: string, viewport: { width: number; height: number }) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.addInitScript(() => {
    const mark = performance.mark.bind(performance);
    performance.mark = ((name: string, options?: PerformanceMarkOptions) => {
      if (name === 'jalur:board-interactive') {
        const first = document.querySelector<HTMLElement>('.card-open');
        first?.focus();
        (window as unknown as { __firstFrame: Frame }).__firstFrame = {
          stored: performance.getEntriesByName('jalur:first-screen-stored').length > 0,
          width: window.innerWidth,
          height: window.innerHeight,
          columns: [...document.querySelectorAll<HTMLElement>('.board-col')].map((col) => {
            const list = col.querySelector('.col-cards')!.getBoundingClientRect();
            return {
              stage: col.dataset.stage ?? '?',
              count: Number(col.querySelector('.count')?.textContent ?? 0),
              cards: col.querySelectorAll('[data-card]').length,
              left: list.left,
              top: list.top,
            };
          }),
          focused: !!first && document.activeElement === first,
        };
      }
      return mark(name, options);
    }) as typeof performance.mark;
  });
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html?view=board`);
  await page.waitForFunction(() => (window as unknown as { __firstFrame?: unknown }).__firstFrame !== undefined);
  const frame = await page.evaluate(() => (window as unknown as { __firstFrame: Frame }).__firstFrame);
  return { page, frame };
}

test('the board’s first frame builds only the cards in view, with every column’s count, and the rest a moment later', async ({
  context,
  sw,
  extensionId,
}) => {
  test.setTimeout(120_000);
  await sw.evaluate(await bundleForBrowser(resolve('test/bench/board-seed.ts')));
  const { live } = await sw.evaluate(() => (globalThis as unknown as BoardSeedGlobal).jalurBoardSeed(600, 7));
  // Once from the background, then from the screen it kept.
  await (await firstFrame(context, extensionId, { width: 420, height: 900 })).page.close();
  await expect.poll(() => keptIsCurrent(sw, 'first:board'), { timeout: 15_000 }).toBe(true);

  // The side panel: two columns in view, the others to the right.
  const { page: panel, frame } = await firstFrame(context, extensionId, { width: 420, height: 900 });
  expect(frame.stored).toBe(true);
  expect(frame.focused).toBe(true);
  expect(frame.columns.reduce((n, c) => n + c.count, 0)).toBe(live);
  const inView = frame.columns.filter((c) => c.left < frame.width);
  const outOfView = frame.columns.filter((c) => c.left >= frame.width);
  expect(inView.length).toBeGreaterThan(0);
  expect(outOfView.length).toBeGreaterThan(0);
  for (const c of outOfView) expect(c.count > 0 && c.cards === 0, `${c.stage}: ${c.cards} of ${c.count} cards`).toBe(true);
  for (const c of inView) expect(c.cards, c.stage).toBe(Math.min(c.count, Math.ceil((frame.height - c.top) / CARD_HEIGHT)));

  // A moment later every column has its cards (and a few past the window's bottom, for scrolling).
  const last = panel.locator('.board-col').last();
  await last.scrollIntoViewIfNeeded();
  await expect(last.locator('[data-card]').first()).toBeVisible();
  const firstCol = inView[0]!;
  await expect
    .poll(() => panel.locator(`.board-col[data-stage="${firstCol.stage}"] [data-card]`).count())
    .toBeGreaterThan(Math.min(firstCol.count - 1, firstCol.cards));
  await panel.close();

  // A board in a tab: every column in view, each with the cards down to the window's bottom.
  const { page: tab, frame: wide } = await firstFrame(context, extensionId, { width: 1280, height: 800 });
  expect(wide.columns.every((c) => c.left < wide.width)).toBe(true);
  expect(wide.columns.reduce((n, c) => n + c.count, 0)).toBe(live);
  for (const c of wide.columns) expect(c.cards, c.stage).toBe(Math.min(c.count, Math.ceil((wide.height - c.top) / WIDE_CARD_HEIGHT)));
  await tab.close();
});
