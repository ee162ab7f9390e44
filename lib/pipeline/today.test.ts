import { describe, expect, it } from 'vitest';
import { flatten, groupOf, groupToday, snoozeUntil, startOfLocalDay, windowEnd, type TodayItemLike } from './today';

const utc = (s: string) => Date.parse(`${s}Z`);
const iso = (t: number) => new Date(t).toISOString();
const JKT = 'Asia/Jakarta'; // UTC+7, no DST

// Fixed clock: Monday 2 Nov 2026, 10:00 WIB.
const NOW = utc('2026-11-02T03:00');

function item(id: string, dueAt: number, name = id): TodayItemLike {
  return { id, dueAt, name };
}

describe('grouping at day boundaries in Asia/Jakarta', () => {
  it.each([
    ['2026-11-02T03:00', 'overdue', 'due exactly now counts as overdue, as on the badge'],
    ['2026-10-20T03:00', 'overdue', 'long ago'],
    ['2026-11-02T03:00:00.001', 'today', 'a millisecond from now'],
    ['2026-11-02T16:59:59.999', 'today', '23:59:59.999 WIB, the last instant of today'],
    ['2026-11-02T17:00', 'upcoming', '00:00 WIB Tuesday'],
    ['2026-11-09T16:59:59.999', 'upcoming', 'end of the 7th day after today'],
    ['2026-11-09T17:00', null, 'the 8th day: not in the queue'],
  ] as Array<[string, string | null, string]>)('%s → %s (%s)', (at, group) => {
    expect(groupOf(Date.parse(`${at}Z`), NOW, JKT)).toBe(group);
  });

  it('the same instant falls on another local day in another zone', () => {
    const at = utc('2026-11-02T18:00'); // Tue 01:00 WIB, Mon 19:00 in Berlin
    expect(groupOf(at, NOW, JKT)).toBe('upcoming');
    expect(groupOf(at, NOW, 'Europe/Berlin')).toBe('today');
  });

  it('groups in order, oldest first within a group, ties by name; leaves out what is beyond the window', () => {
    const items = [
      item('u1', utc('2026-11-05T02:00')),
      item('t2', utc('2026-11-02T09:00'), 'Budi'),
      item('o2', utc('2026-11-01T02:00')),
      item('t1', utc('2026-11-02T09:00'), 'Ayu'),
      item('o1', utc('2026-10-30T02:00')),
      item('far', utc('2026-12-01T02:00')),
    ];
    const groups = groupToday(items, NOW, JKT);
    expect(groups.map((g) => [g.key, g.items.map((i) => i.id)])).toEqual([
      ['overdue', ['o1', 'o2']],
      ['today', ['t1', 't2']],
      ['upcoming', ['u1']],
    ]);
    expect(flatten(groups).map((i) => i.id)).toEqual(['o1', 'o2', 't1', 't2', 'u1']);
  });

  it('keeps empty groups, so each heading can say "none"', () => {
    expect(groupToday([], NOW, JKT).map((g) => [g.key, g.items.length])).toEqual([
      ['overdue', 0],
      ['today', 0],
      ['upcoming', 0],
    ]);
  });

  it('the window ends with the 7th local day after today', () => {
    expect(iso(startOfLocalDay(NOW, JKT))).toBe('2026-11-01T17:00:00.000Z');
    expect(iso(windowEnd(NOW, JKT))).toBe('2026-11-09T16:59:59.999Z');
  });

  it('the Overdue group holds exactly what the badge counts: due at or before now', () => {
    const dues = [-5, -1, 0, 1, 5].map((m) => NOW + m * 60_000);
    const items = dues.map((d, i) => item(String(i), d));
    const badge = dues.filter((d) => d <= NOW).length;
    expect(groupToday(items, NOW, JKT)[0]!.items).toHaveLength(badge);
  });
});

describe('snooze presets in the rep’s zone', () => {
  it('1 hour is an hour', () => {
    expect(snoozeUntil('hour', NOW, JKT)).toBe(NOW + 3_600_000);
  });

  it('tomorrow 09:00 local', () => {
    expect(iso(snoozeUntil('tomorrow', NOW, JKT))).toBe('2026-11-03T02:00:00.000Z');
    // 23:30 WIB Monday: tomorrow is Tuesday.
    expect(iso(snoozeUntil('tomorrow', utc('2026-11-02T16:30'), JKT))).toBe('2026-11-03T02:00:00.000Z');
    // 00:30 WIB Tuesday: tomorrow is Wednesday.
    expect(iso(snoozeUntil('tomorrow', utc('2026-11-02T17:30'), JKT))).toBe('2026-11-04T02:00:00.000Z');
  });

  it.each([
    ['Monday → the Monday a week on', '2026-11-02T03:00', JKT, '2026-11-09T02:00:00.000Z'],
    ['Sunday 23:00 WIB → the next day', '2026-11-01T16:00', JKT, '2026-11-02T02:00:00.000Z'],
    ['Friday Berlin before fall-back → Monday 09:00 CET', '2026-10-23T10:00', 'Europe/Berlin', '2026-10-26T08:00:00.000Z'],
    ['Friday Berlin before spring-forward → Monday 09:00 CEST', '2026-03-27T10:00', 'Europe/Berlin', '2026-03-30T07:00:00.000Z'],
    ['Saturday London before spring-forward → Monday 09:00 BST', '2026-03-28T12:00', 'Europe/London', '2026-03-30T08:00:00.000Z'],
    ['Sunday London on fall-back day → Monday 09:00 GMT', '2026-10-25T12:00', 'Europe/London', '2026-10-26T09:00:00.000Z'],
  ])('next Monday: %s', (_why, now, zone, expected) => {
    expect(iso(snoozeUntil('monday', utc(now), zone))).toBe(expected);
  });

  it('tomorrow 09:00 across Berlin’s spring-forward night', () => {
    expect(iso(snoozeUntil('tomorrow', utc('2026-03-28T20:00'), 'Europe/Berlin'))).toBe('2026-03-29T07:00:00.000Z');
  });
});
