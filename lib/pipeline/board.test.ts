import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  buildColumns,
  filterCards,
  isFiltered,
  moveCard,
  nextDueByProspect,
  mergeMoney,
  ownersOf,
  sumValues,
  toCard,
  type BoardCard,
  type BoardStage,
  type CardSource,
} from './board';
import { packCards, unpackCards } from './board-pack';
import { previewBoard, previewColumns } from './board-preview';
import { DAY_MS } from './staleness';

const NOW = Date.UTC(2026, 10, 2, 3, 0, 0);

const STAGES: BoardStage[] = [
  { id: 's1', key: 'prospecting', name: null, kind: 'open' },
  { id: 's2', key: 'qualification', name: null, kind: 'open' },
  { id: 's5', key: 'delivery', name: 'Handover', kind: 'won' },
];

let n = 0;
function card(over: Partial<BoardCard> = {}): BoardCard {
  n += 1;
  return {
    id: `c${String(n).padStart(3, '0')}`,
    name: `Person ${n}`,
    company: null,
    stageId: 's1',
    score: 0,
    dealValue: null,
    currency: null,
    ownerId: 'local',
    source: 'social_selling',
    temperature: 'cold',
    mql: false,
    sql: false,
    stalled: false,
    silenceDays: 0,
    silentSince: NOW,
    nextDueAt: null,
    ...over,
  };
}

function prospect(over: Partial<CardSource> = {}): CardSource {
  return {
    id: 'p1',
    name: 'Ayu Lestari',
    company: 'Samudra Freight',
    stageId: 's1',
    score: 35,
    dealValue: 1200,
    currency: 'USD',
    ownerId: 'local',
    source: 'referral',
    temperature: 'warm',
    mqlAt: NOW - DAY_MS,
    sqlAt: null,
    lastTouchAt: null,
    stageEnteredAt: NOW - 20 * DAY_MS,
    createdAt: NOW - 30 * DAY_MS,
    ...over,
  };
}

describe('toCard', () => {
  it('keeps what the card shows and turns the gates into flags', () => {
    // Touched once, on the day they entered the stage, and quiet since: gone dark.
    const c = toCard(prospect({ lastTouchAt: NOW - 20 * DAY_MS }), { kind: 'open', staleDays: 14 }, NOW + DAY_MS, NOW);
    expect(c).toEqual({
      id: 'p1',
      name: 'Ayu Lestari',
      company: 'Samudra Freight',
      stageId: 's1',
      score: 35,
      dealValue: 1200,
      currency: 'USD',
      ownerId: 'local',
      source: 'referral',
      temperature: 'warm',
      mql: true,
      sql: false,
      stalled: true,
      silenceDays: 20,
      silentSince: NOW - 20 * DAY_MS,
      nextDueAt: NOW + DAY_MS,
    });
  });

  it('is stalled only in an open stage past its limit, never in an unknown stage', () => {
    const quiet = prospect({ lastTouchAt: NOW - 10 * DAY_MS });
    expect(toCard(quiet, { kind: 'open', staleDays: 14 }, null, NOW).stalled).toBe(false);
    expect(toCard(quiet, { kind: 'open', staleDays: 7 }, null, NOW).stalled).toBe(true);
    expect(toCard(quiet, { kind: 'won', staleDays: 7 }, null, NOW).stalled).toBe(false);
    expect(toCard(quiet, { kind: 'open', staleDays: null }, null, NOW).stalled).toBe(false);
    expect(toCard(quiet, undefined, null, NOW).stalled).toBe(false);
    expect(toCard(quiet, undefined, null, NOW).silenceDays).toBe(10);
  });
});

describe('nextDueByProspect', () => {
  it('takes the earliest open due time per prospect and skips closed ones', () => {
    const next = nextDueByProspect([
      { prospectId: 'a', openDueAt: 30 },
      { prospectId: 'a', openDueAt: 10 },
      { prospectId: 'a', openDueAt: 20 },
      { prospectId: 'b' },
      { prospectId: 'c', openDueAt: 5 },
    ]);
    expect([...next].sort()).toEqual([
      ['a', 10],
      ['c', 5],
    ]);
  });
});

