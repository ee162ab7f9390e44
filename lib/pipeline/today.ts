// The Today queue (what a rep works through in a day): grouping, order and snooze presets. Plain data
// in, plain data out, clock and time zone passed in.
//
// - Overdue uses the badge's predicate exactly (open, due-or-snoozed-until at or before now), so the
//   Overdue group always holds the badge's items and its count equals the badge.
// - Today is the rest of the rep's local calendar day; Upcoming the next `days` local days after it.
// - Within a group the oldest due comes first (the longest-waiting person is worked first), ties by
//   name then id so the order is stable between reads.
import { fromWallClock, startOfLocalDay, wallClock } from './cadence';

export { startOfLocalDay };

export const TODAY_DAYS_AHEAD = 7;

export type TodayGroupKey = 'overdue' | 'today' | 'upcoming';
export const TODAY_GROUPS: readonly TodayGroupKey[] = ['overdue', 'today', 'upcoming'];

export interface TodayItemLike {
  id: string;
  /** The follow-up's open due time (later of due and snooze), as the badge counts it. */
  dueAt: number;
  name: string;
}

export interface TodayGroup<T> {
  key: TodayGroupKey;
  items: T[];
}

/** The last instant the queue shows: the end of the `days`-th local day after today. */
export function windowEnd(now: number, timeZone: string, days = TODAY_DAYS_AHEAD): number {
  return startOfLocalDay(now, timeZone, days + 1) - 1;
}

export function groupOf(dueAt: number, now: number, timeZone: string): TodayGroupKey | null {
  if (dueAt <= now) return 'overdue';
  if (dueAt < startOfLocalDay(now, timeZone, 1)) return 'today';
  if (dueAt <= windowEnd(now, timeZone)) return 'upcoming';
  return null;
}

export function compareItems(a: TodayItemLike, b: TodayItemLike): number {
  return a.dueAt - b.dueAt || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Overdue, Today, Upcoming, each sorted; items beyond the window are left out. Empty groups are kept. */
export function groupToday<T extends TodayItemLike>(items: readonly T[], now: number, timeZone: string): TodayGroup<T>[] {
  const tomorrow = startOfLocalDay(now, timeZone, 1);
  const end = windowEnd(now, timeZone);
  const groups: Record<TodayGroupKey, T[]> = { overdue: [], today: [], upcoming: [] };
  for (const it of items) {
    if (it.dueAt <= now) groups.overdue.push(it);
    else if (it.dueAt < tomorrow) groups.today.push(it);
    else if (it.dueAt <= end) groups.upcoming.push(it);
  }
  return TODAY_GROUPS.map((key) => ({ key, items: groups[key].sort(compareItems) }));
}

/** The queue as one list in the order it is worked: what the popup's first items and keyboard moves follow. */
export function flatten<T>(groups: readonly TodayGroup<T>[]): T[] {
  return groups.flatMap((g) => g.items);
}

// ---- snooze presets ---------------------------------------------------------------------------

export type SnoozePreset = 'hour' | 'tomorrow' | 'monday';
export const SNOOZE_PRESETS: readonly SnoozePreset[] = ['hour', 'tomorrow', 'monday'];

/** The local wall-clock hour snoozes to "tomorrow" and "next Monday" land on. */
export const SNOOZE_HOUR = 9;

function atLocalHour(dayStart: number, hour: number, timeZone: string): number {
  return fromWallClock(wallClock(dayStart, timeZone) + hour * 3_600_000, timeZone);
}

/**
 * When a preset snooze ends: in an hour; tomorrow 09:00 local; next Monday 09:00 local (a week on
 * when today is Monday). Local means the rep's zone, across DST changes.
 */
export function snoozeUntil(preset: SnoozePreset, now: number, timeZone: string): number {
  if (preset === 'hour') return now + 3_600_000;
  if (preset === 'tomorrow') return atLocalHour(startOfLocalDay(now, timeZone, 1), SNOOZE_HOUR, timeZone);
  const weekday = new Date(wallClock(now, timeZone)).getUTCDay(); // 0 = Sunday
  const ahead = (8 - weekday) % 7 || 7;
  return atLocalHour(startOfLocalDay(now, timeZone, ahead), SNOOZE_HOUR, timeZone);
}
