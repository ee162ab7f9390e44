import { z } from 'zod';
import { Email, Id, Millis, OptionalText, RequiredText } from './common';
import { memberPhotoUrl } from './text';
import { MEMBER_ID, canonicalSlug, memberIdOf, profileUrl } from '../sites/linkedin/url';
import { Source, Temperature } from './enums';
import { SqlChecklistSchema } from '../pipeline/gates';
import { EnrolmentSchema } from './cadence';
import { ScoreBreakdown } from './score';

export const FIELD_LIMITS = { name: 120, headline: 220, title: 160, company: 160, location: 160 } as const;

const PLAIN_SLUG = /^[a-z0-9_-]{1,200}$/;
const CANONICAL_PLAIN = /^https:\/\/www\.linkedin\.com\/in\/[a-z0-9_-]{1,200}\/$/;

/** The one URL form Jalur stores for a LinkedIn profile, or null when `raw` is not a member profile URL. */
export function canonicalProfileUrl(raw: string | null | undefined): string | null {
  // Fast path: already the stored form with a plain slug (nearly every row; parses happen per row).
  if (raw && CANONICAL_PLAIN.test(raw)) return raw;
  if (!raw || !/^https?:\/\//i.test(raw.trim())) return null;
  const slug = canonicalSlug(raw);
  if (slug === null) return null;
  // A profile URL naming the member by id keeps the id's case (LinkedIn's ids are case-sensitive).
  const memberId = memberIdOf(raw);
  return profileUrl(memberId ?? slug);
}

/** LinkedIn's opaque member id (`ACoA…`, Sales Navigator's `ACwA…`), as written: a third identity key. */
export const MemberId = z.string().regex(MEMBER_ID, 'is not a LinkedIn member id');

/** A slug is stored only in its canonical form (what canonicalSlug gives for its own profile URL). */
const Slug = z
  .string()
  .min(1)
  .max(200)
  .refine((s) => PLAIN_SLUG.test(s) || canonicalSlug(profileUrl(s)) === s, 'is not a LinkedIn member slug');

// Every way a prospect enters the store parses it with this schema (capture, update, import, restore,
// pull, bringing a local pipeline into a team: lib/model/prospect-intake.ts), so these are the rules
// for all of them. Text is cleaned (lib/model/text.ts); a photo is kept only from LinkedIn's media
// CDN and the profile URL only as a LinkedIn member profile: anything else is dropped, not stored.
export const ProspectSchema = z.object({
  id: Id,
  teamId: z.string().max(64),
  slug: Slug.nullable(),
  /** The member id when a page showed it (rows stored before it existed read as null). */
  memberId: MemberId.nullable().default(null),
  emails: z
    .array(Email)
    .max(20)
    .transform((list) => [...new Set(list)]),
  name: RequiredText(FIELD_LIMITS.name),
  headline: OptionalText(FIELD_LIMITS.headline),
  title: OptionalText(FIELD_LIMITS.title),
  company: OptionalText(FIELD_LIMITS.company),
  location: OptionalText(FIELD_LIMITS.location),
  photoUrl: z
    .string()
    .nullable()
    .transform((v) => memberPhotoUrl(v)),
  linkedinUrl: z
    .string()
    .nullable()
    .transform((v) => canonicalProfileUrl(v)),
  source: Source,
  temperature: Temperature,
  /** True once the rep chose the temperature; otherwise it follows the source. */
  temperatureSet: z.boolean(),
  stageId: Id,
  stageEnteredAt: Millis,
  score: z.number().min(0).max(100),
  scoreBreakdown: ScoreBreakdown,
  ownerId: z.string().max(64),
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
  /** Set on the tombstone of a person merged into another: the survivor's id (lib/store/merge.ts). */
  mergedInto: Id.nullable().optional(),
  /** The account this person works at (lib/model/company.ts), when known; the rep can correct it. */
  companyId: Id.nullable().optional(),
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
