// The background's own import (`previewImport` / `applyImport` requests) writes in slices sized by
// time, as the options page's does: a chip's lookup waits for at most one slice's transaction.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import type { ImportProgress } from '../store/import';
import { handleRequest } from './handle';
import { onImportProgress } from './handle-data';

function csv(n: number): string {
  const lines = ['Name,Email,LinkedIn URL'];
  for (let i = 0; i < n; i++) lines.push(`Orang ${i},orang${i}@contoh.co.id,https://www.linkedin.com/in/orang-${i}/`);
  return lines.join('\n');
}

/**
 * Imports `rows` through the background's request on a machine where writing a prospect costs
 * `msPerRow`: the clock the slices are timed by (performance.now) moves only as prospects are written,
 * so a slice's time is its rows' cost, whatever else reads the clock meanwhile. Answers the rows of
 * each slice of the dry run and of the import, in order.
 */
async function importAt(rows: number, msPerRow: number) {
  const { ctx } = await testStore(undefined, { queue: false });
  let now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  ctx.db.prospects.hook('creating', () => {
    now += msPerRow;
  });
  const seen: ImportProgress[] = [];
  onImportProgress((p) => seen.push(p));
  const text = csv(rows);
  const sizes = (phase: ImportProgress['phase']) => {
    const done = seen.splice(0).filter((p) => p.phase === phase).map((p) => p.done);
    return done.map((d, i) => d - (done[i - 1] ?? 0));
  };
  const preview = await handleRequest(ctx, { type: 'previewImport', text, skipBadRows: false });
  expect(preview).toMatchObject({ ok: true, data: { creates: rows } });
  const checked = sizes('checking');
  const result = await handleRequest(ctx, { type: 'applyImport', text, skipBadRows: false });
  expect(result).toMatchObject({ ok: true, data: { created: rows } });
  expect(await ctx.db.prospects.count()).toBe(rows);
  return { checked, written: sizes('importing') };
}

afterEach(() => {
  vi.restoreAllMocks();
  onImportProgress(() => undefined);
});

describe("the background's import writes slices sized by time, as the options page's", () => {
  it('on a quick machine the slices grow, twofold a step, up to 1,000 rows', async () => {
    // 1/64 ms a row (costs in binary fractions keep the sums exact): 1,000 rows take 16 ms of the 40.
    const { written } = await importAt(3000, 1 / 64);
    expect(written).toEqual([100, 200, 400, 800, 1000, 500]);
  });

  it('on a slow, busy machine they shrink to fit about 40 ms, never under 100 rows', async () => {
    // 0.25 ms a row: 160 rows fill the 40 ms; at 1 ms a row even the floor of 100 rows takes 100 ms.
    expect((await importAt(900, 0.25)).written).toEqual([100, 160, 160, 160, 160, 160]);
    expect((await importAt(500, 1)).written).toEqual([100, 100, 100, 100, 100]);
  });

  it("the dry run, planned on the worker's own thread, keeps to slices of 250 rows", async () => {
    const { checked } = await importAt(600, 1 / 64);
    expect(checked).toEqual([250, 250, 100]);
  });
});
