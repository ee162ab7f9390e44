import { describe, expect, it } from 'vitest';
import { DAY_MS } from './staleness';
import { countStalled, countStalledByStage, listStalled, type StalledStage } from './stalled';

const NOW = Date.UTC(2026, 10, 26, 9, 0, 0);
const stages: StalledStage[] = [
  { id: 'prospecting', kind: 'open', staleDays: 14 },
  { id: 'decision', kind: 'open', staleDays: 7 },
  { id: 'forever', kind: 'open', staleDays: null },
  { id: 'won', kind: 'won', staleDays: null },
  { id: 'lost', kind: 'lost', staleDays: null },
  { id: 'removed', kind: 'open', staleDays: 1, deletedAt: NOW - DAY_MS },
];
const p = (id: string, stageId: string, quietDays: number, extra: object = {}) => ({
  id,
  stageId,
  lastTouchAt: NOW - quietDays * DAY_MS,
  stageEnteredAt: NOW - 100 * DAY_MS,
  createdAt: NOW - 200 * DAY_MS,
  ...extra,
});

const prospects = [
  p('a', 'prospecting', 15),
  p('b', 'decision', 30),
  p('c', 'decision', 8),
  p('d', 'prospecting', 14), // exactly at the limit: not yet
  p('e', 'forever', 300),
  p('f', 'won', 300),
  p('g', 'lost', 300),
  p('h', 'removed', 300),
  p('i', 'nowhere', 300),
  p('j', 'decision', 40, { deletedAt: NOW }),
  p('k', 'decision', 8, { lastTouchAt: null, stageEnteredAt: NOW - 8 * DAY_MS }), // never touched since entering
  p('l', 'prospecting', 15),
];

describe('stalled prospects across the pipeline', () => {
  it('lists only open-stage prospects past their stage’s limit, longest silence first', () => {
    const list = listStalled(prospects, stages, NOW);
    expect(list.map((x) => [x.prospect.id, x.silenceDays])).toEqual([
      ['b', 30],
      ['a', 15],
      ['l', 15],
      ['c', 8],
      ['k', 8],
    ]);
  });
  it('counts the same prospects, overall and per stage', () => {
    expect(countStalled(prospects, stages, NOW)).toBe(5);
    expect(Object.fromEntries(countStalledByStage(prospects, stages, NOW))).toEqual({ decision: 3, prospecting: 2 });
  });
  it('a touch clears it; raising the limit clears it', () => {
    expect(countStalled([p('a', 'prospecting', 0)], stages, NOW)).toBe(0);
    const relaxed = stages.map((s) => (s.id === 'decision' ? { ...s, staleDays: 60 } : s));
    expect(listStalled(prospects, relaxed, NOW).map((x) => x.prospect.id)).toEqual(['a', 'l']);
  });
  it('returns the caller’s own objects', () => {
    const withName = [{ ...p('a', 'prospecting', 20), name: 'Siti' }];
    expect(listStalled(withName, stages, NOW)[0]?.prospect.name).toBe('Siti');
  });
});