describe('filterCards', () => {
  const all = [
    card({ name: 'Tomás Wijaya', company: 'Garuda Data', ownerId: 'u1', source: 'referral', temperature: 'warm', mql: true }),
    card({ name: 'Sari Halim', company: 'Merapi Cloud', ownerId: 'u2', stalled: true, mql: true, sql: true }),
    card({ name: 'Budi Santoso', company: 'Tomasz & Co', ownerId: 'u1', source: 'event', temperature: 'warm' }),
    card({ name: 'Maya Kusuma', company: null, ownerId: 'u2', stalled: true }),
  ];
  const names = (f: Partial<typeof EMPTY_FILTER>) => filterCards(all, { ...EMPTY_FILTER, ...f }).map((c) => c.name);

  it('with no filter returns every card (a copy the caller may sort)', () => {
    const out = filterCards(all, EMPTY_FILTER);
    expect(out).toEqual(all);
    expect(out).not.toBe(all);
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTER, query: '  ' })).toBe(false);
  });

  it('filters by owner, source, temperature and stalled', () => {
    expect(names({ ownerId: 'u1' })).toEqual(['Tomás Wijaya', 'Budi Santoso']);
    expect(names({ source: 'event' })).toEqual(['Budi Santoso']);
    expect(names({ temperature: 'warm' })).toEqual(['Tomás Wijaya', 'Budi Santoso']);
    expect(names({ stalledOnly: true })).toEqual(['Sari Halim', 'Maya Kusuma']);
    expect(names({ stalledOnly: true, ownerId: 'u1' })).toEqual([]);
  });

  it('filters by the qualification gates', () => {
    expect(names({ gate: 'mql' })).toEqual(['Tomás Wijaya', 'Sari Halim']);
    expect(names({ gate: 'sql' })).toEqual(['Sari Halim']);
    expect(names({ gate: 'none' })).toEqual(['Budi Santoso', 'Maya Kusuma']);
  });

  it('searches name and company, ignoring case, accents and surrounding blanks', () => {
    expect(names({ query: '  TOMAS ' })).toEqual(['Tomás Wijaya', 'Budi Santoso']);
    expect(names({ query: 'merapi' })).toEqual(['Sari Halim']);
    expect(names({ query: 'kusuma' })).toEqual(['Maya Kusuma']);
    expect(names({ query: 'nobody' })).toEqual([]);
    // The separator between name and company never matches a query spanning both.
    expect(names({ query: 'halim merapi' })).toEqual([]);
  });
});

describe('sumValues', () => {
  it('sums per currency, counts a bare value in the default currency, leaves unvalued cards out', () => {
    const cards = [
      card({ dealValue: 1000, currency: 'USD' }),
      card({ dealValue: 250.5, currency: null }),
      card({ dealValue: 5_000_000, currency: 'IDR' }),
      card({ dealValue: null, currency: 'EUR' }),
      card({ dealValue: 0.1, currency: 'USD' }),
      card({ dealValue: 0.2, currency: 'USD' }),
    ];
    expect(sumValues(cards, 'USD')).toEqual([
      { currency: 'IDR', amount: 5_000_000 },
      { currency: 'USD', amount: 1250.8 },
    ]);
    expect(sumValues(cards, 'SGD')).toEqual([
      { currency: 'IDR', amount: 5_000_000 },
      { currency: 'USD', amount: 1000.3 },
      { currency: 'SGD', amount: 250.5 },
    ]);
    expect(sumValues([], 'USD')).toEqual([]);
  });
});

