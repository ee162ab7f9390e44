import { describe, expect, it } from 'vitest';
import { isOverdue, openDueAt } from './follow-ups';
import { computeScore } from './score';
import { DAY_MS, isStalled, silenceDays } from './staleness';
import { temperatureFor } from './temperature';

const NOW = Date.UTC(2026, 10, 26, 9, 0, 0);

describe('temperature follows the source', () => {
  it.each([
    ['cold_call', 'cold'],
    ['cold_email', 'cold'],
    ['social_selling', 'cold'],
    ['email', 'cold'],
    ['inbound_form', 'warm'],
    ['content_download', 'warm'],
    ['chatbot', 'warm'],
    ['social_engagement', 'warm'],
    ['referral', 'warm'],
    ['event', 'warm'],
  ] as const)('%s → %s', (source, temp) => expect(temperatureFor(source)).toBe(temp));
});

describe('staleness', () => {
  const base = {
    stageKind: 'open' as const,
    staleDays: 7,
    lastTouchAt: null,
    stageEnteredAt: NOW - 10 * DAY_MS,
    createdAt: NOW - 20 * DAY_MS,
  };
  it('open stage past its limit is stalled; within it is not', () => {
    // Never touched: not contacted yet, which is not gone dark.
    expect(isStalled(base, NOW)).toBe(false);
    expect(isStalled({ ...base, lastTouchAt: NOW - 12 * DAY_MS }, NOW)).toBe(true);
    expect(isStalled({ ...base, lastTouchAt: NOW - 7 * DAY_MS }, NOW)).toBe(false);
    expect(isStalled({ ...base, lastTouchAt: NOW - 7 * DAY_MS - 1 }, NOW)).toBe(true);
    expect(silenceDays(base, NOW)).toBe(10);
  });
  it('won, lost and limitless stages never stall', () => {
    expect(isStalled({ ...base, stageKind: 'won' }, NOW)).toBe(false);
    expect(isStalled({ ...base, stageKind: 'lost' }, NOW)).toBe(false);
    expect(isStalled({ ...base, staleDays: null }, NOW)).toBe(false);
  });
});

describe('overdue', () => {
  const f = { dueAt: NOW - 1, doneAt: null, snoozedUntil: null, deletedAt: null };
  it.each([
    ['due in the past', f, true],
    ['due exactly now', { ...f, dueAt: NOW }, true],
    ['due later', { ...f, dueAt: NOW + 1 }, false],
    ['done', { ...f, doneAt: NOW - 5 }, false],
    ['snoozed into the future', { ...f, snoozedUntil: NOW + 60_000 }, false],
    ['snooze ended', { ...f, snoozedUntil: NOW - 60_000 }, true],
    ['deleted', { ...f, deletedAt: NOW - 5 }, false],
  ])('%s', (_n, input, expected) => expect(isOverdue(input, NOW)).toBe(expected));
  it('open-due key is absent once closed', () => {
    expect(openDueAt({ ...f, doneAt: NOW })).toBeUndefined();
    expect(openDueAt({ ...f, snoozedUntil: NOW + 5 })).toBe(NOW + 5);
  });
});

describe('score', () => {
  const p = { title: null, headline: null, source: 'social_selling' as const, temperature: 'cold' as const, touches: [], createdAt: NOW };
  it('is the sum of its breakdown, clamped to 0–100, and stable', () => {
    const touches = Array.from({ length: 12 }, (_, i) => ({
      direction: (i % 2 ? 'in' : 'out') as 'in' | 'out',
      occurredAt: NOW - i * DAY_MS,
    }));
    const r = computeScore({ ...p, title: 'Co-Founder & CEO', source: 'referral', temperature: 'warm', touches }, NOW);
    expect(r.score).toBe(r.breakdown.reduce((s, l) => s + l.points, 0));
    expect(r.score).toBeLessThanOrEqual(100);
    expect(computeScore({ ...p, title: 'Co-Founder & CEO', source: 'referral', temperature: 'warm', touches }, NOW)).toEqual(r);
  });
  it('recognises seniority words as words, not substrings', () => {
    expect(computeScore({ ...p, title: 'Headhunter' }, NOW).score).toBe(0);
    expect(computeScore({ ...p, title: 'Head of Sales' }, NOW).score).toBe(20);
    expect(computeScore({ ...p, title: 'Direktur Utama' }, NOW).score).toBe(20);
  });
  it('decays after a month of silence, never below zero', () => {
    const old = { ...p, title: 'VP Sales', createdAt: NOW - 60 * DAY_MS };
    const r = computeScore(old, NOW);
    expect(r.breakdown.find((l) => l.rule === 'inactivity')?.points).toBe(-25);
    expect(r.score).toBe(0);
    expect(r.breakdown.reduce((s, l) => s + l.points, 0)).toBe(0);
  });
});
