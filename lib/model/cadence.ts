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

// The default cadence is plain data in its own file, so a screen can name it without loading zod.
export { DEFAULT_CADENCE, type CadenceTemplate } from './cadence-template';
import type { TemplateStep } from './cadence-template';
// The plain template's step and the schema's stay one shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const templateStepMatches: Same<TemplateStep, CadenceStep> = true;
void templateStepMatches;

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

