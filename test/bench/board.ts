// Side panel open → board interactive with 10,000 prospects (DESIGN.md §6), in real Chromium against
// the built extension. Runs inside `npm run bench`, or alone: `npx tsx test/bench/board.ts`
// (JALUR_EXTENSION_DIR picks the build, as for the e2e tests). At the side panel's size, 420×900; each
// open with the worker running is paired with one of a blank extension page in the same browser, the
// floor any extension page pays on this machine. ./board-ab.ts times two builds in turns.
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from '@playwright/test';
import { EXTENSION_DIR, launchWithExtension, serviceWorker, stopServiceWorker } from '../e2e/harness';
import { ProspectSchema } from '../../lib/model';
import { boardProspects } from './board-rows';
import type { BoardSeedGlobal, BoardSeedResult } from './board-seed';
import { BUDGETS } from './budgets';
import { bundleForBrowser } from './bundle';
import { openFloor, PANEL, withFloorPage } from './floor-page';
import { prng } from './rows';
import { median, ms, p95 } from './stats';
import type { Row } from './table';

// Kept in step with components/sidepanel/board/Board.tsx (BOARD_READY_MARK, BOARD_COMPLETE_MARK); not imported, it pulls in the UI.
const READY_MARK = 'jalur:board-interactive';
const COMPLETE_MARK = 'jalur:board-complete';
const WARMUP = 2;
export interface Sample {
  /** Navigation start of sidepanel.html → the board's ready mark (first render with data, after paint). */
  readyMs: number;
  /** Navigation start → every card in the panel (local filtering, full scrolling). */
  completeMs: number;
  /** What the page had parsed and run by then, for reading a regression. */
  domContentLoadedMs: number;
  cardsInDom: number;
  countsTotal: number;
  /** Whether the first cards came from the first screen the background kept in IndexedDB. */
  stored: boolean;
}

