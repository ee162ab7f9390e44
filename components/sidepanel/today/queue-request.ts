// Today's reads as the view makes them, with the zone arithmetic of lib/pipeline/today, and whether
// an early first page (./first-page.ts, asked before the view was loaded) asked the same.
import { startOfLocalDay, windowEnd } from '../../../lib/pipeline/today';
import { FIRST_ROWS } from './first-page';

/** Today's first page at `now`: the first rows in the queue's order and each group's count. */
export function firstPageRequest(now: number, timeZone: string) {
  return { type: 'today' as const, until: windowEnd(now, timeZone), first: FIRST_ROWS, tomorrow: startOfLocalDay(now, timeZone, 1) };
}

/** The whole queue at `now`. */
export function wholeQueueRequest(now: number, timeZone: string) {
  return { type: 'today' as const, until: windowEnd(now, timeZone) };
}

/** Whether an early request made at `at` asked exactly what the view asks at that instant. */
export function acceptsEarly(asked: unknown, at: number, timeZone: string): boolean {
  const want = firstPageRequest(at, timeZone);
  const r = asked as Partial<typeof want> | null;
  return r?.type === want.type && r.until === want.until && r.first === want.first && r.tomorrow === want.tomorrow;
}
