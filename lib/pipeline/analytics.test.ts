import { describe, expect, it } from 'vitest';
import {
  computeInsights,
  median,
  type AnalyticsProspect,
  type AnalyticsStage,
  type AnalyticsStageChange,
  type AnalyticsTouch,
  type InsightsInput,
} from './analytics';
import { DEFAULT_STAGES } from './default-stages';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 0, 5, 2, 0, 0);
const NOW = BASE + 200 * DAY;
const FROM = BASE + 30 * DAY;
const TO = BASE + 90 * DAY;

// s0 prospecting … s3 decision (open), s4 delivery (won), s5 lost.
const STAGES: AnalyticsStage[] = DEFAULT_STAGES.map((t, i) => ({
  id: `s${i}`,
  key: t.key,
  order: i,
  kind: t.kind,
  probability: t.probability,
  staleDays: t.staleDays,
}));
const WON = 4;
const LOST = 5;
const CUR = 'IDR';
const TARGET = { currency: CUR, amount: 1_000_000_000 };
/** A per-currency list's amount in one currency (0 when absent). */
const amountIn = (list: readonly { currency: string; amount: number }[], currency = CUR) =>
  list.find((m) => m.currency === currency)?.amount ?? 0;
const REASONS = ['price', 'timing', 'competitor', null] as const;

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// The generator: each prospect walks a planned path. Every visit is labelled with its outcome when the
// plan is made, so the expected funnel is read off the plan, never computed from the history the
// implementation reads.

type Label = 'movedOn' | 'lost' | 'goneDark' | 'stillIn' | 'movedBack';
type Ending = 'won' | 'lost' | 'active' | 'dark' | 'back';
interface PlannedVisit {
  stage: number;
  start: number;
  end: number | null;
  label: Label;
}
interface Plan {
  prospect: AnalyticsProspect;
  visits: PlannedVisit[];
  ending: Ending;
  /** Touches logged at or before SQL, by construction; null when never qualified. */
  touchesBeforeSql: number | null;
}

function generate(n: number, seed: number) {
  const rnd = rng(seed);
  const plans: Plan[] = [];
  const changes: AnalyticsStageChange[] = [];
  const touches: AnalyticsTouch[] = [];
  for (let i = 0; i < n; i++) {
    const id = `p${i}`;
    const t0 = BASE + Math.floor(rnd() * 120) * DAY + (i % 24) * HOUR;
    const reach = Math.floor(rnd() * 5);
    const pick = (['lost', 'active', 'dark', 'back'] as const)[Math.floor(rnd() * 4)]!;
    const ending: Ending = reach === WON ? 'won' : pick === 'back' && reach === 0 ? 'active' : pick;
    const stay = (k: number) => (2 * (k + 1) + (i % 5)) * DAY + 3 * HOUR;

    const visits: PlannedVisit[] = [];
    let t = t0;
    for (let k = 0; k < reach; k++) {
      visits.push({ stage: k, start: t, end: t + stay(k), label: 'movedOn' });
      t += stay(k);
    }
    if (ending === 'lost') {
      visits.push({ stage: reach, start: t, end: t + stay(reach), label: 'lost' });
      visits.push({ stage: LOST, start: t + stay(reach), end: null, label: 'stillIn' });
    } else if (ending === 'back') {
      visits.push({ stage: reach, start: t, end: t + stay(reach), label: 'movedBack' });
      visits.push({ stage: reach - 1, start: t + stay(reach), end: null, label: 'stillIn' });
    } else {
      visits.push({ stage: reach, start: t, end: null, label: ending === 'dark' ? 'goneDark' : 'stillIn' });
    }
    visits.forEach((v, k) =>
      changes.push({
        prospectId: id,
        fromStageId: k === 0 ? null : `s${visits[k - 1]!.stage}`,
        toStageId: `s${v.stage}`,
        changedAt: v.start,
      }),
    );

    // SQL when consideration is first entered; touches at and before it, one exactly at it.
    const sqlAt = visits.find((v) => v.stage === 2)?.start ?? null;
    const k = i % 7;
    const mine: number[] = [];
    for (let j = 0; j < k; j++) mine.push(sqlAt !== null ? sqlAt - j * HOUR : t0 + (j + 1) * HOUR);
    // Recent touch for the ones that are not dark; it comes after SQL so it must not count there.
    if (ending !== 'dark') mine.push(NOW - DAY);
    // Gone dark is silence after contact: a dark one was touched once at least (after SQL, if any).
    else if (k === 0) mine.push(sqlAt !== null ? sqlAt + HOUR : t0 + HOUR);
    // A touch stamped in the future (clock skew) is ignored.
    if (i % 11 === 0) mine.push(NOW + DAY);
    for (const at of mine) touches.push({ prospectId: id, occurredAt: at });

    const last = visits[visits.length - 1]!;
    const past = mine.filter((m) => m <= NOW);
    plans.push({
      ending,
      visits,
      touchesBeforeSql: sqlAt === null ? null : k,
      prospect: {
        id,
        stageId: `s${last.stage}`,
        dealValue: i % 4 === 0 ? null : ((i % 10) + 1) * 1_000_000,
        createdAt: t0,
        lastTouchAt: past.length ? Math.max(...past) : null,
        stageEnteredAt: last.start,
        sqlAt,
        lostReason: ending === 'lost' ? REASONS[i % 4]! : null,
        deletedAt: i % 13 === 12 ? NOW - DAY : null,
      },
    });
  }
  // History arrives in no particular order (sync).
  for (let i = changes.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [changes[i], changes[j]] = [changes[j]!, changes[i]!];
  }
  return { plans, changes, touches };
}

