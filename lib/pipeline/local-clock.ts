// The clock on the prospect's wall: the hour in their time zone and whether it is working time
// there. No place table here (that lives in local-time.ts, background only), so the inline chip can
// import this and stay small; Intl does the zone arithmetic.

export interface LocalClock {
  /** "14:05" (or the locale's own form, e.g. "14.05" in Indonesian). */
  time: string;
  /** Short weekday when it differs from the rep's own day, else null. */
  otherDay: string | null;
  working: boolean;
}

/** Monday–Friday, 09:00 to 17:00 local: the hours a cold call or a meeting request is welcome. */
export const WORK_START_HOUR = 9;
export const WORK_END_HOUR = 17;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The zone's wall-clock parts at `now`, or null for a zone this runtime does not know. */
export function wallClock(zone: string, now: number): { weekday: number; hour: number; minute: number; day: number } | null {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      day: 'numeric',
      hourCycle: 'h23',
    }).formatToParts(new Date(now));
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return { weekday: WEEKDAYS.indexOf(get('weekday')), hour: Number(get('hour')) % 24, minute: Number(get('minute')), day: Number(get('day')) };
  } catch {
    return null;
  }
}

export function isWorkingTime(c: { weekday: number; hour: number }): boolean {
  return c.weekday >= 1 && c.weekday <= 5 && c.hour >= WORK_START_HOUR && c.hour < WORK_END_HOUR;
}

/**
 * What to show for a prospect in `zone` at `now`, in the rep's `locale` (and their own `ownZone`,
 * to tell when it is already another day there). Null when the zone is unknown.
 */
export function localClock(zone: string, now: number, locale: string, ownZone?: string): LocalClock | null {
  const there = wallClock(zone, now);
  if (!there) return null;
  const here = ownZone ? wallClock(ownZone, now) : wallClock(Intl.DateTimeFormat().resolvedOptions().timeZone, now);
  let time: string;
  let otherDay: string | null = null;
  try {
    time = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(now));
    if (here && here.day !== there.day) otherDay = new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short' }).format(new Date(now));
  } catch {
    return null;
  }
  return { time, otherDay, working: isWorkingTime(there) };
}
