import { describe, expect, it } from 'vitest';
import { dateInput, periodFor, targetPeriodOf } from './period';

// vitest pins TZ to Asia/Jakarta (UTC+7): local midnight is 17:00 UTC the day before.
const now = new Date(Date.UTC(2026, 10, 2, 3, 0)); // 2 Nov 2026, 10:00 in Jakarta
const iso = (ms: number) => new Date(ms).toISOString();

describe('periodFor', () => {
  it('this month and this quarter run from local midnight and name their target', () => {
    const month = periodFor('month', now)!;
    expect([iso(month.from), iso(month.to), month.targetPeriod]).toEqual([
      '2026-10-31T17:00:00.000Z',
      '2026-11-30T17:00:00.000Z',
      '2026-11',
    ]);
    const quarter = periodFor('quarter', now)!;
    expect([iso(quarter.from), iso(quarter.to), quarter.targetPeriod]).toEqual([
      '2026-09-30T17:00:00.000Z',
      '2026-12-31T17:00:00.000Z',
      '2026-Q4',
    ]);
  });

  it('the last 90 days are whole days up to the end of today, with no target', () => {
    const p = periodFor('last90', now)!;
    expect((p.to - p.from) / 86_400_000).toBe(90);
    expect(iso(p.to)).toBe('2026-11-02T17:00:00.000Z');
    expect(p.targetPeriod).toBeNull();
  });

  it('custom dates are inclusive; a whole month, quarter or year still finds its target', () => {
    expect(periodFor('custom', now, { from: '2026-01-01', to: '2026-12-31' })!.targetPeriod).toBe('2026');
    expect(periodFor('custom', now, { from: '2026-04-01', to: '2026-06-30' })!.targetPeriod).toBe('2026-Q2');
    expect(periodFor('custom', now, { from: '2026-02-01', to: '2026-02-28' })!.targetPeriod).toBe('2026-02');
    expect(periodFor('custom', now, { from: '2026-02-02', to: '2026-02-28' })!.targetPeriod).toBeNull();
    const one = periodFor('custom', now, { from: '2026-11-02', to: '2026-11-02' })!;
    expect(one.to - one.from).toBe(86_400_000);
  });

  it('refuses an empty, impossible or backwards custom range', () => {
    expect(periodFor('custom', now, { from: '', to: '2026-11-02' })).toBeNull();
    expect(periodFor('custom', now, { from: '2026-02-31', to: '2026-03-02' })).toBeNull();
    expect(periodFor('custom', now, { from: '2026-11-03', to: '2026-11-02' })).toBeNull();
  });

  it('formats dates for date inputs and leaves odd spans without a target', () => {
    expect(dateInput(now)).toBe('2026-11-02');
    expect(targetPeriodOf(new Date(2026, 0, 1).getTime(), new Date(2026, 1, 15).getTime())).toBeNull();
  });
});
