import { describe, expect, it } from 'vitest';
import { dayFirstFor, parseMailDate } from './date';

describe('parseMailDate', () => {
  it.each([
    // Gmail date titles
    ['Tue, Mar 5, 2024, 10:12 AM', '2024-03-05T10:12:00'],
    ['Tue, Mar 5, 2024, 10:12\u202fPM', '2024-03-05T22:12:00'],
    ['Mon, Mar 4, 2019 at 9:15 AM', '2019-03-04T09:15:00'],
    ['Fri, Mar 1, 2024, 12:05 AM', '2024-03-01T00:05:00'],
    ['Fri, Mar 1, 2024, 12:05 PM', '2024-03-01T12:05:00'],
    ['Tue, 5 Mar 2024, 10:12', '2024-03-05T10:12:00'],
    ['Sel, 5 Mar 2024, 10.12', '2024-03-05T10:12:00'],
    ['Kam, 15 Agu 2024 pukul 14.30', '2024-08-15T14:30:00'],
    ['Di., 5. März 2024, 10:12', '2024-03-05T10:12:00'],
    ['mar. 5 mars 2024, 10:12', '2024-03-05T10:12:00'],
    ['Thu, Feb 29, 2024, 9:00 AM', '2024-02-29T09:00:00'],
    // Outlook
    ['Tuesday, March 5, 2024 10:12 PM', '2024-03-05T22:12:00'],
    ['Tue 2024-03-05 10:12', '2024-03-05T10:12:00'],
    ['Tue 25/03/2024 10:12', '2024-03-25T10:12:00'],
    ['Tue 3/25/2024 10:12 AM', '2024-03-25T10:12:00'],
    ['Tue 5.3.2024 10:12', null], // ambiguous without the UI's locale
    // date without time, ISO passthrough
    ['March 5, 2024', '2024-03-05'],
    ['2024-03-05T10:12:00Z', '2024-03-05T10:12:00Z'],
    ['2024-03-05', '2024-03-05'],
    // not dates
    ['Yesterday', null],
    ['10:12 AM (2 days ago)', null],
    ['Feb 30, 2024', null],
    ['Feb 29, 2023, 9:00 AM', null],
    ['', null],
    [null, null],
    ['x'.repeat(500), null],
  ] as [string | null, string | null][])('%j → %j', (input, expected) => {
    expect(parseMailDate(input)).toBe(expected);
  });

  it('reads all-numeric dates in the UI locale’s order', () => {
    expect(parseMailDate('Tue 3/5/2024 10:12 AM', { dayFirst: false })).toBe('2024-03-05T10:12:00');
    expect(parseMailDate('Tue 05/03/2024 10:12', { dayFirst: true })).toBe('2024-03-05T10:12:00');
    expect(parseMailDate('Sel 05/03/2024 10.12', { dayFirst: true })).toBe('2024-03-05T10:12:00');
    expect(parseMailDate('5.3.24 10:12', { dayFirst: true })).toBe('2024-03-05T10:12:00');
    // an impossible day decides whatever the locale says
    expect(parseMailDate('25/03/2024', { dayFirst: false })).toBe('2024-03-25');
  });

  it('keeps the date when the time is out of range', () => {
    expect(parseMailDate('Mar 5, 2024, 25:12')).toBe('2024-03-05');
    expect(parseMailDate('Mar 5, 2024, 13:12 PM')).toBe('2024-03-05');
  });
});

describe('dayFirstFor', () => {
  it.each([
    ['en-US', false],
    ['en', false],
    ['en-GB', true],
    ['id-ID', true],
    ['id', true],
    ['de', true],
    ['', undefined],
    [null, undefined],
  ] as [string | null, boolean | undefined][])('%j → %j', (lang, expected) => {
    expect(dayFirstFor(lang)).toBe(expected);
  });
});
