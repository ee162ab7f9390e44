import { describe, expect, it } from 'vitest';
import { T0, testStore, person } from '../../test/unit/store-helpers';
import { captureProspect, setStage } from './commands';
import { lostBeyond, monthsBefore, runRetention } from './retention';

const DAY = 86_400_000;

describe('retention', () => {
  it('counts months on the calendar', () => {
    expect(new Date(monthsBefore(Date.UTC(2026, 2, 31), 1)).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(new Date(monthsBefore(Date.UTC(2026, 10, 2, 3), 12)).toISOString()).toBe('2025-11-02T03:00:00.000Z');
  });

  it('picks only prospects lost for longer than the months chosen', () => {
    const stages = [
      { id: 'open', kind: 'open' as const },
      { id: 'lost', kind: 'lost' as const },
    ];
    const now = Date.UTC(2026, 10, 2);
    const ids = lostBeyond(
      [
        { id: 'old-lost', stageId: 'lost', stageEnteredAt: Date.UTC(2026, 3, 1) },
        { id: 'new-lost', stageId: 'lost', stageEnteredAt: Date.UTC(2026, 9, 1) },
        { id: 'old-open', stageId: 'open', stageEnteredAt: Date.UTC(2020, 0, 1) },
      ],
      stages,
      now,
      6,
    );
    expect(ids).toEqual(['old-lost']);
  });

  it('is off by default, erases lost prospects past the limit once a day, and leaves everyone else', async () => {
    const { ctx, set } = await testStore();
    const gone = (await captureProspect(ctx, person('old-lost-1', 'Lama Hilang'))).prospect;
    const kept = (await captureProspect(ctx, person('still-open-2', 'Masih Buka'))).prospect;
    await setStage(ctx, gone.id, 'lost');
    set(T0 + 200 * DAY);
    expect(await runRetention(ctx, null)).toEqual({ erased: 0 });
    expect(await ctx.db.prospects.get(gone.id)).toBeDefined();
    expect(await runRetention(ctx, 12)).toEqual({ erased: 0 }); // lost for 200 days only
    set(T0 + 400 * DAY);
    expect(await runRetention(ctx, 12)).toEqual({ erased: 1 });
    expect(await ctx.db.prospects.get(gone.id)).toBeUndefined();
    expect(await ctx.db.prospects.get(kept.id)).toBeDefined();
    // Once a day: a second run the same day does nothing.
    await setStage(ctx, kept.id, 'lost');
    set(T0 + 400 * DAY + 1000);
    expect(await runRetention(ctx, 1)).toEqual({ erased: 0 });
  });
});
