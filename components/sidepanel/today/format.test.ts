import { describe, expect, it, vi } from 'vitest';
import { endOfLocalDay, startOfLocalDay } from '../../../lib/pipeline/cadence';
import { groupOf } from '../../../lib/pipeline/today';

vi.mock('wxt/browser', () => ({ browser: { i18n: { getMessage: (k: string) => k, getUILanguage: () => 'en' } } }));
const { dueLabel } = await import('./format');

const HOUR = 3_600_000;

describe('Today row times', () => {
  // Whether a step is due "by the end of its day" is decided from the day ends worked out once per
  // reading; it must say exactly what the per-row computation said.
  it.each(['Asia/Jakarta', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe'])('says "any time" exactly for day-end steps in %s', (zone) => {
    const start = Date.UTC(2026, 2, 20, 5, 17);
    for (let now = start; now < start + 40 * 24 * HOUR; now += 23 * HOUR) {
      const dues: number[] = [];
      for (let k = 0; k <= 8; k++) {
        const end = startOfLocalDay(now, zone, k + 1) - 1;
        dues.push(end, end - 1, end + 1, end - HOUR, startOfLocalDay(now, zone, k) + 9 * HOUR);
      }
      dues.push(now + 1, now + 8 * 24 * HOUR + 3, now + 30 * 24 * HOUR);
      for (const due of dues) {
        const group = groupOf(due, now, zone);
        if (group === null || group === 'overdue') continue;
        const label = dueLabel(due, now, group, zone);
        const wholeDay = endOfLocalDay(due, zone) === due;
        if (group === 'today') expect(label === 'todayAnyTime', `${zone} ${new Date(due).toISOString()}`).toBe(wholeDay);
        // Upcoming shows the day alone for a day-end step, the day and the time otherwise.
        else expect(/\d{1,2}:\d{2}/.test(label), `${zone} ${new Date(due).toISOString()} ${label}`).toBe(!wholeDay);
      }
    }
  });
});
