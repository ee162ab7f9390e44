// Scale rows (issue: a year of a busy rep's pipeline stays instant, nothing grows without bound):
// the service worker's heap after opening the board at 100,000 prospects, and what the store holds
// on disk after 100,000 prospects and 100,000 touches in local mode and in a team (the outbox above
// all). Runs inside `npm run bench`, or alone: `npx tsx test/bench/scale-rows.ts [prospects]`
// (JALUR_EXTENSION_DIR picks the build, as for the e2e tests).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from '@playwright/test';
import puppeteer from 'puppeteer-core';
import { EXTENSION_DIR, chromiumArgs, closeWelcome, serviceWorker } from '../e2e/harness';
import type { BoardSeedGlobal } from './board-seed';
import { bundleForBrowser } from './bundle';
import type { ScaleStoreGlobal, StorageFigures } from './scale-store';
import type { Row } from './table';

export const HEAP_BUDGET_MB = 150;
const READY_MARK = 'jalur:board-interactive';
const COMPLETE_MARK = 'jalur:board-complete';

/** Chromium as the e2e tests start it, plus a DevTools port so the worker's heap can be read over CDP. */
async function launch(): Promise<{ context: BrowserContext; port: number; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'jalur-scale-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
    args: [...chromiumArgs(), '--lang=en', '--remote-debugging-port=0'],
  });
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    (route) => route.abort(),
  );
  await closeWelcome(context);
  const port = Number(readFileSync(join(dir, 'DevToolsActivePort'), 'utf8').split('\n')[0]);
  return {
    context,
    port,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The service worker's used JS heap after a full garbage collection, in MB. */
async function workerHeapMb(port: number): Promise<number> {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
  try {
    const target = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 30_000 });
    const session = await target.createCDPSession();
    await session.send('HeapProfiler.enable');
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    await session.detach();
    return usedSize / 2 ** 20;
  } finally {
    await browser.disconnect();
  }
}

async function openBoard(context: BrowserContext, extensionId: string): Promise<{ readyMs: number; completeMs: number }> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html?view=board`);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, COMPLETE_MARK, { timeout: 600_000, polling: 100 });
    return await page.evaluate(
      ([r, c]) => ({ readyMs: performance.getEntriesByName(r)[0]!.startTime, completeMs: performance.getEntriesByName(c)[0]!.startTime }),
      [READY_MARK, COMPLETE_MARK] as const,
    );
  } finally {
    await page.close();
  }
}

export async function scaleRows(o: { prospects: number; touches: number }): Promise<{ rows: Row[]; raw: Record<string, unknown> }> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`no build in ${EXTENSION_DIR}: run npx wxt build first`);
  const boardSeed = await bundleForBrowser(resolve('test/bench/board-seed.ts'));
  const storeScript = await bundleForBrowser(resolve('test/bench/scale-store.ts'));
  const n = o.prospects.toLocaleString('en');
  const rows: Row[] = [];
  const raw: Record<string, unknown> = {};

  // Memory: the board opened on a store of o.prospects, the worker's heap read after a GC.
  {
    const { context, port, close } = await launch();
    try {
      const sw = await serviceWorker(context);
      const extensionId = new URL(sw.url()).host;
      await sw.evaluate(boardSeed);
      await sw.evaluate((p) => (globalThis as unknown as BoardSeedGlobal).jalurBoardSeed(p, 11), o.prospects);
      const idle = await workerHeapMb(port);
      const board = await openBoard(context, extensionId);
      const heapMb = await workerHeapMb(port);
      const again = await openBoard(context, extensionId);
      const heapAgainMb = await workerHeapMb(port);
      raw.memory = { idleMb: idle, heapMb, heapAgainMb, board, again };
      rows.push({
        what: `service-worker heap with the board open at ${n} prospects`,
        measured: `${heapMb.toFixed(1)} MB (opened again ${heapAgainMb.toFixed(1)} MB; before the board ${idle.toFixed(1)} MB)`,
        budget: `≤ ${HEAP_BUDGET_MB} MB`,
        pass: Math.max(heapMb, heapAgainMb) <= HEAP_BUDGET_MB,
        detail: raw.memory as Record<string, unknown>,
      });
    } finally {
      await close();
    }
  }

  // Storage: the same rows written through the store's own code, in local mode and in a team.
  {
    const { context, close } = await launch();
    try {
      const sw = await serviceWorker(context);
      await sw.evaluate(storeScript);
      const figures: StorageFigures = await sw.evaluate(
        ([p, t]) => (globalThis as unknown as ScaleStoreGlobal).jalurScaleStore(p, t),
        [o.prospects, o.touches] as const,
      );
      raw.storage = figures;
      const t = o.touches.toLocaleString('en');
      rows.push({
        what: `outbox in local mode after ${n} prospects + ${t} touches`,
        measured: `${figures.local.outbox} entries; store ${figures.local.usageMb.toFixed(1)} MB`,
        budget: '0 entries',
        pass: figures.local.outbox === 0,
        detail: figures.local as unknown as Record<string, unknown>,
      });
      rows.push({
        what: `outbox in a team after ${n} prospects + ${t} touches and an edit to each`,
        measured: `${figures.team.outbox} entries (${figures.team.recordFields} record fields pending, most entries on one field: ${figures.team.maxPerField}); store ${figures.team.usageMb.toFixed(1)} MB`,
        budget: '≤ 1 pending entry per record field',
        pass: figures.team.maxPerField <= 1,
        detail: figures.team as unknown as Record<string, unknown>,
      });
    } finally {
      await close();
    }
  }
  return { rows, raw };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { formatTable } = await import('./table');
  const prospects = Number(process.argv[2] ?? 100_000);
  const r = await scaleRows({ prospects, touches: prospects });
  console.log(formatTable(r.rows));
  console.log(JSON.stringify(r.raw, null, 2));
}
