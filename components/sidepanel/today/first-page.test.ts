import { afterEach, describe, expect, it } from 'vitest';
import { TODAY_DAYS_AHEAD } from '../../../lib/pipeline/today';
import { earlyFirstPage, FIRST_ROWS } from './first-page';
import { acceptsEarly, firstPageRequest } from './queue-request';

const HOUR = 3_600_000;
const zoneBefore = process.env.TZ;
afterEach(() => void (process.env.TZ = zoneBefore));

describe("Today's early first page", () => {
  // The panel's first script works in the page's own zone with Date; the view with the pipeline's zone
  // arithmetic. Where they agree the early reply is taken, so they must agree on ordinary days,
  // across DST changes and on half-hour zones.
  it.each(['Asia/Jakarta', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham'])(
    'asks what the view asks, hour by hour through a year, in %s',
    (zone) => {
      process.env.TZ = zone;
      const from = Date.UTC(2026, 0, 1);
      for (let at = from; at < from + 366 * 24 * HOUR; at += 7 * HOUR + 13 * 60_000) {
        const early = earlyFirstPage(at);
        expect(early, new Date(at).toISOString()).toEqual(firstPageRequest(at, zone));
        expect(acceptsEarly(early, at, zone)).toBe(true);
      }
    },
  );

  it('is not taken for another moment, zone or page size (the view then asks itself)', () => {
    process.env.TZ = 'Asia/Jakarta';
    const at = Date.UTC(2026, 5, 1, 16, 59, 59, 999); // 23:59:59.999 in Jakarta
    const early = earlyFirstPage(at);
    expect(acceptsEarly(early, at, 'Asia/Jakarta')).toBe(true);
    expect(acceptsEarly(early, at + 1, 'Asia/Jakarta')).toBe(false);
    expect(acceptsEarly(early, at, 'Europe/Berlin')).toBe(false);
    expect(acceptsEarly({ ...early, first: 10 }, at, 'Asia/Jakarta')).toBe(false);
    expect(acceptsEarly(null, at, 'Asia/Jakarta')).toBe(false);
  });

  it('keeps the queue window of the pipeline', () => {
    process.env.TZ = 'Asia/Jakarta';
    const at = Date.UTC(2026, 5, 1, 3);
    const { until, tomorrow, first } = earlyFirstPage(at);
    expect(first).toBe(FIRST_ROWS);
    expect(Math.round((until + 1 - tomorrow) / (24 * HOUR))).toBe(TODAY_DAYS_AHEAD);
  });
});
