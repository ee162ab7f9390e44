import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CadenceSchema, CadenceStepsSchema, DEFAULT_CADENCE, EnrolmentSchema, type CadenceStep } from '../model/cadence';
import * as rules from './cadence';
import { addCalendarDays, fromWallClock, pause, renderTemplate, stop, wallClock, type CadenceLike, type CadenceOutcome } from './cadence';

// Most suites pin wall-clock placement, so they run under 'exactTime'; the default ('endOfDay') has
// its own suite below.
const EXACT = { dueRule: 'exactTime' } as const;
const enrol: typeof rules.enrol = (c, s, z, o = {}) => rules.enrol(c, s, z, { ...EXACT, ...o });
const completeStep: typeof rules.completeStep = (e, c, at, o = {}) => rules.completeStep(e, c, at, { ...EXACT, ...o });
const skipStep: typeof rules.skipStep = (e, c, at, o = {}) => rules.skipStep(e, c, at, { ...EXACT, ...o });
const resume: typeof rules.resume = (e, c, at, o = {}) => rules.resume(e, c, at, { ...EXACT, ...o });

const utc = (s: string) => Date.parse(`${s}Z`);
const iso = (t: number | null | undefined) => (t == null ? null : new Date(t).toISOString().slice(0, 16));
const CID = '00000000-0000-4000-8000-0000000000c1';
const DEFAULT: CadenceLike = { id: CID, steps: DEFAULT_CADENCE.steps };
const FIELDS = { name: 'Dr. Siti Rahayu', company: 'Gojek', title: 'VP Engineering' };

describe('calendar days in the rep’s time zone keep the wall-clock time', () => {
  it.each([
    // zone, start (UTC), days, expected (UTC), why
    ['Europe/Berlin', '2026-10-23T07:00', 3, '2026-10-26T08:00', 'Fri 09:00 CEST → Mon 09:00 CET across fall-back'],
    ['Europe/Berlin', '2026-03-27T08:00', 3, '2026-03-30T07:00', 'Fri 09:00 CET → Mon 09:00 CEST across spring-forward'],
    ['America/New_York', '2026-10-30T13:00', 3, '2026-11-02T14:00', 'Fri 09:00 EDT → Mon 09:00 EST'],
    ['America/New_York', '2026-03-06T14:00', 3, '2026-03-09T13:00', 'Fri 09:00 EST → Mon 09:00 EDT'],
    ['Asia/Jakarta', '2026-10-23T02:00', 3, '2026-10-26T02:00', 'no DST: exactly 72 hours'],
    ['Europe/Berlin', '2026-12-30T08:00', 5, '2027-01-04T08:00', 'across the year end'],
    ['Europe/Berlin', '2026-10-26T08:00', -3, '2026-10-23T07:00', 'backwards across fall-back'],
    ['Europe/Berlin', '2026-03-28T01:30', 1, '2026-03-29T01:30', '02:30 does not exist on spring-forward day: 03:30 CEST'],
    ['Europe/Berlin', '2026-10-24T00:30', 1, '2026-10-25T00:30', '02:30 happens twice on fall-back day: the first (CEST)'],
    ['America/New_York', '2026-10-24T03:30', 0, '2026-10-24T03:30', 'day 0 is the moment itself (Fri 23:30 EDT)'],
    ['Asia/Jakarta', '2026-10-23T16:30', 1, '2026-10-24T16:30', '23:30 WIB: the next local day'],
  ])('%s %s + %i days', (zone, start, days, expected) => {
    expect(iso(addCalendarDays(utc(start), days, zone))).toBe(expected);
  });

  it('counts days from the local date, which differs by zone for the same instant', () => {
    const t = utc('2026-10-23T23:30'); // Sat 06:30 in Jakarta, Fri 19:30 in New York
    expect(iso(wallClock(t, 'Asia/Jakarta'))).toBe('2026-10-24T06:30');
    expect(iso(wallClock(t, 'America/New_York'))).toBe('2026-10-23T19:30');
    expect(iso(addCalendarDays(t, 1, 'Asia/Jakarta'))).toBe('2026-10-24T23:30');
  });

  it('wall clock round-trips for ordinary times', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Jakarta']) {
      const t = utc('2026-07-01T12:34');
      expect(fromWallClock(wallClock(t, zone), zone)).toBe(t);
    }
  });
});

function runOnTime(cadence: CadenceLike, start: number, zone: string): { dues: (string | null)[]; last: CadenceOutcome } {
  let out = enrol(cadence, start, zone, { fields: FIELDS });
  const dues = [iso(out.next?.dueAt)];
  while (out.next) {
    out = completeStep(out.enrolment, cadence, out.next.dueAt, { fields: FIELDS });
    if (out.next) dues.push(iso(out.next.dueAt));
  }
  return { dues, last: out };
}

