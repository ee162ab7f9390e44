import { describe, expect, it } from 'vitest';
import { decideNotification, type NotifyFollowUp } from './notify';

const NOW = Date.UTC(2026, 10, 26, 9, 0, 0);
const MIN = 60_000;
const f = (id: string, dueAt: number, extra: Partial<NotifyFollowUp> = {}): NotifyFollowUp => ({
  id,
  title: `Follow up ${id}`,
  dueAt,
  doneAt: null,
  snoozedUntil: null,
  deletedAt: null,
  ...extra,
});

describe('one summary notification, never repeated for the same follow-ups', () => {
  it('nothing due: nothing shown', () => {
    const d = decideNotification([f('a', NOW + MIN)], null, NOW);
    expect(d).toEqual({ show: false, state: { at: null, keys: [] } });
  });

  it('several due at once: one summary naming the first few, longest overdue first', () => {
    const list = [f('c', NOW - 1 * MIN), f('a', NOW - 30 * MIN), f('b', NOW - 10 * MIN), f('d', NOW), f('z', NOW + MIN)];
    const d = decideNotification(list, null, NOW);
    expect(d).toMatchObject({ show: true, count: 4, fresh: 4, titles: ['Follow up a', 'Follow up b', 'Follow up c'] });
    expect(d.state.at).toBe(NOW);
    const again = decideNotification(list, d.state, NOW + MIN - 1);
    expect(again.show).toBe(false);
    expect(again.state).toEqual(d.state);
    // 'z' falls due later: only it is news.
    expect(decideNotification(list, d.state, NOW + 10 * MIN)).toMatchObject({ show: true, count: 5, fresh: 1, titles: ['Follow up z'] });
  });

  it('a newly due follow-up brings a new summary counting everything overdue', () => {
    const first = decideNotification([f('a', NOW - MIN)], null, NOW);
    const later = NOW + 20 * MIN;
    const d = decideNotification([f('a', NOW - MIN), f('b', later - MIN)], first.state, later);
    expect(d).toMatchObject({ show: true, count: 2, fresh: 1, titles: ['Follow up b'] });
  });

  it('follow-ups falling due within the quiet gap wait for its end', () => {
    const first = decideNotification([f('a', NOW)], null, NOW);
    const list = [f('a', NOW), f('b', NOW + MIN)];
    const quiet = decideNotification(list, first.state, NOW + 2 * MIN);
    expect(quiet.show).toBe(false);
    expect(quiet.state.at).toBe(NOW);
    const after = decideNotification(list, quiet.state, NOW + 6 * MIN);
    expect(after).toMatchObject({ show: true, fresh: 1, titles: ['Follow up b'] });
    expect(decideNotification(list, first.state, NOW + 2 * MIN, { minGapMs: 0 }).show).toBe(true);
  });

  it('done, deleted and snoozed follow-ups are not due; a snooze that ends is news again', () => {
    const first = decideNotification([f('a', NOW - MIN)], null, NOW);
    const closed = [
      f('a', NOW - MIN, { snoozedUntil: NOW + 60 * MIN }),
      f('b', NOW - MIN, { doneAt: NOW }),
      f('c', NOW - MIN, { deletedAt: NOW }),
    ];
    const snoozed = decideNotification(closed, first.state, NOW + 10 * MIN);
    expect(snoozed).toEqual({ show: false, state: { at: NOW, keys: [] } });
    const woke = decideNotification(closed, snoozed.state, NOW + 61 * MIN);
    expect(woke).toMatchObject({ show: true, count: 1, fresh: 1, titles: ['Follow up a'] });
  });

  it('titles are one line and capped', () => {
    const d = decideNotification([f('a', NOW, { title: `Call\n${'x'.repeat(200)}` })], null, NOW, { maxTitles: 1, titleMax: 20 });
    expect(d.show && d.titles[0]).toBe(`Call ${'x'.repeat(14)}…`);
  });
});
