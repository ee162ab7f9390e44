import { describe, expect, it } from 'vitest';
import { nextWorkingSlot, presetDue } from './follow-up-presets';

// vitest pins TZ to Asia/Jakarta: local times below are Jakarta's.
const at = (s: string) => new Date(s).getTime();
const local = (ms: number) => {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getDay()]} ${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
};

describe('follow-up presets', () => {
  const wedEvening = at('2026-12-02T22:30:00'); // Wednesday

  it('tomorrow, in 3 days and next week start the working day', () => {
    expect(local(presetDue('tomorrow', wedEvening))).toBe('Thu 2026-12-03 09:00');
    expect(local(presetDue('in3days', wedEvening))).toBe('Mon 2026-12-07 09:00'); // Saturday moves to Monday
    expect(local(presetDue('nextWeek', wedEvening))).toBe('Mon 2026-12-07 09:00');
  });

  it('tomorrow from a Friday is Monday; next week from a Monday is a week away', () => {
    expect(local(presetDue('tomorrow', at('2026-12-04T10:00:00')))).toBe('Mon 2026-12-07 09:00');
    expect(local(presetDue('nextWeek', at('2026-12-07T10:00:00')))).toBe('Mon 2026-12-14 09:00');
    expect(local(presetDue('nextWeek', at('2026-12-06T10:00:00')))).toBe('Mon 2026-12-07 09:00'); // from Sunday
  });
});

describe('nextWorkingSlot', () => {
  it.each([
    ['2026-12-02T07:10:00', 'Wed 2026-12-02 09:00'], // before work: today's start
    ['2026-12-02T10:10:00', 'Wed 2026-12-02 11:00'], // during work: the next full hour
    ['2026-12-02T10:40:00', 'Wed 2026-12-02 12:00'], // at least half an hour ahead
    ['2026-12-02T16:40:00', 'Thu 2026-12-03 09:00'], // too late today
    ['2026-12-04T18:00:00', 'Mon 2026-12-07 09:00'], // Friday evening
    ['2026-12-05T08:00:00', 'Mon 2026-12-07 09:00'], // Saturday morning
  ])('%s → %s', (now, slot) => {
    expect(local(nextWorkingSlot(at(now)))).toBe(slot);
  });
});