describe('the default cadence, done on time', () => {
  it.each([
    [
      'Europe/Berlin, Fri 09:00 before the October switch',
      'Europe/Berlin',
      '2026-10-23T07:00',
      [
        '2026-10-23T07:00',
        '2026-10-25T08:00',
        '2026-10-27T08:00',
        '2026-10-30T08:00',
        '2026-11-02T08:00',
        '2026-11-06T08:00',
        '2026-11-09T08:00',
        '2026-11-13T08:00',
      ],
    ],
    [
      'America/New_York, Mon 09:00 before the March switch',
      'America/New_York',
      '2026-03-02T14:00',
      [
        '2026-03-02T14:00',
        '2026-03-04T14:00',
        '2026-03-06T14:00',
        '2026-03-09T13:00',
        '2026-03-12T13:00',
        '2026-03-16T13:00',
        '2026-03-19T13:00',
        '2026-03-23T13:00',
      ],
    ],
    [
      'Asia/Jakarta, Mon 09:00',
      'Asia/Jakarta',
      '2026-11-02T02:00',
      [
        '2026-11-02T02:00',
        '2026-11-04T02:00',
        '2026-11-06T02:00',
        '2026-11-09T02:00',
        '2026-11-12T02:00',
        '2026-11-16T02:00',
        '2026-11-19T02:00',
        '2026-11-23T02:00',
      ],
    ],
  ])('%s', (_name, zone, start, expected) => {
    const { dues, last } = runOnTime(DEFAULT, utc(start), zone);
    expect(dues).toEqual(expected);
    expect(last.enrolment).toMatchObject({ status: 'completed', step: 8, done: 8, skipped: 0, dueAt: null, endedAt: utc(expected[7]!) });
  });
});

describe('enrol', () => {
  it('plans step 1 at once, titled from the template', () => {
    const start = utc('2026-11-02T02:00');
    const out = enrol(DEFAULT, start, 'Asia/Jakarta', { fields: FIELDS });
    expect(out.next).toEqual({
      title: 'Connect with a personal note about Gojek.',
      note: 'Connect with a personal note about Gojek.',
      dueAt: start,
      channel: 'connection_request',
      cadenceId: CID,
      cadenceStep: 0,
    });
    expect(out.enrolment).toMatchObject({ status: 'active', step: 0, startedAt: start, anchorAt: start, dueAt: start });
    expect(EnrolmentSchema.parse(out.enrolment)).toEqual(out.enrolment);
    expect(EnrolmentSchema.safeParse({ ...out.enrolment, timeZone: 'Nowhere/Else' }).success).toBe(false);
  });
  it('an empty cadence completes at once', () => {
    const out = enrol({ id: CID, steps: [] }, 1000, 'Asia/Jakarta');
    expect(out.next).toBeNull();
    expect(out.enrolment).toMatchObject({ status: 'completed', endedAt: 1000 });
  });
  it('refuses an unknown time zone', () => {
    expect(() => enrol(DEFAULT, 1000, 'Mars/Olympus')).toThrow(/time zone/);
  });
  it('a step without a note is titled by its channel', () => {
    expect(enrol({ id: CID, steps: [{ day: 1, channel: 'call', note: '' }] }, 0, 'Asia/Jakarta').next?.title).toBe('Call');
  });
  it('the title is the note’s first line, capped at 300', () => {
    const steps: CadenceStep[] = [{ day: 0, channel: 'email', note: `\n${'x'.repeat(400)}\nsecond line` }];
    const next = enrol({ id: CID, steps }, 0, 'Asia/Jakarta').next!;
    expect(next.title).toHaveLength(300);
    expect(next.title.endsWith('…')).toBe(true);
    expect(next.note).toContain('second line');
  });
});

