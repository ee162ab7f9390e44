import { z } from 'zod';
import { BOARD_QUERIES, BOARD_REQUESTS } from './board-schemas';
import { DATA_QUERIES, DATA_REQUESTS } from './data-schemas';
import { DELETE_QUERIES, DELETE_REQUESTS } from './delete-schemas';
import { MERGE_QUERIES, MERGE_REQUESTS } from './merge-schemas';
import { MEMBERS_QUERIES, MEMBERS_REQUESTS } from './members-schemas';
import { captureManyRequests } from './capture-many-schemas';
import { COMPANY_QUERIES, COMPANY_REQUESTS } from './company-schemas';
import { CONVERSATION_QUERIES, CONVERSATION_REQUESTS } from './conversation-schemas';
import {
  CadenceStepsSchema,
  Direction,
  Email,
  FIELD_LIMITS,
  HttpsUrl,
  Id,
  Source,
  StageKind,
  Temperature,
  TouchChannel,
  Engagement,
  cleanText,
} from '../model';
import { SettingsSchema } from '../model/settings';
import { MemberId } from '../model/prospect';
import { CompanySlug } from '../model/company';

const optText = (max: number) =>
  z
    .string()
    .nullable()
    .transform((s) => (s === null ? null : s))
    .pipe(cleanText(max).nullable())
    .transform((s) => (s ? s : null));

const optUrl = z
  .string()
  .nullable()
  .transform((s) => (s && s.trim() ? s.trim() : null))
  .pipe(HttpsUrl.nullable());

const optEmail = z
  .string()
  .nullable()
  .transform((s) => (s && s.trim() ? s.trim() : null))
  .pipe(Email.nullable());

export const CaptureWireSchema = z.object({
  slug: z.string().max(200).nullable(),
  memberId: MemberId.nullable().optional(),
  /** The current company's LinkedIn page slug, when the profile links it: matched before the name. Not a
   * company slug (page text is hostile): dropped, the capture still goes through. */
  companySlug: z
    .string()
    .max(200)
    .nullable()
    .optional()
    .transform((s) => (s && CompanySlug.safeParse(s).success ? s : null)),
  email: optEmail,
  name: cleanText(FIELD_LIMITS.name).pipe(z.string().min(1, 'Name is required')),
  headline: optText(FIELD_LIMITS.headline),
  title: optText(FIELD_LIMITS.title),
  company: optText(FIELD_LIMITS.company),
  location: optText(FIELD_LIMITS.location),
  photoUrl: optUrl,
  linkedinUrl: optUrl,
  source: Source.optional(),
});

export const PatchSchema = z
  .object({
    name: cleanText(FIELD_LIMITS.name).pipe(z.string().min(1, 'Name is required')),
    headline: optText(FIELD_LIMITS.headline),
    title: optText(FIELD_LIMITS.title),
    company: optText(FIELD_LIMITS.company),
    location: optText(FIELD_LIMITS.location),
    linkedinUrl: optUrl,
    source: Source,
    temperature: Temperature,
    emails: z.array(Email).max(20),
    dealValue: z.number().min(0, 'A deal value is not negative').max(1e12).nullable(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'Currency is a three-letter code such as IDR or USD')
      .nullable(),
    lostReason: optText(500),
  })
  .partial()
  .strict();

const limit = z.number().int().min(1).max(500);

/**
 * Team settings as the options page sends them: the whole object, exactly as stored (no null, no
 * partial object, no unknown key). Anything less used to be merged over the defaults and silently
 * reset every setting it did not name.
 */
export const TeamSettingsPayload = SettingsSchema.omit({ notifications: true });

