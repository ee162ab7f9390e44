// Today's first read as the panel's first script sends it before the view is loaded (see ../early.ts).
// Kept free of imports so the early request's code stays a few lines beside the panel's entry, not a
// shared chunk. The view checks the request against its own (lib/pipeline/today's zone arithmetic)
// before it takes the reply.

/** Rows asked for and rendered first: more than a 900 px panel shows. */
export const FIRST_ROWS = 60;

/** The first page asked for, and its answer in: where the time before the first rows goes (read by the bench). */
export const TODAY_ASKED_MARK = 'jalur:today-asked';
export const TODAY_ANSWERED_MARK = 'jalur:today-answered';

/** The name the early reply is kept under. */
export const TODAY_EARLY_KEY = 'today:first';

/** The days after today the queue shows (lib/pipeline/today's TODAY_DAYS_AHEAD; a unit test keeps them equal). */
const DAYS_AHEAD = 7;

export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Local midnight `days` days after the day of `now`, in the page's own zone (the rep's: localTimeZone()). */
function localMidnight(now: number, days: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() + days);
  return d.getTime();
}

/**
 * Today's first page at `now` in the page's zone: the first rows in the queue's order and each group's
 * count, the window ending with the 7th day after today, today ending at the next local midnight.
 */
export function earlyFirstPage(now: number) {
  return { type: 'today' as const, until: localMidnight(now, DAYS_AHEAD + 1) - 1, first: FIRST_ROWS, tomorrow: localMidnight(now, 1) };
}
