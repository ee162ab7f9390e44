// Cadence enrolment and step scheduling (DESIGN.md §1): plain data in, plain data out, clock passed in.
//
// Scheduling rules:
// - A step's day offset counts calendar days in the rep's IANA time zone from the enrolment,
//   keeping its wall-clock time: enrolled Fri 09:00 Berlin, day 3 is Mon 09:00 Berlin, across a DST
//   switch too. A wall-clock time that does not exist that day (spring-forward gap) moves forward
//   by the gap; one that exists twice (fall-back) takes the first.
// - When a step falls due depends on the due rule. 'endOfDay' (the default): a step is due by the
//   end of its local day (23:59:59.999), so it is "today" all that day and overdue only once the day
//   has passed — enrolling makes step 1 due today, never overdue on the spot. 'exactTime': due at
//   the wall-clock time above (the enrolment's time of day; step 1 at the enrolment moment itself).
// - Completing or skipping a step schedules the next at its planned time. If that time has already
//   passed (the step was done late), the rest of the cadence slides: the next step is due the same
//   number of calendar days after the completion as planned after the step just done, at the
//   completion's wall-clock time, and later steps keep their planned gaps. Nothing is scheduled in
//   the past. Doing a step early does not pull the next one forward.
// - Pausing shifts the remaining steps by the paused wall-clock duration on resume. A step that was
//   already overdue when paused is due at the moment of resuming.
// - Each outcome says what to do with follow-ups: the caller closes the open follow-up of this
//   enrolment (done for complete, deleted otherwise) and creates `next` when there is one.
import type { CadenceStep, EnrolmentSchema } from '../model/cadence';
import type { z } from 'zod';
import { isValidTimeZone } from './time-zone';
import type { TouchChannel } from '../model/enums';

export type EnrolmentStatus = 'active' | 'paused' | 'stopped' | 'completed';

export interface Enrolment {
  cadenceId: string;
  /** The rep's IANA zone at enrolment; every step of this enrolment is placed in it. */
  timeZone: string;
  startedAt: number;
  /** The instant whose local date + a step's day offset, at its local time, gives that step's due time. */
  anchorAt: number;
  status: EnrolmentStatus;
  /** Index of the pending step; equals the step count once completed. */
  step: number;
  /** Due time of the pending step while active. */
  dueAt: number | null;
  pausedAt: number | null;
  /** When stopped or completed. */
  endedAt: number | null;
  /** Steps done (each logged a touch) and steps skipped. */
  done: number;
  skipped: number;
}

export interface CadenceLike {
  id: string;
  steps: readonly CadenceStep[];
}

/** The follow-up to create for a step. `cadenceStep` is the step's index (the server's cadence_step). */
export interface FollowUpPlan {
  title: string;
  note: string;
  dueAt: number;
  channel: TouchChannel;
  cadenceId: string;
  cadenceStep: number;
}

export interface CadenceOutcome {
  enrolment: Enrolment;
  next: FollowUpPlan | null;
  /** The touch to log, when a step was done. */
  touch?: { channel: TouchChannel; direction: 'out'; occurredAt: number; cadenceStep: number };
}

export interface TemplateFields {
  name?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  title?: string | null;
  headline?: string | null;
  location?: string | null;
}

export type DueRule = 'endOfDay' | 'exactTime';
export const DEFAULT_DUE_RULE: DueRule = 'endOfDay';

export interface StepOptions {
  fields?: TemplateFields;
  dueRule?: DueRule;
}

export const FOLLOW_UP_TITLE_MAX = 300;
export const RENDERED_NOTE_MAX = 2000;

// ---------------------------------------------------------------------------------------------
// Wall-clock arithmetic in an IANA zone with nothing but Intl.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export { isValidTimeZone } from './time-zone';

/** The wall-clock reading in the zone, expressed as if it were UTC milliseconds. */
export function wallClock(instant: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const ms = ((instant % 1000) + 1000) % 1000;
  return Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0, ms);
}

/** The instant showing this wall-clock reading in the zone (gap: moved forward; overlap: the first). */
export function fromWallClock(wall: number, timeZone: string): number {
  // Offsets a day either side bracket any single transition.
  const before = wall - (wallClock(wall - 86_400_000, timeZone) - (wall - 86_400_000));
  const after = wall - (wallClock(wall + 86_400_000, timeZone) - (wall + 86_400_000));
  const fits = [before, after].filter((t) => wallClock(t, timeZone) === wall);
  if (fits.length) return Math.min(...fits);
  // In a spring-forward gap, the pre-transition offset lands after the gap by exactly its length.
  return before;
}

/** The same wall-clock time `days` calendar days later in the zone. */
export function addCalendarDays(instant: number, days: number, timeZone: string): number {
  const w = new Date(wallClock(instant, timeZone));
  w.setUTCDate(w.getUTCDate() + days);
  return fromWallClock(w.getTime(), timeZone);
}

const DAY_MS = 86_400_000;