export async function openBoard(context: BrowserContext, extensionId: string, withCards = true, viewport = PANEL): Promise<Sample> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  try {
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html?view=board`);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, READY_MARK, { timeout: 30_000, polling: 20 });
    const sample = await page.evaluate(
      ([m, cards]) => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const counts = [...document.querySelectorAll('.board-col .count')].map((e) => Number(e.textContent));
        // Interactive means a card takes focus now, not merely that something was painted.
        const first = document.querySelector<HTMLElement>('.card-open');
        first?.focus();
        if (cards && (!first || document.activeElement !== first)) throw new Error('no focusable card at the ready mark');
        return {
          readyMs: performance.getEntriesByName(m)[0]!.startTime,
          domContentLoadedMs: nav.domContentLoadedEventEnd,
          cardsInDom: document.querySelectorAll('[data-card]').length,
          stored: performance.getEntriesByName('jalur:first-screen-stored').length > 0,
          countsTotal: counts.reduce((a, b) => a + b, 0),
        };
      },
      [READY_MARK, withCards] as const,
    );
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, COMPLETE_MARK, { timeout: 30_000, polling: 50 });
    const completeMs = await page.evaluate((m) => performance.getEntriesByName(m)[0]!.startTime, COMPLETE_MARK);
    return { ...sample, completeMs };
  } finally {
    await page.close();
  }
}

/** The board request alone, from an extension page: the background's share and the reply's size. */
async function requestOnce(context: BrowserContext, extensionId: string): Promise<{ ms: number; bytes: number }> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return await page.evaluate(async () => {
      const t0 = performance.now();
      const reply = await chrome.runtime.sendMessage({ type: 'board' });
      const ms = performance.now() - t0;
      return { ms, bytes: JSON.stringify(reply).length };
    });
  } finally {
    await page.close();
  }
}

/** The seed must be rows the app itself would accept, or the board timed is not the app's. */
function checkRowsAreValid(): void {
  for (const p of boardProspects(prng(3), 0, 500, Date.now(), ['6f1c2a3b-4d5e-4f60-8a7b-8c9d0e1f2a3b'])) ProspectSchema.parse(p);
}

export async function boardRows(o: { runs: number; prospects: number }): Promise<{ rows: Row[]; raw: Record<string, unknown> }> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`no build in ${EXTENSION_DIR}: run npx wxt build first`);
  checkRowsAreValid();
  const seedScript = await bundleForBrowser(resolve('test/bench/board-seed.ts'));
  const extensionDir = withFloorPage();
  const { context, close } = await launchWithExtension({ extensionDir });
  try {
    const sw = await serviceWorker(context);
    const extensionId = new URL(sw.url()).host;
    // The same panel over an empty store first: what the page itself costs, before any prospect.
    const empty: Sample[] = [];
    for (let i = 0; i < WARMUP + o.runs; i++) {
      const s = await openBoard(context, extensionId, false);
      if (i >= WARMUP) empty.push(s);
    }
    await sw.evaluate(seedScript);
    const seeded: BoardSeedResult = await sw.evaluate((n) => (globalThis as unknown as BoardSeedGlobal).jalurBoardSeed(n, 11), o.prospects);

    const samples: Sample[] = [];
    const floor: number[] = [];
    let first!: Sample;
    for (let i = 0; i < WARMUP + o.runs; i++) {
      const f = await openFloor(context, extensionId);
      if (i >= WARMUP) floor.push(f);
      const s = await openBoard(context, extensionId);
      if (s.countsTotal !== seeded.live) throw new Error(`board counted ${s.countsTotal} prospects, the store has ${seeded.live}`);
      if (i === 0) first = s;
      if (i >= WARMUP) samples.push(s);
    }
    const requests = [];
    for (let i = 0; i < 5; i++) requests.push(await requestOnce(context, extensionId));
    // The panel opened right after Chrome stopped an idle worker: start-up and a full read of the store.
    const cold: Sample[] = [];
    for (let i = 0; i < 3; i++) {
      await stopServiceWorker(context, await serviceWorker(context));
      cold.push(await openBoard(context, extensionId));
    }

    const ready = samples.map((s) => s.readyMs);
    const coldReady = cold.map((c) => c.readyMs);
    const n = o.prospects.toLocaleString('en');
    return {
      rows: [
        {
          what: `side panel open → board interactive, ${n} prospects, worker asleep`,
          measured: `${ms(median(coldReady))} median of ${coldReady.length}, worst ${ms(Math.max(...coldReady))}`,
          budget: `≤ ${BUDGETS.boardInteractiveMs} ms`,
          pass: median(coldReady) <= BUDGETS.boardInteractiveMs,
          detail: {
            runs: coldReady.length,
            readyMs: coldReady,
            allCardsMs: cold.map((c) => c.completeMs),
            domContentLoadedMs: cold.map((c) => c.domContentLoadedMs),
            firstScreenFromStore: `${cold.filter((c) => c.stored).length} of ${cold.length}`,
          },
        },
        {
          what: `side panel open → board interactive, ${n} prospects, worker running`,
          measured: `${ms(median(ready))} median, p95 ${ms(p95(ready))}; an empty extension page paints at ${ms(median(floor))} in the same run`,
          budget: `≤ ${BUDGETS.boardWarmMs} ms`,
          pass: median(ready) <= BUDGETS.boardWarmMs,
          detail: {
            runs: ready.length,
            viewport: `${PANEL.width}×${PANEL.height}`,
            medianMs: median(ready),
            emptyPagePaintedMedianMs: median(floor),
            overEmptyPageMedianMs: median(samples.map((s, i) => s.readyMs - floor[i]!)),
            p95Ms: p95(ready),
            liveProspects: seeded.live,
            openFollowUps: seeded.openFollowUps,
            cardsInDomMax: Math.max(...samples.map((s) => s.cardsInDom)),
            firstScreenFromStore: `${samples.filter((s) => s.stored).length} of ${samples.length}`,
            domContentLoadedMedianMs: median(samples.map((s) => s.domContentLoadedMs)),
            emptyStoreMedianMs: median(empty.map((s) => s.readyMs)),
            allCardsMedianMs: median(samples.map((s) => s.completeMs)),
            workerJustStartedMs: cold.map((c) => c.readyMs),
            workerJustStartedAllCardsMs: cold.map((c) => c.completeMs),
            firstOpenAfterSeedMs: samples.length ? first.readyMs : null,
            boardRequestMedianMs: median(requests.map((r) => r.ms)),
            boardReplyBytes: requests[0]!.bytes,
          },
        },
      ],
      raw: { seeded, empty, samples, floor, requests, cold },
    };
  } finally {
    await close();
    rmSync(extensionDir, { recursive: true, force: true });
  }
}

// Alone: print the row.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { formatTable } = await import('./table');
  const r = await boardRows({ runs: 10, prospects: 10_000 });
  console.log(formatTable(r.rows));
  for (const row of r.rows) console.log(JSON.stringify(row.detail, null, 2));
}
