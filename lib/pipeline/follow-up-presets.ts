// When "tomorrow", "in 3 days" and "next week" fall for a follow-up added in one click, and the next
// working slot a new follow-up defaults to. All in the rep's own local time (the runtime's zone),
// at the start of the working day, so a follow-up added late at night is not due at midnight.
import { WORK_END_HOUR, WORK_START_HOUR } from './local-clock';

export const FOLLOW_UP_PRESETS = ['tomorrow', 'in3days', 'nextWeek'] as const;
export type FollowUpPreset = (typeof FOLLOW_UP_PRESETS)[number];

const isWeekend = (d: Date) => d.getDay() === 0 || d.getDay() === 6;

function atDayStart(now: number, addDays: number): Date {
  const d = new Date(now);
  d.setDate(d.getDate() + addDays);
  d.setHours(WORK_START_HOUR, 0, 0, 0);
  return d;
}

/** Moves a day-start that fell on a weekend to Monday. */
function toWorkday(d: Date): Date {
  while (isWeekend(d)) d.setDate(d.getDate() + 1);
  return d;
}

export function presetDue(preset: FollowUpPreset, now: number): number {
  switch (preset) {
    case 'tomorrow':
      return toWorkday(atDayStart(now, 1)).getTime();
    case 'in3days':
      return toWorkday(atDayStart(now, 3)).getTime();
    case 'nextWeek': {
      // Monday of next week: from Sunday that is tomorrow, from Monday a week away.
      const day = new Date(now).getDay();
      return atDayStart(now, ((8 - day) % 7) || 7).getTime();
    }
  }
}

/**
 * The next working slot from `now`: the next full hour while it is still working time today (with
 * at least half an hour to go), else the start of the next working day.
 */
export function nextWorkingSlot(now: number): number {
  const d = new Date(now);
  if (!isWeekend(d) && d.getHours() < WORK_START_HOUR) return atDayStart(now, 0).getTime();
  const slot = new Date(now + 30 * 60_000);
  slot.setMinutes(0, 0, 0);
  slot.setHours(slot.getHours() + 1);
  if (!isWeekend(d) && slot.getDate() === d.getDate() && slot.getHours() < WORK_END_HOUR) return slot.getTime();
  return toWorkday(atDayStart(now, 1)).getTime();
}