describe('completing and skipping', () => {
  const zone = 'Asia/Jakarta';
  const start = utc('2026-11-02T02:00'); // Mon 09:00 WIB

  it('on time: the next step keeps its planned day and time, and a touch is logged', () => {
    const e0 = enrol(DEFAULT, start, zone).enrolment;
    const out = completeStep(e0, DEFAULT, utc('2026-11-02T05:00'));
    expect(iso(out.next?.dueAt)).toBe('2026-11-04T02:00');
    expect(out.touch).toEqual({ channel: 'connection_request', direction: 'out', occurredAt: utc('2026-11-02T05:00'), cadenceStep: 0 });
    expect(out.enrolment).toMatchObject({ step: 1, done: 1, anchorAt: start });
  });

  it('late: the rest slides from the completion, keeping the gaps, never in the past', () => {
    const e0 = enrol(DEFAULT, start, zone).enrolment;
    const late = utc('2026-11-05T08:00'); // Thu 15:00 WIB; step 2 was due Wed 09:00
    const s1 = completeStep(e0, DEFAULT, late);
    expect(iso(s1.next?.dueAt)).toBe('2026-11-07T08:00'); // 2 days after, at 15:00
    const s2 = completeStep(s1.enrolment, DEFAULT, s1.next!.dueAt);
    expect(iso(s2.next?.dueAt)).toBe('2026-11-09T08:00'); // day 4 of the slid plan
  });

  it('late, but the next step is still ahead: its plan stands', () => {
    const e0 = enrol(DEFAULT, start, zone).enrolment;
    const out = completeStep(e0, DEFAULT, utc('2026-11-03T10:00'));
    expect(iso(out.next?.dueAt)).toBe('2026-11-04T02:00');
  });

  it('late into two steps planned the same day: the second is due at the completion', () => {
    const steps: CadenceStep[] = [
      { day: 0, channel: 'email', note: 'a' },
      { day: 3, channel: 'call', note: 'b' },
      { day: 3, channel: 'linkedin_message', note: 'c' },
    ];
    const c = { id: CID, steps };
    let out = enrol(c, start, zone);
    out = completeStep(out.enrolment, c, out.next!.dueAt);
    const late = utc('2026-11-06T03:00');
    out = completeStep(out.enrolment, c, late);
    expect(out.next?.dueAt).toBe(late);
  });

  it('skip: no touch, the next step is planned, skipping the last completes', () => {
    const c: CadenceLike = { id: CID, steps: DEFAULT_CADENCE.steps.slice(0, 2) };
    const e0 = enrol(c, start, zone).enrolment;
    const s1 = skipStep(e0, c, start);
    expect(s1.touch).toBeUndefined();
    expect(s1.next).toMatchObject({ cadenceStep: 1, channel: 'linkedin_message' });
    expect(s1.enrolment).toMatchObject({ step: 1, skipped: 1, done: 0 });
    const s2 = skipStep(s1.enrolment, c, utc('2026-11-04T03:00'));
    expect(s2.next).toBeNull();
    expect(s2.enrolment).toMatchObject({ status: 'completed', step: 2, skipped: 2, endedAt: utc('2026-11-04T03:00') });
  });

  it('order is kept: a follow-up for a step already passed does not advance again', () => {
    const e0 = enrol(DEFAULT, start, zone).enrolment;
    const s1 = completeStep(e0, DEFAULT, start, { step: 0 });
    const again = completeStep(s1.enrolment, DEFAULT, start + 1, { step: 0 });
    expect(again.enrolment).toBe(s1.enrolment);
    expect(again.next).toBeNull();
    expect(again.touch).toBeUndefined();
    expect(skipStep(s1.enrolment, DEFAULT, start + 1, { step: 3 }).enrolment).toBe(s1.enrolment);
  });

  it('completed and stopped enrolments ignore further steps', () => {
    const { last } = runOnTime(DEFAULT, start, zone);
    expect(completeStep(last.enrolment, DEFAULT, start).enrolment).toBe(last.enrolment);
    const stopped = stop(enrol(DEFAULT, start, zone).enrolment, start + 5).enrolment;
    expect(stopped).toMatchObject({ status: 'stopped', endedAt: start + 5, dueAt: null });
    expect(skipStep(stopped, DEFAULT, start + 6).enrolment).toBe(stopped);
    expect(resume(stopped, DEFAULT, start + 6).enrolment).toBe(stopped);
    expect(stop(stopped, start + 7).enrolment).toBe(stopped);
  });
});