function sortedMedian(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function expected(plans: Plan[]) {
  const live = plans.filter((p) => p.prospect.deletedAt === null);
  const inPeriod = (t: number) => t >= FROM && t < TO;
  const stages = STAGES.map(() => ({
    entered: 0,
    movedOn: 0,
    lost: 0,
    goneDark: 0,
    stillIn: 0,
    movedBack: 0,
    openVisits: 0,
    durations: [] as number[],
    current: 0,
    stalled: 0,
    value: 0,
    unvalued: 0,
  }));
  let wonInPeriod = 0;
  const sql: number[] = [];
  const reasons = new Map<string | null, number>();
  for (const p of live) {
    const seen = new Set<number>();
    for (const v of p.visits) {
      if (!inPeriod(v.start) || seen.has(v.stage)) continue;
      seen.add(v.stage);
      const e = stages[v.stage]!;
      e.entered++;
      e[v.label]++;
      if (v.end === null) e.openVisits++;
      else e.durations.push((v.end - v.start) / DAY);
    }
    const last = p.visits[p.visits.length - 1]!;
    const now = stages[last.stage]!;
    now.current++;
    if (p.ending === 'dark') now.stalled++;
    if (p.prospect.dealValue === null) now.unvalued++;
    else now.value += p.prospect.dealValue;
    if (p.ending === 'won' && inPeriod(last.start)) wonInPeriod += p.prospect.dealValue ?? 0;
    if (p.ending === 'lost' && inPeriod(last.start)) reasons.set(p.prospect.lostReason, (reasons.get(p.prospect.lostReason) ?? 0) + 1);
    if (p.touchesBeforeSql !== null && inPeriod(p.prospect.sqlAt!)) sql.push(p.touchesBeforeSql);
  }
  return { stages, wonInPeriod, sql, reasons };
}

function run(plans: Plan[], changes: AnalyticsStageChange[], touches: AnalyticsTouch[], target: InsightsInput['target'] = TARGET) {
  return computeInsights({
    stages: STAGES,
    prospects: plans.map((p) => p.prospect),
    stageChanges: changes,
    touches,
    from: FROM,
    to: TO,
    now: NOW,
    target,
    defaultCurrency: CUR,
  });
}

describe('insights on a generated history with known answers', () => {
  const { plans, changes, touches } = generate(600, 42);
  const got = run(plans, changes, touches);
  const want = expected(plans);

  it('the generated history exercises every outcome', () => {
    const sum = (k: 'movedOn' | 'lost' | 'goneDark' | 'stillIn' | 'movedBack') => want.stages.reduce((s, e) => s + e[k], 0);
    for (const k of ['movedOn', 'lost', 'goneDark', 'stillIn', 'movedBack'] as const) expect(sum(k)).toBeGreaterThan(5);
    for (let s = 0; s < 6; s++) expect(want.stages[s]!.entered).toBeGreaterThan(5);
    expect(want.sql.length).toBeGreaterThan(20);
    expect(plans.some((p) => p.prospect.deletedAt !== null)).toBe(true);
  });

  it('entered, moved on, conversion and drop-offs per stage', () => {
    expect(got.stages.map((s) => s.key)).toEqual(STAGES.map((s) => s.key));
    got.stages.forEach((s, i) => {
      const e = want.stages[i]!;
      expect({
        key: s.key,
        entered: s.entered,
        movedOn: s.movedOn,
        lost: s.lost,
        goneDark: s.goneDark,
        stillIn: s.stillIn,
        movedBack: s.movedBack,
      }).toEqual({
        key: s.key,
        entered: e.entered,
        movedOn: e.movedOn,
        lost: e.lost,
        goneDark: e.goneDark,
        stillIn: e.stillIn,
        movedBack: e.movedBack,
      });
      expect(s.entered).toBe(s.movedOn + s.lost + s.goneDark + s.stillIn + s.movedBack);
      expect(s.conversion).toBe(s.kind === 'open' ? e.movedOn / e.entered : null);
    });
  });

  it('median days in stage from the visits that ended; running ones counted apart', () => {
    got.stages.forEach((s, i) => {
      const m = sortedMedian(want.stages[i]!.durations);
      if (m === null) expect(s.medianDays).toBeNull();
      else expect(s.medianDays).toBeCloseTo(m, 9);
      expect(s.openVisits).toBe(want.stages[i]!.openVisits);
    });
    // Stays were planned as 2(k+1) + (i mod 5) days and 3 hours: the median lies in that band.
    for (const k of [0, 1, 2, 3]) {
      const m = got.stages[k]!.medianDays!;
      expect(m).toBeGreaterThanOrEqual(2 * (k + 1) + 0.125);
      expect(m).toBeLessThanOrEqual(2 * (k + 1) + 4.125);
    }
  });

  it('pipeline now: count, stalled, value and weighted value per stage', () => {
    got.stages.forEach((s, i) => {
      const e = want.stages[i]!;
      expect({ current: s.current, stalled: s.stalled, value: amountIn(s.value), unvalued: s.unvalued }).toEqual({
        current: e.current,
        stalled: e.stalled,
        value: e.value,
        unvalued: e.unvalued,
      });
      // Every generated deal is in the default currency: one total per stage, or none.
      expect(s.value.length).toBe(e.value > 0 ? 1 : 0);
      expect(amountIn(s.weightedValue)).toBeCloseTo((e.value * STAGES[i]!.probability) / 100, 6);
    });
  });

  it('forecast: won in the period plus weighted open pipeline, against the target', () => {
    const open = [0, 1, 2, 3];
    const weightedOpen = open.reduce((sum, i) => sum + (want.stages[i]!.value * STAGES[i]!.probability) / 100, 0);
    const openValue = open.reduce((sum, i) => sum + want.stages[i]!.value, 0);
    expect(amountIn(got.forecast.openValue)).toBe(openValue);
    expect(amountIn(got.forecast.weightedOpen)).toBeCloseTo(weightedOpen, 2);
    expect(amountIn(got.forecast.wonInPeriod)).toBe(want.wonInPeriod);
    expect(want.wonInPeriod).toBeGreaterThan(0);
    expect(amountIn(got.forecast.forecast)).toBeCloseTo(want.wonInPeriod + weightedOpen, 2);
    expect(got.forecast.target).toEqual(TARGET);
    expect(got.forecast.gap).toBeCloseTo(TARGET.amount - (want.wonInPeriod + weightedOpen), 2);
    expect(got.forecast.attainment).toBeCloseTo((want.wonInPeriod + weightedOpen) / TARGET.amount, 9);
  });

  it('touches before SQL: median and distribution', () => {
    expect(got.touchesBeforeSql.prospects).toBe(want.sql.length);
    expect(got.touchesBeforeSql.median).toBe(sortedMedian(want.sql));
    const counts = Array.from({ length: 7 }, (_, k) => ({ touches: k, prospects: want.sql.filter((n) => n === k).length }));
    expect(got.touchesBeforeSql.distribution).toEqual(counts);
  });

  it('lost reasons with counts, most frequent first', () => {
    const list = [...want.reasons.entries()].map(([reason, count]) => ({ reason, count }));
    expect([...got.lostReasons].sort((a, b) => String(a.reason).localeCompare(String(b.reason)))).toEqual(
      list.sort((a, b) => String(a.reason).localeCompare(String(b.reason))),
    );
    const counts = got.lostReasons.map((r) => r.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('does not depend on the order history and touches arrive in', () => {
    const again = run(plans, [...changes].reverse(), [...touches].reverse());
    expect(again).toEqual(got);
  });

  it('handles 10,000 prospects', () => {
    const big = generate(10_000, 7);
    const res = run(big.plans, big.changes, big.touches);
    const e = expected(big.plans);
    expect(res.stages.map((s) => s.entered)).toEqual(e.stages.map((s) => s.entered));
    expect(res.stages.map((s) => s.movedOn)).toEqual(e.stages.map((s) => s.movedOn));
  });
});

// ---------------------------------------------------------------------------------------------
// Small histories written out by hand, for the edges.

function prospect(id: string, over: Partial<AnalyticsProspect> = {}): AnalyticsProspect {
  return {
    id,
    stageId: 's0',
    dealValue: null,
    createdAt: FROM,
    lastTouchAt: null,
    stageEnteredAt: FROM,
    sqlAt: null,
    lostReason: null,
    deletedAt: null,
    ...over,
  };
}
const change = (prospectId: string, from: number | null, to: number, at: number): AnalyticsStageChange => ({
  prospectId,
  fromStageId: from === null ? null : `s${from}`,
  toStageId: `s${to}`,
  changedAt: at,
});
function insights(over: Partial<InsightsInput>) {
  return computeInsights({
    stages: STAGES,
    prospects: [],
    stageChanges: [],
    touches: [],
    from: FROM,
    to: TO,
    now: NOW,
    target: null,
    defaultCurrency: CUR,
    ...over,
  });
}
const stage = (r: ReturnType<typeof insights>, i: number) => r.stages[i]!;

describe('insights: edges', () => {
  it('empty data gives zeros and nulls, not NaN', () => {
    const r = insights({});
    expect(r.stages.every((s) => s.entered === 0 && s.conversion === null && s.medianDays === null)).toBe(true);
    expect(r.forecast).toEqual({ openValue: [], weightedOpen: [], wonInPeriod: [], forecast: [], target: null, gap: null, attainment: null });
    expect(r.touchesBeforeSql).toEqual({ prospects: 0, median: null, distribution: [] });
    expect(r.lostReasons).toEqual([]);
  });

  it('the period includes its start and excludes its end', () => {
    const r = insights({
      prospects: [
        prospect('a', { createdAt: FROM }),
        prospect('b', { createdAt: TO, stageEnteredAt: TO }),
        prospect('c', { createdAt: FROM - 1 }),
      ],
      stageChanges: [change('a', null, 0, FROM), change('b', null, 0, TO), change('c', null, 0, FROM - 1)],
    });
    expect(stage(r, 0).entered).toBe(1);
  });

  it('a prospect without history is in its stage since stageEnteredAt', () => {
    const r = insights({
      prospects: [prospect('a', { stageId: 's2', stageEnteredAt: FROM + DAY, lastTouchAt: NOW - DAY, dealValue: 1000 })],
    });
    expect(stage(r, 2)).toMatchObject({
      entered: 1,
      stillIn: 1,
      current: 1,
      value: [{ currency: CUR, amount: 1000 }],
      weightedValue: [{ currency: CUR, amount: 400 }],
    });
  });

  it('history that starts from a stage means the prospect sat there since it was created', () => {
    const r = insights({
      prospects: [prospect('a', { stageId: 's1', createdAt: FROM + DAY, lastTouchAt: NOW - DAY })],
      stageChanges: [change('a', 0, 1, FROM + 4 * DAY)],
    });
    expect(stage(r, 0)).toMatchObject({ entered: 1, movedOn: 1, medianDays: 3 });
    expect(stage(r, 1)).toMatchObject({ entered: 1, stillIn: 1, openVisits: 1 });
  });

  it('a deal lost and later revived to a further stage counts as moved on', () => {
    const r = insights({
      prospects: [prospect('a', { stageId: 's2', lastTouchAt: NOW - DAY })],
      stageChanges: [change('a', null, 0, FROM), change('a', 0, 5, FROM + DAY), change('a', 5, 2, FROM + 10 * DAY)],
    });
    expect(stage(r, 0)).toMatchObject({ entered: 1, movedOn: 1, lost: 0 });
    // Lost is the furthest stage by order but revival out of it is not "moving on" for the funnel.
    expect(stage(r, 5)).toMatchObject({ entered: 1, movedBack: 1 });
    expect(r.lostReasons).toEqual([]);
  });

  it('back and forth counts a stage once, by its first visit in the period', () => {
    const r = insights({
      prospects: [prospect('a', { stageId: 's1', lastTouchAt: NOW - DAY })],
      stageChanges: [
        change('a', null, 0, FROM),
        change('a', 0, 1, FROM + DAY),
        change('a', 1, 0, FROM + 2 * DAY),
        change('a', 0, 1, FROM + 5 * DAY),
      ],
    });
    expect(stage(r, 0)).toMatchObject({ entered: 1, movedOn: 1, medianDays: 1 });
    // Judged now: the prospect is back in qualification, so it is still in, not moved back.
    expect(stage(r, 1)).toMatchObject({ entered: 1, stillIn: 1, movedBack: 0, medianDays: 1 });
  });

  it('changes after now and repeated changes are ignored; unknown stages passed over', () => {
    const r = insights({
      prospects: [prospect('a', { stageId: 's0', lastTouchAt: NOW - DAY })],
      stageChanges: [
        change('a', null, 0, FROM),
        change('a', null, 0, FROM), // synced twice
        { prospectId: 'a', fromStageId: 's0', toStageId: 'gone', changedAt: FROM + DAY },
        { prospectId: 'a', fromStageId: 'gone', toStageId: 's0', changedAt: FROM + 2 * DAY },
        change('a', 0, 1, NOW + DAY),
      ],
    });
    expect(stage(r, 0)).toMatchObject({ entered: 1, stillIn: 1, medianDays: 1 });
    expect(stage(r, 1).entered).toBe(0);
    expect(stage(r, 0).current).toBe(1);
  });

  it('deleted prospects count nowhere', () => {
    const r = insights({
      prospects: [prospect('a', { deletedAt: FROM + DAY, dealValue: 5, sqlAt: FROM + DAY })],
      stageChanges: [change('a', null, 0, FROM)],
      touches: [{ prospectId: 'a', occurredAt: FROM }],
    });
    expect(r.stages.every((s) => s.entered === 0 && s.current === 0)).toBe(true);
    expect(r.touchesBeforeSql.prospects).toBe(0);
  });

  it('gone dark uses the latest of the touch log and the prospect record', () => {
    const quiet = prospect('a', { stageId: 's3', stageEnteredAt: FROM, lastTouchAt: FROM });
    const dark = insights({ prospects: [quiet], stageChanges: [change('a', null, 3, FROM)] });
    expect(stage(dark, 3)).toMatchObject({ goneDark: 1, stalled: 1 });
    const touched = insights({
      prospects: [quiet],
      stageChanges: [change('a', null, 3, FROM)],
      touches: [{ prospectId: 'a', occurredAt: NOW - DAY }],
    });
    expect(stage(touched, 3)).toMatchObject({ goneDark: 0, stillIn: 1, stalled: 0 });
  });

  it('target: gap may be negative when ahead; no attainment without a positive target', () => {
    const won = prospect('a', { stageId: 's4', dealValue: 300 });
    const r = insights({ prospects: [won], stageChanges: [change('a', null, 4, FROM + DAY)], target: { currency: CUR, amount: 200 } });
    expect(r.forecast).toMatchObject({ wonInPeriod: [{ currency: CUR, amount: 300 }], forecast: [{ currency: CUR, amount: 300 }], gap: -100, attainment: 1.5 });
    const zero = { currency: CUR, amount: 0 };
    expect(insights({ prospects: [won], stageChanges: [change('a', null, 4, FROM + DAY)], target: zero }).forecast.attainment).toBeNull();
    // Won before the period: not this period's win.
    expect(insights({ prospects: [won], stageChanges: [change('a', null, 4, FROM - DAY)] }).forecast.wonInPeriod).toEqual([]);
  });

  it('money stays per currency: rupiah and dollars are never added, and the target compares in its own currency', () => {
    const r = insights({
      prospects: [
        prospect('a', { stageId: 's2', dealValue: 3_000_000_000, currency: 'IDR', lastTouchAt: NOW - DAY }),
        prospect('b', { stageId: 's2', dealValue: 1000, currency: 'USD', lastTouchAt: NOW - DAY }),
        // No currency: the team's default (IDR here).
        prospect('c', { stageId: 's2', dealValue: 1_000_000_000, currency: null, lastTouchAt: NOW - DAY }),
        prospect('d', { stageId: 's4', dealValue: 500, currency: 'USD' }),
      ],
      stageChanges: [change('d', null, 4, FROM + DAY)],
      target: { currency: 'USD', amount: 2000 },
    });
    expect(stage(r, 2).value).toEqual([
      { currency: 'IDR', amount: 4_000_000_000 },
      { currency: 'USD', amount: 1000 },
    ]);
    expect(stage(r, 2).weightedValue).toEqual([
      { currency: 'IDR', amount: 1_600_000_000 },
      { currency: 'USD', amount: 400 },
    ]);
    expect(r.forecast.wonInPeriod).toEqual([{ currency: 'USD', amount: 500 }]);
    expect(r.forecast.forecast).toEqual([
      { currency: 'IDR', amount: 1_600_000_000 },
      { currency: 'USD', amount: 900 },
    ]);
    // Against the dollar target only dollars count: 900 of 2,000.
    expect(r.forecast.gap).toBe(1100);
    expect(r.forecast.attainment).toBeCloseTo(0.45, 9);
  });

  it('a stage that deals jump over is skipped, not a stage with 0 % conversion', () => {
    const r = insights({
      prospects: [
        prospect('a', { stageId: 's3', lastTouchAt: NOW - DAY }),
        prospect('b', { stageId: 's1', lastTouchAt: NOW - DAY }),
        // Lost straight from prospecting skips nothing.
        prospect('c', { stageId: 's5' }),
      ],
      stageChanges: [
        change('a', null, 0, FROM),
        change('a', 0, 3, FROM + DAY), // over qualification and consideration
        change('b', null, 0, FROM),
        change('b', 0, 1, FROM + DAY),
        change('c', null, 0, FROM),
        change('c', 0, 5, FROM + DAY),
      ],
    });
    expect(stage(r, 0)).toMatchObject({ entered: 3, movedOn: 2, skipped: 0 });
    expect(stage(r, 1)).toMatchObject({ entered: 1, skipped: 1 });
    expect(stage(r, 2)).toMatchObject({ entered: 0, skipped: 1, conversion: null });
    expect(stage(r, 3)).toMatchObject({ entered: 1, skipped: 0 });
    expect(stage(r, 4).skipped).toBe(0);
    expect(stage(r, 5).skipped).toBe(0);
    // A jump before the period is not this period's skip.
    const before = insights({
      prospects: [prospect('a', { stageId: 's3', lastTouchAt: NOW - DAY })],
      stageChanges: [change('a', null, 0, FROM - 2 * DAY), change('a', 0, 3, FROM - DAY)],
    });
    expect(stage(before, 2).skipped).toBe(0);
  });

  it('lost reasons are trimmed, blanks are "no reason", ties sorted by name with no reason last', () => {
    const lost = (id: string, reason: string | null) => prospect(id, { stageId: 's5', lostReason: reason });
    const r = insights({
      prospects: [lost('a', ' price '), lost('b', 'price'), lost('c', '  '), lost('d', null), lost('e', 'budget')],
      stageChanges: ['a', 'b', 'c', 'd', 'e'].map((id) => change(id, 0, 5, FROM + DAY)),
    });
    expect(r.lostReasons).toEqual([
      { reason: 'price', count: 2 },
      { reason: null, count: 2 },
      { reason: 'budget', count: 1 },
    ]);
  });

  it('median of an even count is the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
  });
});
