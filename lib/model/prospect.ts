import { z } from 'zod';
import { Email, HttpsUrl, Id, Millis, OptionalText } from './common';
import { Source, Temperature } from './enums';
import { SqlChecklistSchema } from '../pipeline/gates';
import { EnrolmentSchema } from './cadence';
import { ScoreBreakdown } from './score';

export const FIELD_LIMITS = { name: 120, headline: 220, title: 160, company: 160, location: 160 } as const;

export const ProspectSchema = z.object({
  id: Id,
  teamId: z.string(),
  slug: z.string().min(1).max(200).nullable(),
  emails: z.array(Email),
  name: z.string().min(1).max(FIELD_LIMITS.name),
  headline: OptionalText(FIELD_LIMITS.headline),
  title: OptionalText(FIELD_LIMITS.title),
  company: OptionalText(FIELD_LIMITS.company),
  location: OptionalText(FIELD_LIMITS.location),
  photoUrl: HttpsUrl.nullable(),
  linkedinUrl: HttpsUrl.nullable(),
  source: Source,
  temperature: Temperature,
  /** True once the rep chose the temperature; otherwise it follows the source. */
  temperatureSet: z.boolean(),
  stageId: Id,
  stageEnteredAt: Millis,
  score: z.number().min(0).max(100),
  scoreBreakdown: ScoreBreakdown,
  ownerId: z.string(),
  /** MQL gate: when the score first reached the team's threshold. */
  mqlAt: Millis.nullable(),
  /** SQL gate: when a rep accepted the prospect after a real conversation (who: sqlChecklist.accepted_by). */
  sqlAt: Millis.nullable(),
  sqlChecklist: SqlChecklistSchema,
  /** A rep's signed score adjustment, a rule input like any other. */
  scoreAdjustment: z.number().int().min(-100).max(100),
  /** The prospect's current cadence enrolment, if any. */
  enrolment: EnrolmentSchema.nullable(),
  dealValue: z.number().min(0).max(1e12).nullable(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  lostReason: OptionalText(500),
  lastTouchAt: Millis.nullable(),
  touchCount: z.number().int().nonnegative(),
  createdAt: Millis,
  updatedAt: Millis,
  deletedAt: Millis.nullable(),
});
export type Prospect = z.infer<typeof ProspectSchema>;

/** What the playbook fields are for a prospect nobody has qualified, adjusted or enrolled yet. */
export const PROSPECT_PLAYBOOK_DEFAULTS = {
  mqlAt: null,
  sqlAt: null,
  sqlChecklist: {},
  scoreAdjustment: 0,
  enrolment: null,
  dealValue: null,
  currency: null,
  lostReason: null,
} satisfies Partial<Prospect>;
