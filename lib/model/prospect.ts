import { z } from 'zod';
import { Email, HttpsUrl, Id, Millis, OptionalText } from './common';
import { Source, Temperature } from './enums';
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
  lastTouchAt: Millis.nullable(),
  touchCount: z.number().int().nonnegative(),
  createdAt: Millis,
  updatedAt: Millis,
  deletedAt: Millis.nullable(),
});
export type Prospect = z.infer<typeof ProspectSchema>;
