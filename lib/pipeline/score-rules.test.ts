import { describe, expect, it } from 'vitest';
import { computeScore, DEFAULT_SCORE_RULES, findPhrase, type ScoreInput, type ScoreRules } from './score';
import { countCrossing } from './score-preview';
import { SQL_ITEMS } from './gates';
import { DAY_MS } from './staleness';

const NOW = Date.UTC(2026, 10, 26, 9, 0, 0);
const RULES: ScoreRules = {
  ...DEFAULT_SCORE_RULES,
  icp: {
    companies: { values: ['Gojek', 'Bank Central Asia'], points: 15 },
    industries: { values: ['fintech', 'logistics'], points: 10 },
    locations: { values: ['Jakarta', 'Singapore'], points: 5 },
    sizes: { values: [], points: 10 },
  },
};
const base: ScoreInput = { title: null, headline: null, source: 'social_selling', temperature: 'cold', touches: [], createdAt: NOW };
const touch = (direction: 'in' | 'out', daysAgo: number) => ({ direction, occurredAt: NOW - daysAgo * DAY_MS });
const lines = (p: Partial<ScoreInput>, rules = RULES, now = NOW) =>
  computeScore({ ...base, ...p }, now, rules).breakdown.map((l) =>
    l.detail === undefined ? [l.rule, l.points] : [l.rule, l.points, l.detail],
  );

describe('each rule, on its own', () => {
  it.each<[string, Partial<ScoreInput>, unknown[]]>([
    ['nothing known', {}, []],
    ['seniority in the title', { title: 'Head of Sales' }, [['seniority', 20, 'head']]],
    ['seniority from the headline when no title', { headline: 'Founder @ Acme' }, [['seniority', 20, 'founder']]],
    ['seniority as a word only', { title: 'Headhunter' }, []],
    ['the first listed word found names the line', { title: 'Senior Vice  President, Ops' }, [['seniority', 20, 'president']]],
    ['ICP company, case-insensitive, whole words', { company: 'PT GOJEK Indonesia' }, [['icp_company', 15, 'Gojek']]],
    ['ICP company inside a longer word does not fit', { company: 'Gojekers Club' }, []],
    ['ICP company phrase', { company: 'PT Bank Central Asia Tbk' }, [['icp_company', 15, 'Bank Central Asia']]],
    ['ICP industry from the industry field', { industry: 'Fintech & Payments' }, [['icp_industry', 10, 'fintech']]],
    ['ICP industry from the headline when no industry', { headline: 'Growth at a logistics startup' }, [['icp_industry', 10, 'logistics']]],
    ['ICP industry field wins over the headline', { industry: 'Retail', headline: 'fintech' }, []],
    ['ICP location', { location: 'South Jakarta, Jakarta, Indonesia' }, [['icp_location', 5, 'Jakarta']]],
    ['ICP location as a word only', { location: 'Jakartaville' }, []],
    ['warm source', { temperature: 'warm', source: 'event' }, [['warm_source', 15]]],
    [
      'referral',
      { temperature: 'warm', source: 'referral' },
      [
        ['warm_source', 15],
        ['referral', 10],
      ],
    ],
    ['touches', { touches: [touch('out', 1), touch('out', 2)] }, [['touches', 6, '2']]],
    ['touches capped at 8', { touches: Array.from({ length: 11 }, () => touch('out', 1)) }, [['touches', 24, '11']]],
    [
      'a recent reply',
      { touches: [touch('in', 3)] },
      [
        ['touches', 3, '1'],
        ['replies', 8, '1'],
        ['recent_two_way', 10],
      ],
    ],
    [
      'a reply exactly 14 days ago is recent',
      { touches: [touch('in', 14)] },
      [
        ['touches', 3, '1'],
        ['replies', 8, '1'],
        ['recent_two_way', 10],
      ],
    ],
    [
      'a reply 15 days ago is not',
      { touches: [touch('in', 15)] },
      [
        ['touches', 3, '1'],
        ['replies', 8, '1'],
      ],
    ],
    [
      'replies capped at 3',
      { touches: Array.from({ length: 5 }, () => touch('in', 20)) },
      [
        ['touches', 15, '5'],
        ['replies', 24, '5'],
      ],
    ],
    [
      'checklist items',
      { sqlChecklist: { interest_confirmed: true, budget: true, timeline: false } },
      [
        ['sql_interest_confirmed', 10],
        ['sql_budget', 5],
      ],
    ],
    [
      'manual adjustment',
      { title: 'CEO', manualAdjustment: 7 },
      [
        ['seniority', 20, 'ceo'],
        ['manual', 7],
      ],
    ],
    [
      'manual adjustment bounded above',
      { title: 'CEO', manualAdjustment: 40 },
      [
        ['seniority', 20, 'ceo'],
        ['manual', 25, '40'],
      ],
    ],
    [
      'manual adjustment bounded below, then clamped',
      { title: 'CEO', manualAdjustment: -40 },
      [
        ['seniority', 20, 'ceo'],
        ['manual', -25, '-40'],
        ['clamp', 5],
      ],
    ],
    ['manual adjustment of 0 says nothing', { manualAdjustment: 0 }, []],
    ['non-finite manual adjustment is ignored', { manualAdjustment: Number.NaN }, []],
  ])('%s', (_n, p, expected) => expect(lines(p)).toEqual(expected));

  it('every checklist item has points and a line of its own', () => {
    const all = Object.fromEntries(SQL_ITEMS.map((k) => [k, true]));
    expect(lines({ sqlChecklist: all }).map((l) => l[0])).toEqual(SQL_ITEMS.map((k) => `sql_${k}`));
  });

  it('multi-word phrases match across any spacing', () => {
    const rules = { ...RULES, seniority: { words: ['vice president'], points: 20 } };
    expect(lines({ title: 'Senior Vice\u00a0 President, Ops' }, rules)).toEqual([['seniority', 20, 'vice president']]);
  });

  it('a rule weighted 0 leaves no line', () => {
    expect(lines({ temperature: 'warm' }, { ...RULES, warmSource: 0 })).toEqual([]);
  });
});

