import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from './default-stages';
import {
  acceptSql,
  missingSqlItems,
  needsSqlConfirmation,
  nextMqlAt,
  SqlChecklistSchema,
  sqlChecklistComplete,
  touchesToSql,
  type GateStage,
} from './gates';

const NOW = Date.UTC(2026, 10, 26, 9, 0, 0);
const EARLIER = NOW - 86_400_000;

describe('MQL gate: set at the first crossing, kept after', () => {
  it.each([
    ['below the threshold', null, 49, 50, null],
    ['reaching it exactly', null, 50, 50, NOW],
    ['above it', null, 80, 50, NOW],
    ['already MQL, still above', EARLIER, 90, 50, EARLIER],
    ['already MQL, dropped below', EARLIER, 10, 50, EARLIER],
    ['threshold 0 crosses at once', null, 0, 0, NOW],
    ['threshold 100 needs 100', null, 99, 100, null],
  ])('%s', (_n, prev, score, threshold, expected) => expect(nextMqlAt(prev, score, threshold, NOW)).toBe(expected));
});

describe('SQL checklist', () => {
  const all = { interest_confirmed: true, buying_process: true, decision_maker: true };
  it.each([
    ['empty', {}, false],
    ['null', null, false],
    ['required three', all, true],
    ['required three and the optional two', { ...all, budget: true, timeline: true }, true],
    ['optional only', { budget: true, timeline: true }, false],
    ['one required unticked', { ...all, decision_maker: false }, false],
  ])('%s → complete: %s', (_n, list, expected) => expect(sqlChecklistComplete(list)).toBe(expected));

  it('names what is missing, in order', () => {
    expect(missingSqlItems({ buying_process: true })).toEqual(['interest_confirmed', 'decision_maker']);
  });

  it('accepting records who and when, and is refused while incomplete', () => {
    expect(acceptSql(all, 'user-1', NOW)).toEqual({ ok: true, sqlAt: NOW, acceptedBy: 'user-1' });
    expect(acceptSql({ interest_confirmed: true }, 'user-1', NOW)).toEqual({ ok: false, missing: ['buying_process', 'decision_maker'] });
  });

  it('an earlier acceptance stands', () => {
    expect(acceptSql(all, 'user-2', NOW, { sqlAt: EARLIER, acceptedBy: 'user-1' })).toEqual({
      ok: true,
      sqlAt: EARLIER,
      acceptedBy: 'user-1',
    });
    expect(acceptSql(all, 'user-2', NOW, { sqlAt: EARLIER })).toEqual({ ok: true, sqlAt: EARLIER, acceptedBy: null });
    expect(acceptSql(all, 'user-2', NOW, { sqlAt: null })).toEqual({ ok: true, sqlAt: NOW, acceptedBy: 'user-2' });
  });

  it('schema: the server default {} parses; extra keys are dropped; non-booleans rejected', () => {
    expect(SqlChecklistSchema.parse({})).toEqual({});
    expect(SqlChecklistSchema.parse({ ...all, accepted_by: 'u', future_item: true })).toEqual({ ...all, accepted_by: 'u' });
    expect(SqlChecklistSchema.safeParse({ budget: 'yes' }).success).toBe(false);
    expect(SqlChecklistSchema.safeParse([]).success).toBe(false);
  });
});

describe('moving past qualification without SQL asks for confirmation', () => {
  const stages: GateStage[] = DEFAULT_STAGES.map((s, i) => ({ id: s.key, key: s.key, order: (i + 1) * 10, kind: s.kind }));
  const byKey = (k: string) => stages.find((s) => s.key === k)!;
  it.each([
    ['prospecting → consideration', 'prospecting', 'consideration', null, true],
    ['qualification → consideration', 'qualification', 'consideration', null, true],
    ['qualification → decision', 'qualification', 'decision', null, true],
    ['qualification → delivery (won)', 'qualification', 'delivery', null, true],
    ['new prospect straight into decision', null, 'decision', null, true],
    ['lost reopened into consideration', 'lost', 'consideration', null, true],
    ['with SQL accepted', 'qualification', 'consideration', NOW, false],
    ['prospecting → qualification', 'prospecting', 'qualification', null, false],
    ['qualification → lost', 'qualification', 'lost', null, false],
    ['already past: consideration → decision', 'consideration', 'decision', null, false],
    ['backwards: decision → qualification', 'decision', 'qualification', null, false],
    ['won back to decision', 'delivery', 'decision', null, false],
  ])('%s', (_n, from, to, sqlAt, expected) => {
    expect(needsSqlConfirmation(from ? byKey(from) : null, byKey(to), stages, { sqlAt })).toBe(expected);
  });

  it('follows the team’s order, not the default one', () => {
    const reordered = stages.map((s) => (s.key === 'qualification' ? { ...s, order: 35 } : s)); // after consideration
    expect(needsSqlConfirmation(byKey('prospecting'), byKey('consideration'), reordered, { sqlAt: null })).toBe(false);
    expect(needsSqlConfirmation(byKey('prospecting'), byKey('decision'), reordered, { sqlAt: null })).toBe(true);
  });

  it('a team without a live qualification stage has no gate', () => {
    const without = stages.map((s) => (s.key === 'qualification' ? { ...s, deletedAt: 1 } : s));
    expect(needsSqlConfirmation(byKey('prospecting'), byKey('decision'), without, { sqlAt: null })).toBe(false);
  });
});

describe('touches to SQL', () => {
  const t = (direction: 'in' | 'out', occurredAt: number, deletedAt: number | null = null) => ({ direction, occurredAt, deletedAt });
  it.each([
    ['not yet SQL', [t('out', EARLIER)], null, null],
    ['outbound up to and including the gate', [t('out', EARLIER), t('out', NOW), t('out', NOW + 1)], NOW, 2],
    ['replies are not effort', [t('out', EARLIER), t('in', EARLIER)], NOW, 1],
    ['deleted touches do not count', [t('out', EARLIER, NOW)], NOW, 0],
    ['none', [], NOW, 0],
  ])('%s', (_n, touches, sqlAt, expected) => expect(touchesToSql(touches, sqlAt)).toBe(expected));
});