describe('buildColumns', () => {
  it('makes one column per stage in the given order with count, value and stalled', () => {
    const cards = [
      card({ stageId: 's2', dealValue: 10, stalled: true }),
      card({ stageId: 's1', dealValue: 5 }),
      card({ stageId: 'gone' }),
      card({ stageId: 's2', dealValue: 20 }),
    ];
    const cols = buildColumns(STAGES, cards, 'USD');
    expect(cols.map((c) => [c.stage.key, c.cards.length, c.value, c.stalled])).toEqual([
      ['prospecting', 1, [{ currency: 'USD', amount: 5 }], 0],
      ['qualification', 2, [{ currency: 'USD', amount: 30 }], 1],
      ['delivery', 0, [], 0],
    ]);
  });

  it('orders a column by next follow-up (overdue first, none last), then score, then name', () => {
    const cards = [
      card({ name: 'No plan, low', score: 10 }),
      card({ name: 'Due later', nextDueAt: NOW + 5 * DAY_MS }),
      card({ name: 'No plan, high B', score: 60 }),
      card({ name: 'Overdue', nextDueAt: NOW - DAY_MS }),
      card({ name: 'No plan, high A', score: 60 }),
      card({ name: 'Due soon', nextDueAt: NOW + DAY_MS }),
    ];
    expect(buildColumns(STAGES, cards, 'USD')[0]!.cards.map((c) => c.name)).toEqual([
      'Overdue',
      'Due soon',
      'Due later',
      'No plan, high A',
      'No plan, high B',
      'No plan, low',
    ]);
  });

  it('groups 10,000 cards quickly enough to regroup on every keystroke', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      card({ stageId: STAGES[i % 3]!.id, score: i % 100, nextDueAt: i % 4 ? null : NOW + i, dealValue: i, company: `Co ${i}` }),
    );
    const t0 = performance.now();
    const cols = buildColumns(STAGES, filterCards(many, { ...EMPTY_FILTER, query: 'co 1' }), 'USD');
    expect(cols.reduce((s, c) => s + c.cards.length, 0)).toBe(1111);
    // Generous: this is a guard against an accidental quadratic, not a benchmark.
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('moveCard', () => {
  it('moves one card and restarts its silence; others and no-op moves stay the same objects', () => {
    const a = card({ stalled: true, silenceDays: 30 });
    const b = card();
    const moved = moveCard([a, b], a.id, 's2');
    expect(moved[0]).toMatchObject({ id: a.id, stageId: 's2', stalled: false, silenceDays: 0 });
    expect(moved[1]).toBe(b);
    expect(moveCard([a, b], a.id, 's1')[0]).toBe(a);
  });
});

describe('ownersOf', () => {
  it('lists each owner once, the rep first even with no cards, then by name', () => {
    const cards = [card({ ownerId: 'u2' }), card({ ownerId: 'u3' }), card({ ownerId: 'u2' })];
    const names = new Map<string, string | null>([
      ['u2', 'Wulan'],
      ['u3', 'Andi'],
      ['me', null],
    ]);
    expect(ownersOf(cards, names, 'me')).toEqual([
      { id: 'me', name: null, you: true },
      { id: 'u3', name: 'Andi', you: false },
      { id: 'u2', name: 'Wulan', you: false },
    ]);
  });
});

describe('packCards', () => {
  it('round-trips every field, stage and owner by position', () => {
    const owners = [
      { id: 'me', name: null, you: true },
      { id: 'u2', name: 'Wulan', you: false },
    ];
    const cards = [
      card({ stageId: 's2', ownerId: 'u2', source: 'event', temperature: 'warm', mql: true, sql: true, stalled: true, silenceDays: 9, silentSince: NOW - 9 * DAY_MS - 5_000 }),
      card({ company: 'Garuda Data', dealValue: 12.5, currency: 'IDR', nextDueAt: NOW, ownerId: 'me', source: 'email' }),
      card({ stageId: 'gone', ownerId: 'me', score: 100 }),
    ];
    const packed = packCards(cards, STAGES, owners);
    expect(packed.stage).toEqual([1, 0, -1]);
    expect(packed.owner).toEqual([1, 0, 0]);
    expect(unpackCards(JSON.parse(JSON.stringify(packed)), STAGES, owners, NOW)).toEqual([cards[0], cards[1], { ...cards[2], stageId: '' }]);
  });

  it('says the days of silence as of the moment it is unpacked, so a kept reply shown later is not a day behind', () => {
    const quiet = card({ stalled: true, silenceDays: 9, silentSince: NOW - 9 * DAY_MS - 5_000 });
    const packed = JSON.parse(JSON.stringify(packCards([quiet], STAGES, [{ id: 'local' }])));
    expect(unpackCards(packed, STAGES, [{ id: 'local' }], NOW + 2 * DAY_MS)[0]!.silenceDays).toBe(11);
    expect(unpackCards(packed, STAGES, [{ id: 'local' }], NOW + DAY_MS - 6_000)[0]!.silenceDays).toBe(9);
  });

  it('refuses a card whose owner is not listed rather than give it to someone else', () => {
    expect(() => packCards([card({ ownerId: 'x' })], STAGES, [])).toThrow(/owner x/);
  });

  it('is well under half the bytes of the card objects', () => {
    const owners = [{ id: 'local', name: null, you: true }];
    const many = Array.from({ length: 1000 }, (_, i) =>
      card({
        id: `0b6c1a8e-3f2d-4c5b-9a8e-${String(i).padStart(12, '0')}`,
        name: `Ayu Lestari ${i}`,
        company: 'Samudra Freight',
        stageId: 's1',
      }),
    );
    const objects = JSON.stringify(many.map((c) => ({ ...c, stageId: '6f1c2a3b-4d5e-4f60-8a7b-8c9d0e1f2a3b' }))).length;
    expect(JSON.stringify(packCards(many, STAGES, owners)).length).toBeLessThan(objects * 0.45);
  });
});

describe('previewBoard', () => {
  const cards = [
    ...Array.from({ length: 5 }, (_, i) => card({ name: `Q${i}`, stageId: 's2', score: i, dealValue: 10, temperature: 'warm' })),
    card({ name: 'P-cold', stageId: 's1', dealValue: 7, currency: 'IDR' }),
    card({ name: 'P-warm', stageId: 's1', temperature: 'warm', stalled: true }),
  ];

  it("sends each column's totals under the filter and only its first cards, in board order", () => {
    const p = previewBoard(STAGES, cards, { ...EMPTY_FILTER, temperature: 'warm' }, 2, 'USD');
    expect(p.columns).toEqual([
      { stageId: 's1', count: 1, value: [], stalled: 1 },
      { stageId: 's2', count: 5, value: [{ currency: 'USD', amount: 50 }], stalled: 0 },
      { stageId: 's5', count: 0, value: [], stalled: 0 },
    ]);
    expect(p.first.map((c) => c.name)).toEqual(['P-warm', 'Q4', 'Q3']);
    expect([p.shown, p.total]).toEqual([6, 7]);
  });

  it('rebuilds the same columns on the panel side, true totals over the first cards', () => {
    const p = previewBoard(STAGES, cards, EMPTY_FILTER, 2, 'USD');
    const cols = previewColumns(STAGES, p.first, p.columns, 'USD');
    const whole = buildColumns(STAGES, cards, 'USD');
    expect(cols.map((c) => [c.count, c.value, c.stalled])).toEqual(whole.map((c) => [c.count, c.value, c.stalled]));
    expect(cols.map((c) => c.cards)).toEqual(whole.map((c) => c.cards.slice(0, 2)));
  });
});

describe('previewBoard on many cards', () => {
  it('agrees with filtering and sorting everything, for every filter', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const many = Array.from({ length: 2000 }, (_, i) =>
      card({
        name: pick(['Ayu', 'Budi', 'Citra', 'Dimas']) + ` ${i % 7}`,
        stageId: pick(['s1', 's2', 's5', 'gone']),
        score: Math.floor(rand() * 5) * 10,
        nextDueAt: rand() < 0.3 ? NOW + Math.floor(rand() * 4) * DAY_MS : null,
        dealValue: rand() < 0.5 ? Math.floor(rand() * 1000) / 10 : null,
        currency: pick([null, 'USD', 'IDR']),
        temperature: pick(['cold', 'warm'] as const),
        stalled: rand() < 0.2,
        mql: rand() < 0.4,
      }),
    );
    for (const f of [
      EMPTY_FILTER,
      { ...EMPTY_FILTER, query: 'ayu 3' },
      { ...EMPTY_FILTER, stalledOnly: true, temperature: 'warm' as const },
      { ...EMPTY_FILTER, gate: 'mql' as const },
    ]) {
      const p = previewBoard(STAGES, many, f, 10, 'SGD');
      const whole = buildColumns(STAGES, filterCards(many, f), 'SGD');
      expect(p.columns).toEqual(whole.map((c) => ({ stageId: c.stage.id, count: c.count, value: c.value, stalled: c.stalled })));
      expect(p.first).toEqual(whole.flatMap((c) => c.cards.slice(0, 10)));
      expect(p.shown).toBe(filterCards(many, f).length);
    }
  });
});

describe('mergeMoney', () => {
  it("adds columns' totals per currency", () => {
    expect(
      mergeMoney([
        [{ currency: 'USD', amount: 0.1 }],
        [
          { currency: 'IDR', amount: 5 },
          { currency: 'USD', amount: 0.2 },
        ],
        [],
      ]),
    ).toEqual([
      { currency: 'IDR', amount: 5 },
      { currency: 'USD', amount: 0.3 },
    ]);
  });
});