/** The first instant of the local calendar day `days` after the one containing `at`. */
export function startOfLocalDay(at: number, timeZone: string, days = 0): number {
  const w = wallClock(at, timeZone);
  const d = new Date(w - (((w % DAY_MS) + DAY_MS) % DAY_MS));
  d.setUTCDate(d.getUTCDate() + days);
  return fromWallClock(d.getTime(), timeZone);
}

/** The last instant of the local calendar day containing `at`. */
export function endOfLocalDay(at: number, timeZone: string): number {
  return startOfLocalDay(at, timeZone, 1) - 1;
}

// ---------------------------------------------------------------------------------------------
// Templates

const HONORIFIC = /^(dr|drs|dra|mr|mrs|ms|mx|prof|ir|h|hj|bapak|pak|ibu|bu)\.?$/i;

function firstNameOf(name: string): string {
  const words = name.trim().split(/\s+/);
  return words.find((w) => !HONORIFIC.test(w)) ?? words[0] ?? '';
}

function lastNameOf(name: string): string {
  const words = name.trim().split(/\s+/);
  return words.length > 1 ? (words[words.length - 1] ?? '') : '';
}

// Values come from web pages: one line of text, no control or bidi-override characters.
function cleanValue(v: string | null | undefined): string {
  return (v ?? '')
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cut to `max` characters with an ellipsis, never splitting a surrogate pair. */
export function capText(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = max - 1;
  const code = s.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return `${s.slice(0, cut).trimEnd()}…`;
}

/**
 * Fill a step's note template with the prospect's fields: {{first_name}}, {{last_name}}, {{name}},
 * {{company}}, {{title}}, {{headline}}, {{location}} (spaces inside the braces and any letter case
 * allowed). An unknown placeholder, or a known one whose field is empty, stays visible as written, so
 * the rep sees what to fill in rather than a sentence with a hole. Plain text: values are inserted
 * as text in one pass (a value that looks like a placeholder is not expanded), output capped.
 */
export function renderTemplate(note: string, fields: TemplateFields, max = RENDERED_NOTE_MAX): string {
  const name = cleanValue(fields.name);
  const values = new Map<string, string>(
    Object.entries({
      first_name: cleanValue(fields.firstName) || (name ? firstNameOf(name) : ''),
      last_name: cleanValue(fields.lastName) || (name ? lastNameOf(name) : ''),
      name,
      company: cleanValue(fields.company),
      title: cleanValue(fields.title),
      headline: cleanValue(fields.headline),
      location: cleanValue(fields.location),
    }),
  );
  const out = note.replace(/\{\{\s*([A-Za-z_]+)\s*\}\}/g, (whole, key: string) => values.get(key.toLowerCase()) || whole);
  return capText(out, max);
}

const CHANNEL_TITLE: Record<TouchChannel, string> = {
  linkedin_message: 'LinkedIn message',
  connection_request: 'Connection request',
  email: 'E-mail',
  call: 'Call',
  meeting: 'Meeting',
  note: 'Note',
  social_engagement: 'Social engagement',
};

function plan(cadence: CadenceLike, index: number, dueAt: number, fields: TemplateFields): FollowUpPlan | null {
  const step = cadence.steps[index];
  if (!step) return null;
  const note = renderTemplate(step.note, fields);
  // The title is the note's first line; a step without a note is named after its channel.
  const firstLine =
    note
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? '';
  const title = capText(firstLine || CHANNEL_TITLE[step.channel], FOLLOW_UP_TITLE_MAX);
  return { title, note, dueAt, channel: step.channel, cadenceId: cadence.id, cadenceStep: index };
}

// ---------------------------------------------------------------------------------------------
// Enrolment

function dayOf(cadence: CadenceLike, index: number): number {
  return cadence.steps[index]?.day ?? 0;
}

/** When step `index` falls due under the enrolment's current anchor. */
export function stepDueAt(e: Pick<Enrolment, 'anchorAt' | 'timeZone'>, cadence: CadenceLike, index: number): number {
  return addCalendarDays(e.anchorAt, dayOf(cadence, index), e.timeZone);
}

function finished(e: Enrolment, at: number): CadenceOutcome {
  return { enrolment: { ...e, status: 'completed', dueAt: null, pausedAt: null, endedAt: at }, next: null };
}

/** When step `index` is due under the rule: by the end of its local day, or at its exact time. */
export function placeStep(e: Pick<Enrolment, 'anchorAt' | 'timeZone'>, cadence: CadenceLike, index: number, rule: DueRule): number {
  const at = stepDueAt(e, cadence, index);
  return rule === 'endOfDay' ? endOfLocalDay(at, e.timeZone) : at;
}

/**
 * Enrol at `startAt`: the first step's follow-up (day 0 is due today: by the end of the day, or at
 * once under 'exactTime'). An empty cadence completes at once.
 */
export function enrol(cadence: CadenceLike, startAt: number, timeZone: string, opts: StepOptions = {}): CadenceOutcome {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const base: Enrolment = {
    cadenceId: cadence.id,
    timeZone,
    startedAt: startAt,
    anchorAt: startAt,
    status: 'active',
    step: 0,
    dueAt: null,
    pausedAt: null,
    endedAt: null,
    done: 0,
    skipped: 0,
  };
  if (cadence.steps.length === 0) return finished(base, startAt);
  const dueAt = placeStep(base, cadence, 0, opts.dueRule ?? DEFAULT_DUE_RULE);
  return { enrolment: { ...base, dueAt }, next: plan(cadence, 0, dueAt, opts.fields ?? {}) };
}

function advance(e: Enrolment, cadence: CadenceLike, at: number, opts: StepOptions, kind: 'done' | 'skipped'): CadenceOutcome {
  const rule = opts.dueRule ?? DEFAULT_DUE_RULE;
  const fields = opts.fields ?? {};
  const counted = { ...e, done: e.done + (kind === 'done' ? 1 : 0), skipped: e.skipped + (kind === 'skipped' ? 1 : 0) };
  const nextIndex = e.step + 1;
  if (nextIndex >= cadence.steps.length) return finished({ ...counted, step: cadence.steps.length }, at);
  let moved: Enrolment = { ...counted, step: nextIndex };
  if (e.status === 'paused') return { enrolment: { ...moved, dueAt: null }, next: null };
  let dueAt = placeStep(moved, cadence, nextIndex, rule);
  if (dueAt < at) {
    // Late: re-anchor so the step just finished sits at `at`, keeping every later gap.
    moved = { ...moved, anchorAt: addCalendarDays(at, -dayOf(cadence, e.step), e.timeZone) };
    dueAt = Math.max(at, placeStep(moved, cadence, nextIndex, rule));
  }
  return { enrolment: { ...moved, dueAt }, next: plan(cadence, nextIndex, dueAt, fields) };
}

function unchanged(e: Enrolment): CadenceOutcome {
  return { enrolment: e, next: null };
}

// A follow-up names the step it was made for; one for a step already passed (done on another
// device, or the cadence moved on) must not advance the enrolment again.
function stale(e: Enrolment, step: number | undefined): boolean {
  return (e.status !== 'active' && e.status !== 'paused') || (step !== undefined && step !== e.step);
}

/** The pending step was done at `at`: log its touch, schedule the next step or complete. */
export function completeStep(e: Enrolment, cadence: CadenceLike, at: number, opts: StepOptions & { step?: number } = {}): CadenceOutcome {
  if (stale(e, opts.step)) return unchanged(e);
  const channel = cadence.steps[e.step]?.channel ?? 'note';
  const out = advance(e, cadence, at, opts, 'done');
  return { ...out, touch: { channel, direction: 'out', occurredAt: at, cadenceStep: e.step } };
}

/** The pending step is skipped at `at` (no touch): schedule the next step or complete. */
export function skipStep(e: Enrolment, cadence: CadenceLike, at: number, opts: StepOptions & { step?: number } = {}): CadenceOutcome {
  if (stale(e, opts.step)) return unchanged(e);
  return advance(e, cadence, at, opts, 'skipped');
}

/** Hold the cadence: its open follow-up goes away until resumed. */
export function pause(e: Enrolment, at: number): CadenceOutcome {
  if (e.status !== 'active') return unchanged(e);
  return { enrolment: { ...e, status: 'paused', pausedAt: at, dueAt: null }, next: null };
}

/** Carry on: the remaining steps move later by the paused wall-clock time. */
export function resume(e: Enrolment, cadence: CadenceLike, at: number, opts: StepOptions = {}): CadenceOutcome {
  if (e.status !== 'paused') return unchanged(e);
  if (e.step >= cadence.steps.length) return finished({ ...e, step: cadence.steps.length }, at);
  const pausedAt = e.pausedAt ?? at;
  const shift = Math.max(0, wallClock(at, e.timeZone) - wallClock(pausedAt, e.timeZone));
  const anchorAt = fromWallClock(wallClock(e.anchorAt, e.timeZone) + shift, e.timeZone);
  const moved: Enrolment = { ...e, status: 'active', pausedAt: null, anchorAt };
  const rule = opts.dueRule ?? DEFAULT_DUE_RULE;
  // A step overdue when paused is due again now: by the end of today, or at once under 'exactTime'.
  const earliest = rule === 'endOfDay' ? endOfLocalDay(at, e.timeZone) : at;
  const dueAt = Math.max(earliest, placeStep(moved, cadence, e.step, rule));
  return { enrolment: { ...moved, dueAt }, next: plan(cadence, e.step, dueAt, opts.fields ?? {}) };
}

/** End the enrolment for good; its open follow-up goes away. */
export function stop(e: Enrolment, at: number): CadenceOutcome {
  if (e.status === 'stopped' || e.status === 'completed') return unchanged(e);
  return { enrolment: { ...e, status: 'stopped', dueAt: null, pausedAt: null, endedAt: at }, next: null };
}

// The stored enrolment (zod, lib/model) and the one these functions work on must stay one shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const enrolmentMatches: Same<z.infer<typeof EnrolmentSchema>, Enrolment> = true;
void enrolmentMatches;
