// How a Today row says when and what: relative for what is late, the time for today, the weekday
// for the days ahead. A step due "by the end of its day" says so instead of showing 23:59.
import { endOfLocalDay, startOfLocalDay } from '../../../lib/pipeline/cadence';
import { TODAY_DAYS_AHEAD, type TodayGroupKey } from '../../../lib/pipeline/today';
import { t, uiLocale } from '../../shared/i18n';

export { localTimeZone } from './first-page';

// Building an Intl formatter costs far more than using one; a long queue formats thousands of times.
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${uiLocale()}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(uiLocale(), { ...options, timeZone })));
  return f;
}
let relativeFormat: Intl.RelativeTimeFormat | null = null;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function relative(dueAt: number, now: number): string {
  // Numbers, not "yesterday": 30 hours late may be two calendar days back.
  const rtf = (relativeFormat ??= new Intl.RelativeTimeFormat(uiLocale(), { numeric: 'always' }));
  const late = now - dueAt;
  if (late < HOUR) return rtf.format(-Math.max(1, Math.round(late / MINUTE)), 'minute');
  if (late < 2 * DAY) return rtf.format(-Math.round(late / HOUR), 'hour');
  return rtf.format(-Math.round(late / DAY), 'day');
}

// The last instants of the local days the queue shows, worked out once per reading rather than per row:
// finding a day's end reads the zone's offset through Intl, several times, which a 2,000-row queue felt.
let ends: { now: number; timeZone: string; last: number; set: ReadonlySet<number> } | null = null;

/** Whether `dueAt` is the last instant of its local day ("by the end of the day"). */
function isWholeDay(dueAt: number, now: number, timeZone: string): boolean {
  if (ends?.now !== now || ends.timeZone !== timeZone) {
    const set = new Set<number>();
    for (let k = 1; k <= TODAY_DAYS_AHEAD + 2; k++) set.add(startOfLocalDay(now, timeZone, k) - 1);
    ends = { now, timeZone, last: Math.max(...set), set };
  }
  // Only a time after `now` in the kept days is decided by the set; anything else the long way.
  if (dueAt < now || dueAt > ends.last) return endOfLocalDay(dueAt, timeZone) === dueAt;
  return ends.set.has(dueAt);
}

export function dueLabel(dueAt: number, now: number, group: TodayGroupKey, timeZone: string): string {
  if (group === 'overdue') return relative(dueAt, now);
  const wholeDay = isWholeDay(dueAt, now, timeZone);
  const time = dateFormat(timeZone, { timeStyle: 'short' }).format(dueAt);
  if (group === 'today') return wholeDay ? t('todayAnyTime') : time;
  const day = dateFormat(timeZone, { weekday: 'short', day: 'numeric', month: 'short' }).format(dueAt);
  return wholeDay ? day : `${day} ${time}`;
}

/** The exact due time, for a tooltip and screen readers. */
export function dueFull(dueAt: number, timeZone: string): string {
  return dateFormat(timeZone, { dateStyle: 'full', timeStyle: 'short' }).format(dueAt);
}