describe('pause and resume', () => {
  const zone = 'Europe/Berlin';
  const start = utc('2026-10-23T07:00'); // Fri 09:00 CEST

  it('remaining steps move by the paused wall-clock time, across DST', () => {
    const s1 = completeStep(enrol(DEFAULT, start, zone).enrolment, DEFAULT, start); // step 2 due Sun 25 09:00 CET
    const paused = pause(s1.enrolment, utc('2026-10-24T10:00')); // Sat 12:00 CEST
    expect(paused.next).toBeNull();
    expect(paused.enrolment).toMatchObject({ status: 'paused', dueAt: null, pausedAt: utc('2026-10-24T10:00') });
    const resumed = resume(paused.enrolment, DEFAULT, utc('2026-10-27T11:00'), { fields: FIELDS }); // Tue 12:00 CET: 3 days later
    expect(iso(resumed.next?.dueAt)).toBe('2026-10-28T08:00'); // Wed 09:00 CET
    expect(resumed.next?.title).toBe('Thank Siti for connecting; share one useful idea.');
    const s3 = completeStep(resumed.enrolment, DEFAULT, resumed.next!.dueAt);
    expect(iso(s3.next?.dueAt)).toBe('2026-10-30T08:00'); // day 4 + 3
  });

  it('a step overdue when paused is due on resuming', () => {
    const e0 = enrol(DEFAULT, start, zone).enrolment;
    const paused = pause(e0, utc('2026-10-23T12:00'));
    const at = utc('2026-10-23T15:00');
    expect(resume(paused.enrolment, DEFAULT, at).next?.dueAt).toBe(at);
  });

  it('a step done while paused is counted; the next waits for resume', () => {
    const paused = pause(enrol(DEFAULT, start, zone).enrolment, start + 1000).enrolment;
    const done = completeStep(paused, DEFAULT, start + 2000);
    expect(done.touch?.cadenceStep).toBe(0);
    expect(done.next).toBeNull();
    expect(done.enrolment).toMatchObject({ status: 'paused', step: 1, done: 1 });
    expect(resume(done.enrolment, DEFAULT, start + 3000).next?.cadenceStep).toBe(1);
  });

  it('pause and resume only apply to active and paused enrolments', () => {
    const active = enrol(DEFAULT, start, zone).enrolment;
    expect(resume(active, DEFAULT, start).enrolment).toBe(active);
    const paused = pause(active, start).enrolment;
    expect(pause(paused, start + 1).enrolment).toBe(paused);
  });
});

describe('renderTemplate', () => {
  it.each([
    ['Hi {{first_name}}', { name: 'Siti Rahayu' }, 'Hi Siti'],
    ['Hi {{ First_Name }}', { name: 'Siti Rahayu' }, 'Hi Siti'],
    ['Hi {{first_name}}', { name: 'Dr. Siti Rahayu' }, 'Hi Siti'],
    ['Hi {{first_name}}', { name: 'Bapak Budi' }, 'Hi Budi'],
    ['Hi {{first_name}}', { name: 'Ann Lee', firstName: 'Annie' }, 'Hi Annie'],
    ['{{last_name}}, {{name}}', { name: 'Siti Rahayu' }, 'Rahayu, Siti Rahayu'],
    ['{{title}} at {{company}} in {{location}}', { title: 'CTO', company: 'Gojek', location: 'Jakarta' }, 'CTO at Gojek in Jakarta'],
    ['About {{company}}', { company: null }, 'About {{company}}'],
    ['Hello {{nickname}}', { name: 'Siti' }, 'Hello {{nickname}}'],
    ['{{constructor}} {{toString}}', { name: 'Siti' }, '{{constructor}} {{toString}}'],
    ['{{name}}', { name: '{{company}}', company: 'X' }, '{{company}}'],
    ['{{name}}!', { name: 'Evil\u202e\u0007 Name\n' }, 'Evil Name!'],
    ['<b>{{company}}</b>', { company: '<img src=x>' }, '<b><img src=x></b>'],
    ['Line one\nLine two {{company}}', { company: 'Acme' }, 'Line one\nLine two Acme'],
  ])('%j', (note, fields, expected) => expect(renderTemplate(note, fields)).toBe(expected));

  it('caps the output', () => {
    const out = renderTemplate('{{company}} {{company}}', { company: 'x'.repeat(1500) });
    expect(out).toHaveLength(2000);
    expect(renderTemplate('abcdef', {}, 4)).toBe('abc…');
    expect(renderTemplate('ab😀cd', {}, 4)).toBe('ab…');
  });
});

describe('cadence schema', () => {
  const base = {
    id: CID,
    teamId: 't',
    name: 'Waiting period',
    description: null,
    steps: DEFAULT_CADENCE.steps,
    updatedAt: 1,
    deletedAt: null,
  };
  it('accepts the default cadence and fills a missing note', () => {
    expect(CadenceSchema.parse(base).steps).toHaveLength(8);
    expect(CadenceStepsSchema.parse([{ day: 1, channel: 'call' }])).toEqual([{ day: 1, channel: 'call', note: '' }]);
  });
  it.each([
    [
      'days going backwards',
      {
        steps: [
          { day: 3, channel: 'call' },
          { day: 2, channel: 'email' },
        ],
      },
      ['steps', 1, 'day'],
    ],
    ['day beyond a year', { steps: [{ day: 366, channel: 'call' }] }, ['steps', 0, 'day']],
    ['fractional day', { steps: [{ day: 1.5, channel: 'call' }] }, ['steps', 0, 'day']],
    ['unknown channel', { steps: [{ day: 1, channel: 'fax' }] }, ['steps', 0, 'channel']],
    ['note too long', { steps: [{ day: 1, channel: 'call', note: 'x'.repeat(2001) }] }, ['steps', 0, 'note']],
    ['more than 50 steps', { steps: Array.from({ length: 51 }, () => ({ day: 1, channel: 'call' })) }, ['steps']],
    ['blank name', { name: '   ' }, ['name']],
    ['name too long', { name: 'x'.repeat(121) }, ['name']],
  ])('rejects %s', (_n, patch, path) => {
    const r = CadenceSchema.safeParse({ ...base, ...patch });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(path);
  });
});

