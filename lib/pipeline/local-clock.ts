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

/** The zone's wall clock at `now` as a Date whose local fields read it (throws for an unknown zone). */
function wall(zone: string | undefined, now: number): Date {
  return new Date(new Date(now).toLocaleString('en-US', { timeZone: zone }));
}

/**
 * What to show for a prospect in `zone` at `now`, in the rep's `locale` (and their own `ownZone`,
 * to tell when it is already another day there). Null when the zone is unknown.
 */
export function localClock(zone: string, now: number, locale: string, ownZone?: string): LocalClock | null {
  try {
    const there = wall(zone, now);
    const f = (o: Intl.DateTimeFormatOptions) => new Date(now).toLocaleString(locale, { timeZone: zone, ...o });
    const h = there.getHours();
    const d = there.getDay();
    return {
      time: f({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      otherDay: there.getDate() === wall(ownZone, now).getDate() ? null : f({ weekday: 'short' }),
      working: d > 0 && d < 6 && h >= WORK_START_HOUR && h < WORK_END_HOUR,
    };
  } catch {
    return null;
  }
}
