// Side panel open on Today with 2,000 due items → first rows interactive (issue: ≤ 150 ms), in real
// Chromium against the built extension. Runs inside `npm run bench`, or alone:
// `npx tsx test/bench/today.ts` (JALUR_EXTENSION_DIR picks the build, as for the e2e tests).
// Each open is paired with one of a blank extension page in the same browser: on a small machine the
// page's own start (a renderer, the document, the first script's fetch) is most of the budget, and the
// floor says how much of it any extension page pays.
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from '@playwright/test';
import { EXTENSION_DIR, launchWithExtension, serviceWorker } from '../e2e/harness';
import { FollowUpSchema } from '../../lib/model';
import { BUDGETS } from './budgets';
import { bundleForBrowser } from './bundle';
import { openFloor, withFloorPage } from './floor-page';
import { median, ms, p95 } from './stats';
import type { Row } from './table';
import { todayFollowUps } from './today-rows';
import type { TodaySeedGlobal, TodaySeedResult } from './today-seed';

// Kept in step with components/sidepanel/today/Today.tsx (TODAY_*_MARK); not imported, it pulls in the UI.
const READY_MARK = 'jalur:today-interactive';
const COMPLETE_MARK = 'jalur:today-complete';
const ASKED_MARK = 'jalur:today-asked';
const ANSWERED_MARK = 'jalur:today-answered';
const WARMUP = 2;
interface Sample {
  /** Navigation start of sidepanel.html?view=today → first rows on screen with data, after paint. */
  readyMs: number;
  /** Navigation start → every row rendered. */
  completeMs: number;
  rowsAtReady: number;
  /** Where the time to the first rows goes: the page's DOMContentLoaded, and the first page's round trip. */
  domContentLoadedMs: number;
  firstPageMs: number;
  rowsTotal: number;
  countsTotal: number;
  /** Whether the first rows came from the first screen the background kept in IndexedDB. */
  stored: boolean;
}

async function openOnce(context: BrowserContext, extensionId: string): Promise<Sample> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 420, height: 900 });
  try {
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html?view=today`);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, READY_MARK, { timeout: 60_000, polling: 20 });
    const early = await page.evaluate(
      ([m, asked, answered]) => {
        // Interactive means the first row takes focus now, not merely that something was painted.
        const first = document.querySelector<HTMLElement>('.today-open');
        first?.focus();
        if (!first || document.activeElement !== first) throw new Error('no focusable row at the ready mark');
        // No helper functions in here: the bundler would wrap them in a name helper the page lacks.
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return {
          readyMs: performance.getEntriesByName(m)[0]!.startTime,
          rowsAtReady: document.querySelectorAll('.today-row').length,
          stored: performance.getEntriesByName('jalur:first-screen-stored').length > 0,
          domContentLoadedMs: nav?.domContentLoadedEventEnd ?? NaN,
          firstPageMs:
            (performance.getEntriesByName(answered)[0]?.startTime ?? NaN) - (performance.getEntriesByName(asked)[0]?.startTime ?? NaN),
        };
      },
      [READY_MARK, ASKED_MARK, ANSWERED_MARK] as const,
    );
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, COMPLETE_MARK, { timeout: 120_000, polling: 50 });
    const late = await page.evaluate((m) => {
      const counts = [...document.querySelectorAll('.group-head .count')].map((e) => Number(e.textContent));
      return {
        completeMs: performance.getEntriesByName(m)[0]!.startTime,
        rowsTotal: document.querySelectorAll('.today-row').length,
        countsTotal: counts.reduce((a, b) => a + b, 0),
      };
    }, COMPLETE_MARK);
    return { ...early, ...late };
  } finally {
    await page.close();
  }
}

export async function todayRows(o: {
  runs: number;
  prospects: number;
  due: number;
}): Promise<{ rows: Row[]; raw: Record<string, unknown> }> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`no build in ${EXTENSION_DIR}: run npx wxt build first`);
  // The seed must be rows the app itself would accept, or the queue timed is not the app's.
  for (const f of todayFollowUps(5, 200, Date.now(), ['6f1c2a3b-4d5e-4f60-8a7b-8c9d0e1f2a3b'], '6f1c2a3b-4d5e-4f60-8a7b-8c9d0e1f2a3c').rows)
    FollowUpSchema.parse(f);
  const seedScript = await bundleForBrowser(resolve('test/bench/today-seed.ts'));
  const extensionDir = withFloorPage();
  const { context, close } = await launchWithExtension({ extensionDir });
  try {
    const sw = await serviceWorker(context);
    const extensionId = new URL(sw.url()).host;
    await sw.evaluate(seedScript);
    const seeded: TodaySeedResult = await sw.evaluate(([p, d]) => (globalThis as unknown as TodaySeedGlobal).jalurTodaySeed(p, d, 17), [
      o.prospects,
      o.due,
    ] as const);
    const samples: Sample[] = [];
    const floor: number[] = [];
    for (let i = 0; i < WARMUP + o.runs; i++) {
      const f = await openFloor(context, extensionId);
      if (i >= WARMUP) floor.push(f);
      const s = await openOnce(context, extensionId);
      if (s.countsTotal !== seeded.due || s.rowsTotal !== seeded.due) {
        throw new Error(`Today showed ${s.rowsTotal} rows (${s.countsTotal} counted), the store has ${seeded.due} due`);
      }
      if (i >= WARMUP) samples.push(s);
    }
    const ready = samples.map((s) => s.readyMs);
    const n = o.due.toLocaleString('en');
    return {
      rows: [
        {
          what: `side panel open → Today interactive, ${n} due items`,
          measured: `${ms(median(ready))} median, p95 ${ms(p95(ready))}; all rows ${ms(median(samples.map((s) => s.completeMs)))}; an empty extension page paints at ${ms(median(floor))} in the same run`,
          budget: `≤ ${BUDGETS.todayInteractiveMs} ms`,
          pass: median(ready) <= BUDGETS.todayInteractiveMs,
          detail: {
            runs: ready.length,
            medianMs: median(ready),
            p95Ms: p95(ready),
            dueItems: seeded.due,
            overdueAtSeed: seeded.overdue,
            prospects: o.prospects,
            rowsAtReadyMax: Math.max(...samples.map((s) => s.rowsAtReady)),
            firstScreenFromStore: `${samples.filter((s) => s.stored).length} of ${samples.length}`,
            domContentLoadedMedianMs: median(samples.map((s) => s.domContentLoadedMs)),
            firstPageMedianMs: median(samples.map((s) => s.firstPageMs)),
            allRowsMedianMs: median(samples.map((s) => s.completeMs)),
            emptyPagePaintedMedianMs: median(floor),
            overEmptyPageMedianMs: median(samples.map((s, i) => s.readyMs - floor[i]!)),
          },
        },
      ],
      raw: { seeded, samples, floor },
    };
  } finally {
    await close();
    rmSync(extensionDir, { recursive: true, force: true });
  }
}

// Alone: print the row.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { formatTable } = await import('./table');
  const r = await todayRows({ runs: 10, prospects: 10_000, due: 2_000 });
  console.log(formatTable(r.rows));
  console.log(JSON.stringify(r.rows[0]!.detail, null, 2));
}
