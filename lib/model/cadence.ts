import { z } from 'zod';
import { Id, Millis, RequiredText, cleanNote } from './common';
import { CadenceChannel } from './enums';
import { isValidTimeZone } from '../pipeline/time-zone';

export const CADENCE_LIMITS = { name: 120, description: 2000, note: 2000, steps: 50, day: 365 } as const;

/** One step, as in the server's `cadences.steps` jsonb: the server allows a step without a note. */
export const CadenceStepSchema = z.object({
  day: z.number().int().min(0).max(CADENCE_LIMITS.day),
  channel: CadenceChannel,
  note: cleanNote(CADENCE_LIMITS.note).default(''),
});
export type CadenceStep = z.infer<typeof CadenceStepSchema>;

// Steps run in list order; a day earlier than the step before would make "the next step" ambiguous.
export const CadenceStepsSchema = z
  .array(CadenceStepSchema)
  .max(CADENCE_LIMITS.steps)
  .superRefine((steps, ctx) => {
    steps.forEach((s, i) => {
      const prev = steps[i - 1];
      if (prev && s.day < prev.day) {
        ctx.addIssue({ code: 'custom', path: [i, 'day'], message: `day ${s.day} comes before the previous step's day ${prev.day}` });
      }
    });
  });

/** Mirrors the server's `cadences` table (DESIGN.md §5), camel-cased like the other local entities. */
export const CadenceSchema = z.object({
  id: Id,
  teamId: z.string(),
  name: RequiredText(CADENCE_LIMITS.name),
  description: cleanNote(CADENCE_LIMITS.description).nullable(),
  steps: CadenceStepsSchema,
  updatedAt: Millis,
  deletedAt: Millis.nullable(),
});
export type Cadence = z.infer<typeof CadenceSchema>;

export interface CadenceTemplate {
  name: string;
  description: string;
  steps: CadenceStep[];
}

/**
 * The playbook's default: 8 touches over 21 days mixing LinkedIn, e-mail and calls. Identical to the
 * cadence the server gives a new team (private.init_team), so a local-only rep and a synced team
 * start from the same plan.
 */
export const DEFAULT_CADENCE: CadenceTemplate = {
  name: 'Default: 8 touches in 21 days',
  description: 'Connect, then alternate LinkedIn, e-mail and calls until a two-way conversation starts.',
  steps: [
    { day: 0, channel: 'connection_request', note: 'Connect with a personal note about {{company}}.' },
    { day: 2, channel: 'linkedin_message', note: 'Thank {{first_name}} for connecting; share one useful idea.' },
    { day: 4, channel: 'email', note: 'Short e-mail: the problem we solve for teams like {{company}}.' },
    { day: 7, channel: 'call', note: 'Call; if no answer, leave a 20-second voicemail.' },
    { day: 10, channel: 'linkedin_message', note: 'Share a relevant case study.' },
    { day: 14, channel: 'email', note: 'Offer a 15-minute call with two time slots.' },
    { day: 17, channel: 'call', note: 'Second call attempt.' },
    { day: 21, channel: 'email', note: 'Break-up e-mail: close the loop politely.' },
  ],
};

export const EnrolmentStatus = z.enum(['active', 'paused', 'stopped', 'completed']);

/** A prospect's enrolment in a cadence, for storage; the rules live in lib/pipeline/cadence.ts. */
export const EnrolmentSchema = z.object({
  cadenceId: Id,
  timeZone: z.string().min(1).max(64).refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Jakarta'),
  startedAt: Millis,
  anchorAt: Millis,
  status: EnrolmentStatus,
  step: z.number().int().min(0).max(CADENCE_LIMITS.steps),
  dueAt: Millis.nullable(),
  pausedAt: Millis.nullable(),
  endedAt: Millis.nullable(),
  done: z.number().int().min(0),
  skipped: z.number().int().min(0),
});