describe('decay for inactivity', () => {
  it.each([
    [30, null],
    [31, -5],
    [37, -5],
    [38, -10],
    [52, -20],
    [59, -25],
    [200, -30],
  ])('%i idle days → %s', (days, points) => {
    const r = computeScore({ ...base, title: 'CEO', company: 'Gojek', createdAt: NOW - days * DAY_MS }, NOW, RULES);
    expect(r.breakdown.find((l) => l.rule === 'inactivity')?.points ?? null).toBe(points);
  });
  it('counts from the last touch, not from capture', () => {
    const r = computeScore({ ...base, createdAt: NOW - 90 * DAY_MS, touches: [touch('out', 10)] }, NOW, RULES);
    expect(r.breakdown.some((l) => l.rule === 'inactivity')).toBe(false);
  });
});

describe('the score is its breakdown', () => {
  const cases: ScoreInput[] = [];
  for (const title of [null, 'CEO', 'Intern'])
    for (const temperature of ['cold', 'warm'] as const)
      for (const n of [0, 3, 12])
        for (const idle of [0, 45, 400])
          for (const manual of [null, -30, 10])
            cases.push({
              ...base,
              title,
              temperature,
              source: temperature === 'warm' ? 'referral' : 'cold_call',
              company: n > 3 ? 'Gojek' : null,
              location: 'Jakarta',
              touches: Array.from({ length: n }, (_, i) => touch(i % 2 ? 'in' : 'out', idle + i)),
              createdAt: NOW - (idle + 30) * DAY_MS,
              sqlChecklist: n > 3 ? { interest_confirmed: true, buying_process: true, decision_maker: true } : null,
              manualAdjustment: manual,
            });

  it(`sums, stays within 0–100, names every line once, and is stable (${cases.length} cases)`, () => {
    for (const c of cases) {
      const r = computeScore(c, NOW, RULES);
      expect(r.breakdown.reduce((s, l) => s + l.points, 0)).toBe(r.score);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      const names = r.breakdown.map((l) => l.rule);
      expect(new Set(names).size).toBe(names.length);
      expect(names.every((n) => /^[a-z_]+$/.test(n))).toBe(true);
      expect(computeScore(structuredClone(c), NOW, structuredClone(RULES))).toEqual(r);
    }
  });

  it('clamps at 100 with a named line', () => {
    const r = computeScore(
      {
        ...base,
        title: 'CEO',
        company: 'Gojek',
        industry: 'fintech',
        location: 'Jakarta',
        source: 'referral',
        temperature: 'warm',
        touches: Array.from({ length: 8 }, () => touch('in', 1)),
        manualAdjustment: 25,
      },
      NOW,
      RULES,
    );
    expect(r.score).toBe(100);
    expect(r.breakdown.at(-1)?.rule).toBe('clamp');
    expect(r.breakdown.reduce((s, l) => s + l.points, 0)).toBe(100);
  });

  it('callers without the new fields score as before', () => {
    expect(computeScore({ ...base, title: 'VP Sales', temperature: 'warm' }, NOW).score).toBe(35);
  });
});

describe('findPhrase', () => {
  it.each([
    ['Jakarta Selatan', ['jakarta'], 'jakarta'],
    ['ÖSTERREICH AG', ['Österreich'], 'Österreich'],
    ['Co-Founder', ['founder'], 'founder'],
    ['cofounder', ['founder'], null],
    ['VP2 Ops', ['vp'], null],
    ['A (B) C', ['(b)'], '(b)'],
    [null, ['x'], null],
    ['anything', ['  '], null],
  ])('%j in %j', (text, phrases, expected) => expect(findPhrase(text, phrases)).toBe(expected));
});

describe('preview before saving new rules', () => {
  const people: (ScoreInput & { deletedAt?: number | null })[] = [
    { ...base, title: 'CEO', temperature: 'warm', source: 'referral' }, // 45 → 45
    { ...base, title: 'CEO', temperature: 'warm', company: 'Gojek' }, // 35 → 50 with ICP
    { ...base, title: 'CEO', temperature: 'warm', source: 'referral', company: 'Gojek' }, // 45 → 60
    { ...base, title: 'CEO', temperature: 'warm', source: 'referral', touches: [touch('out', 1), touch('out', 1)] }, // 51 → 51
    { ...base, title: 'Intern' }, // 0 → 0
    { ...base, title: 'CEO', temperature: 'warm', source: 'referral', company: 'Gojek', deletedAt: NOW }, // not counted
  ];
  it('counts who would be at or above the threshold, and who newly crosses', () => {
    expect(countCrossing(people, DEFAULT_SCORE_RULES, RULES, 50, NOW)).toEqual({
      total: 5,
      before: 1,
      after: 3,
      newlyCrossing: 2,
      droppingBelow: 0,
    });
  });
  it('a higher threshold with the same rules drops people below it', () => {
    expect(countCrossing(people, DEFAULT_SCORE_RULES, DEFAULT_SCORE_RULES, 60, NOW, 50)).toEqual({
      total: 5,
      before: 1,
      after: 0,
      newlyCrossing: 0,
      droppingBelow: 1,
    });
  });
});