export const RequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('lookup'),
    slugs: z.array(z.string().max(200)).max(200),
    emails: z.array(z.string().max(254)).max(200),
    memberIds: z.array(z.string().max(120)).max(200).optional(),
  }),
  z.object({ type: z.literal('capture'), input: CaptureWireSchema }),
  z.object({
    type: z.literal('detail'),
    id: Id.optional(),
    slug: z.string().max(200).optional(),
    email: z.string().max(254).optional(),
    memberId: z.string().max(120).optional(),
  }),
  z.object({ type: z.literal('search'), query: z.string().max(200), limit }),
  z.object({ type: z.literal('update'), id: Id, patch: PatchSchema }),
  z.object({
    type: z.literal('setStage'),
    prospectId: Id,
    stageKey: z.string().min(1).max(40),
    confirmed: z.boolean().optional(),
    // Asked for when a deal moves to a lost stage (the chip cannot send `update`, so it travels with the move).
    lostReason: optText(500).optional(),
  }),
  z.object({
    type: z.literal('setSqlChecklist'),
    prospectId: Id,
    items: z
      .object({
        interest_confirmed: z.boolean(),
        buying_process: z.boolean(),
        decision_maker: z.boolean(),
        budget: z.boolean(),
        timeline: z.boolean(),
      })
      .partial()
      .strict(),
  }),
  z.object({ type: z.literal('setScoreAdjustment'), prospectId: Id, points: z.number().int().min(-100).max(100) }),
  z.object({ type: z.literal('enrol'), prospectId: Id, cadenceId: Id, timeZone: z.string().min(1).max(64) }),
  z.object({ type: z.literal('cadenceAction'), prospectId: Id, action: z.enum(['skip', 'pause', 'resume', 'stop']) }),
  z.object({ type: z.literal('cadences') }),
  z.object({
    type: z.literal('saveCadence'),
    cadence: z.object({
      id: Id.optional(),
      name: cleanText(120).pipe(z.string().min(1, 'Name the cadence')),
      description: optText(2000),
      steps: CadenceStepsSchema,
    }),
  }),
  z.object({ type: z.literal('deleteCadence'), id: Id }),
  z.object({ type: z.literal('settings') }),
  z.object({ type: z.literal('previewSettings'), settings: TeamSettingsPayload }),
  z.object({ type: z.literal('saveSettings'), settings: TeamSettingsPayload }),
  z.object({
    type: z.literal('saveStage'),
    stage: z.object({
      id: Id.optional(),
      name: optText(60),
      probability: z.number().min(0, 'Win probability is 0–100 %').max(100, 'Win probability is 0–100 %'),
      staleDays: z.number().int().min(1, 'Stale after is at least 1 day').max(3650).nullable(),
      kind: StageKind.optional(),
    }),
  }),
  z.object({ type: z.literal('reorderStage'), id: Id, delta: z.union([z.literal(-1), z.literal(1)]) }),
  z.object({ type: z.literal('removeStage'), id: Id, reassignTo: z.string().min(1).max(40) }),
  // `all`: every one of them (the gone-dark list windows them itself); `limit` then is ignored.
  z.object({ type: z.literal('stalled'), limit, all: z.boolean().optional() }),
  ...BOARD_REQUESTS,
  ...DATA_REQUESTS,
  ...DELETE_REQUESTS,
  ...MERGE_REQUESTS,
  ...MEMBERS_REQUESTS,
  ...captureManyRequests(CaptureWireSchema),
  ...COMPANY_REQUESTS,
  ...CONVERSATION_REQUESTS,
  z.object({
    type: z.literal('logTouch'),
    prospectId: Id,
    channel: TouchChannel,
    direction: Direction,
    note: optText(2000),
    occurredAt: z.number().int().min(0).max(8.64e15).optional(),
    // Liked / commented / shared: only on a social_engagement touch (the command refuses it elsewhere).
    engagement: Engagement.nullable().optional(),
  }),
  z.object({ type: z.literal('linkEmail'), prospectId: Id, email: Email }),
  z.object({
    type: z.literal('addFollowUp'),
    prospectId: Id,
    title: cleanText(300).pipe(z.string().min(1, 'Say what the follow-up is')),
    dueAt: z.number().int().min(0).max(8.64e15),
  }),
  z.object({ type: z.literal('completeFollowUp'), id: Id }),
  z.object({ type: z.literal('snoozeFollowUp'), id: Id, until: z.number().int().min(0).max(8.64e15) }),
  z.object({ type: z.literal('deleteProspect'), id: Id }),
  z.object({ type: z.literal('openSidePanel'), prospectId: Id.optional() }),
  z.object({ type: z.literal('stages') }),
  z.object({ type: z.literal('overdue') }),
  z.object({
    type: z.literal('due'),
    withinMs: z
      .number()
      .int()
      .min(0)
      .max(31 * 86_400_000),
    limit,
  }),
  // The Today queue: open follow-ups due up to `until` (the page sends the end of the rep's 7th local day).
  // With `first`, only the queue's first rows and each group's count (`tomorrow`: the rep's next
  // local midnight, where Today ends): the view shows them at once and reads the rest after.
  z.object({
    type: z.literal('today'),
    until: z.number().int().min(0).max(8.64e15),
    first: z.number().int().min(1).max(500).optional(),
    tomorrow: z.number().int().min(0).max(8.64e15).optional(),
  }),
]);
export type ValidRequest = z.infer<typeof RequestSchema>;

/** The notice a content script sends when its page moved to another person: the background pulls teammates' changes. */
export const PageChangedSchema = z.strictObject({ type: z.literal('pageChanged'), url: z.string().max(4096) });

/** A content script asking for the rep's page settings (lib/model/page-prefs.ts) before it adds anything to a page. */
export const PageSettingsRequestSchema = z.strictObject({ type: z.literal('pageSettings') });

/**
 * Requests that only read. Everything else changes data, after which the badge and every open view
 * refresh; a new request type is a mutation unless listed here, so it can never skip the refresh.
 */
const QUERIES: ReadonlySet<string> = new Set([
  'lookup',
  'detail',
  'search',
  'stages',
  'overdue',
  'due',
  'today',
  // Opens a view; changes no data.
  'openSidePanel',
  'cadences',
  'settings',
  'previewSettings',
  'stalled',
  'account',
  'teams',
  'syncStatus',
  'syncIssues',
  'sendCode',
  'invite',
  'createTeam',
  'joinTeam',
  ...BOARD_QUERIES,
  ...DATA_QUERIES,
  ...DELETE_QUERIES,
  ...MERGE_QUERIES,
  ...MEMBERS_QUERIES,
  ...COMPANY_QUERIES,
  ...CONVERSATION_QUERIES,
]);

export function isMutation(type: string): boolean {
  return !QUERIES.has(type);
}

/** A readable one-line message from a zod failure, for the rep, not a stack trace. */
export function describeIssues(err: z.ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
