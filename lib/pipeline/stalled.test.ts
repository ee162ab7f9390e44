import { describe, expect, it } from 'vitest';
import { DAY_MS } from './staleness';
import { countStalled, countStalledByStage, listNotContacted, listStalled, sortGoneDark, type StalledStage } from './stalled';

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
  p('k', 'decision', 8, { lastTouchAt: null, stageEnteredAt: NOW - 8 * DAY_MS }), // never touched: not contacted yet, not dark
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
    ]);
  });
  it('counts the same prospects, overall and per stage', () => {
    expect(countStalled(prospects, stages, NOW)).toBe(4);
    expect(Object.fromEntries(countStalledByStage(prospects, stages, NOW))).toEqual({ decision: 2, prospecting: 2 });
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

describe('never contacted is not gone dark', () => {
  const never = (id: string, stageId: string, inPipelineDays: number, extra: object = {}) => ({
    id,
    stageId,
    lastTouchAt: null,
    stageEnteredAt: NOW - inPipelineDays * DAY_MS,
    createdAt: NOW - inPipelineDays * DAY_MS,
    ...extra,
  });
  const people = [
    never('n1', 'prospecting', 60),
    never('n2', 'decision', 20),
    // Connected on LinkedIn two years before the import: how the rep knows them, not contact.
    never('n3', 'prospecting', 30, { lastTouchAt: NOW - 760 * DAY_MS }),
    // Mailed a week before being clipped: that is contact, and it has gone quiet since.
    never('c1', 'prospecting', 20, { lastTouchAt: NOW - 27 * DAY_MS }),
    never('w', 'won', 90),
    never('x', 'decision', 90, { deletedAt: NOW }),
  ];
  it('someone nobody touched is listed as not contacted, never as gone dark, however long they wait', () => {
    expect(listStalled(people, stages, NOW).map((x) => x.prospect.id)).toEqual(['c1']);
    expect(listNotContacted(people, stages, NOW).map((x) => [x.prospect.id, x.silenceDays])).toEqual([
      ['n1', 60],
      ['n3', 30],
      ['n2', 20],
    ]);
  });
  it('sorts gone dark by open value, then stage, then silence; or by silence', () => {
    const items = [
      { id: '1', name: 'A', dealValue: null, stageOrder: 3, silenceDays: 90 },
      { id: '2', name: 'B', dealValue: 5000, stageOrder: 0, silenceDays: 20 },
      { id: '3', name: 'C', dealValue: 5000, stageOrder: 2, silenceDays: 10 },
      { id: '4', name: 'D', dealValue: 100, stageOrder: 2, silenceDays: 40 },
    ];
    expect(sortGoneDark(items, 'value').map((x) => x.id)).toEqual(['3', '2', '4', '1']);
    expect(sortGoneDark(items, 'silence').map((x) => x.id)).toEqual(['1', '4', '2', '3']);
  });
});