describe('the default cadence is the server’s', () => {
  it('same name, description, days, channels and notes as private.init_team', () => {
    const dir = join(__dirname, '../../supabase/migrations');
    const file = readdirSync(dir).find((f) => f.endsWith('teams_api.sql'))!;
    const sql = readFileSync(join(dir, file), 'utf8');
    const m = /select team, '([^']+)',\s*'([^']+)',\s*'(\[[\s\S]*?\])'::jsonb/.exec(sql);
    expect(m).not.toBeNull();
    expect(DEFAULT_CADENCE.name).toBe(m![1]);
    expect(DEFAULT_CADENCE.description).toBe(m![2]);
    expect(DEFAULT_CADENCE.steps).toEqual(JSON.parse(m![3]!));
    expect(DEFAULT_CADENCE.steps).toHaveLength(8);
    expect(new Set(DEFAULT_CADENCE.steps.map((s) => s.channel))).toEqual(
      new Set(['connection_request', 'linkedin_message', 'email', 'call']),
    );
  });
});

describe('the default due rule: a step is due by the end of its local day', () => {
  const JKT = 'Asia/Jakarta';
  it('enrolling makes step 1 due today, not overdue: by 23:59:59.999 local', () => {
    const at = utc('2026-10-23T09:15'); // 16:15 WIB
    const out = rules.enrol(DEFAULT, at, JKT, { fields: FIELDS });
    expect(out.next!.dueAt).toBeGreaterThan(at);
    expect(new Date(out.next!.dueAt).toISOString()).toBe('2026-10-23T16:59:59.999Z'); // 23:59:59.999 WIB
    expect(out.enrolment.dueAt).toBe(out.next!.dueAt);
  });

  it('enrolling late in the evening still leaves the rest of the day, in the rep’s zone', () => {
    const at = utc('2026-10-23T16:50'); // 23:50 WIB
    expect(new Date(rules.enrol(DEFAULT, at, JKT).next!.dueAt).toISOString()).toBe('2026-10-23T16:59:59.999Z');
    // The same instant is Friday 18:50 in Berlin: due by Berlin's midnight.
    expect(new Date(rules.enrol(DEFAULT, at, 'Europe/Berlin').next!.dueAt).toISOString()).toBe('2026-10-23T21:59:59.999Z');
  });

  it('later steps are due by the end of their day, across DST', () => {
    const start = utc('2026-10-23T07:00'); // Fri 09:00 CEST
    let out = rules.enrol(DEFAULT, start, 'Europe/Berlin');
    out = rules.completeStep(out.enrolment, DEFAULT, start + 3_600_000);
    // Day 2 is Sunday 25 October, the fall-back day: ends 23:59:59.999 CET.
    expect(new Date(out.next!.dueAt).toISOString()).toBe('2026-10-25T22:59:59.999Z');
  });

  it('done late: the next step keeps its gap from the completion day', () => {
    const start = utc('2026-10-19T02:00'); // Mon 09:00 WIB
    let out = rules.enrol(DEFAULT, start, JKT);
    out = rules.completeStep(out.enrolment, DEFAULT, utc('2026-10-22T03:00')); // Thu, three days late
    expect(new Date(out.next!.dueAt).toISOString()).toBe('2026-10-24T16:59:59.999Z'); // Sat (Thu + 2), end of day
  });

  it('resuming a step that was overdue makes it due by the end of that day', () => {
    const start = utc('2026-10-19T02:00');
    const e = rules.enrol(DEFAULT, start, JKT).enrolment;
    const paused = pause(e, utc('2026-10-20T02:00')).enrolment;
    const out = rules.resume(paused, DEFAULT, utc('2026-10-26T02:00'));
    expect(new Date(out.next!.dueAt).toISOString()).toBe('2026-10-26T16:59:59.999Z');
  });
});
