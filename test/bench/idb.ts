import { resolve } from 'node:path';
import { FollowUpSchema, ProspectSchema } from '../../lib/model';
import { BUDGETS } from './budgets';
import { launchPlain } from './browser';
import { bundleForBrowser } from './bundle';
import { followUpRows, prng, prospectRows } from './rows';
import { median, ms, p95 } from './stats';
import type { BenchGlobal, StoreBenchOptions, StoreBenchResult } from './store-bench';
import type { Row } from './table';

const ORIGIN = 'https://bench.jalur.test';
// Cross-origin isolation lifts performance.now() from 100 µs to 5 µs steps, fine enough for sub-ms lookups.
const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

/** The generator must produce rows the app itself would accept, or the indexes measured are not the app's. */
function checkRowsAreValid(): void {
  const rand = prng(1);
  const now = Date.now();
  const stageId = '6f1c2a3b-4d5e-4f60-8a7b-8c9d0e1f2a3b';
  const { rows } = prospectRows(rand, 0, 500, now, [stageId]);
  for (const p of rows) ProspectSchema.parse(p);
  for (const f of followUpRows(
    rand,
    500,
    now,
    rows.map((p) => p.id),
  ).rows)
    FollowUpSchema.parse(f);
}

export async function storeRows(opts: Omit<StoreBenchOptions, 'dbName'>): Promise<{ rows: Row[]; raw: StoreBenchResult }> {
  checkRowsAreValid();
  const script = await bundleForBrowser(resolve('test/bench/store-bench.ts'));
  const { context, close } = await launchPlain();
  try {
    await context.route(`${ORIGIN}/**`, (route) => {
      const isScript = new URL(route.request().url()).pathname === '/store-bench.js';
      return route.fulfill({
        status: 200,
        headers: { ...ISOLATED, 'Content-Type': isScript ? 'text/javascript' : 'text/html; charset=utf-8' },
        body: isScript ? script : '<!doctype html><title>store bench</title><script src="/store-bench.js"></script>',
      });
    });
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/`);
    const raw = await page.evaluate((o) => (globalThis as unknown as BenchGlobal).jalurBench.measure(o), {
      ...opts,
      dbName: 'jalur-bench',
    });
    if (raw.overdueCounted !== raw.overdueExpected)
      throw new Error(`overdueCount() said ${raw.overdueCounted}, the seed has ${raw.overdueExpected} overdue`);
    return { rows: toRows(opts, raw), raw };
  } finally {
    await close();
  }
}

function toRows(o: Omit<StoreBenchOptions, 'dbName'>, r: StoreBenchResult): Row[] {
  const n = o.prospects.toLocaleString('en');
  const lookup = (what: string, samples: number[], extra: Record<string, unknown>): Row => ({
    what: `lookup by ${what} among ${n} prospects`,
    measured: `${ms(median(samples))} median, p95 ${ms(p95(samples))}`,
    budget: `≤ ${BUDGETS.lookupMedianMs} ms median`,
    pass: median(samples) <= BUDGETS.lookupMedianMs,
    detail: { samples: samples.length, medianMs: median(samples), p95Ms: p95(samples), ...extra },
  });
  return [
    lookup('slug', r.slugHitMs, {
      missMedianMs: median(r.slugMissMs),
      missP95Ms: p95(r.slugMissMs),
      firstLookupAfterOpenMs: r.firstLookupMs,
      crossOriginIsolated: r.crossOriginIsolated,
    }),
    lookup('e-mail', r.emailHitMs, {}),
    lookup('member id', r.memberIdHitMs, {}),
    {
      what: `overdue count among ${o.followUps.toLocaleString('en')} follow-ups`,
      measured: `${ms(median(r.overdueMs))} median, p95 ${ms(p95(r.overdueMs))}`,
      budget: `≤ ${BUDGETS.overdueCountMs} ms`,
      pass: median(r.overdueMs) <= BUDGETS.overdueCountMs,
      detail: {
        runs: r.overdueMs.length,
        medianMs: median(r.overdueMs),
        p95Ms: p95(r.overdueMs),
        overdue: r.overdueCounted,
        backlogOverdue: r.backlog.overdue,
        backlogMedianMs: median(r.backlog.ms),
        seededOverdue: r.overdueExpected,
        // The first read after a bulk seed counts in full; later reads count only what fell due since.
        firstFullCountMs: r.overdueMs[0],
        backlogFirstMs: r.backlog.ms[0],
        seedMs: r.seedMs,
      },
    },
  ];
}
