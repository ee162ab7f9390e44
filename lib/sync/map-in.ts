// Server rows (sync_pull `data`, column names, ISO timestamps) into the local store's shapes.
// Rows are validated with the local schemas; a row that does not fit is reported, not stored.
import {
  Email,
  FIELD_LIMITS,
  FollowUpSchema,
  MemberId,
  ScoreBreakdown,
  StageChangeSchema,
  StageSchema,
  TouchSchema,
  type FollowUp,
  type Prospect,
  type Stage,
  type StageChange,
  type Touch,
} from '../model';
import { CadenceSchema, EnrolmentSchema, type Cadence } from '../model/cadence';
import { openDueAt } from '../pipeline/follow-ups';
import { SqlChecklistSchema } from '../pipeline/gates';
import { capText } from '../model/text';
import { intakeProspect } from '../model/prospect-intake';
import { COMPANY_LIMITS, CompanySchema, type Company } from '../model/company';

type Row = Record<string, unknown>;

const ms = (v: unknown): number | null => {
  if (typeof v !== 'string') return null;
  const t = Date.parse(v);
  return Number.isFinite(t) ? t : null;
};
const msOr = (v: unknown, fallback: number) => ms(v) ?? fallback;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
// Teammates' rows are hostile input like a page (issue: a backup or a teammate could plant what a
// capture never would): cut without splitting a surrogate pair, then the model's schemas clean them.
const cap = (v: unknown, max: number): string | null => {
  const s = str(v);
  return s === null ? null : capText(s, max);
};
const num = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : null);

export function prospectFromRow(r: Row): Prospect {
  const created = msOr(r.created_at, 0);
  const breakdown = ScoreBreakdown.safeParse(r.score_breakdown);
  // The same intake as a capture or a restore: cleaned text, LinkedIn-only profile URL, CDN-only photo.
  return intakeProspect({
    id: r.id,
    teamId: r.team_id,
    slug: str(r.linkedin_slug),
    // A malformed id costs the id, not the person (as with an address).
    memberId: MemberId.safeParse(r.linkedin_member_id).success ? (r.linkedin_member_id as string) : null,
    // A malformed address costs that address, not the person.
    emails: Array.isArray(r.emails) ? r.emails.filter((e) => Email.safeParse(e).success).slice(0, 20) : [],
    name: cap(r.name, FIELD_LIMITS.name),
    headline: cap(r.headline, FIELD_LIMITS.headline),
    title: cap(r.title, FIELD_LIMITS.title),
    company: cap(r.company, FIELD_LIMITS.company),
    location: cap(r.location, FIELD_LIMITS.location),
    photoUrl: str(r.photo_url),
    linkedinUrl: str(r.linkedin_url),
    source: r.source,
    temperature: r.temperature,
    temperatureSet: r.temperature_override !== null && r.temperature_override !== undefined,
    stageId: r.stage_id,
    stageEnteredAt: msOr(r.stage_entered_at, created),
    score: Math.max(0, Math.min(100, num(r.score) ?? 0)),
    scoreBreakdown: breakdown.success ? breakdown.data : [],
    ownerId: str(r.owner_id) ?? '',
    mqlAt: ms(r.mql_at),
    sqlAt: ms(r.sql_at),
    sqlChecklist: SqlChecklistSchema.catch({}).parse(r.sql_checklist ?? {}),
    scoreAdjustment: Math.max(-100, Math.min(100, Math.round(num(r.score_adjustment) ?? 0))),
    enrolment: r.cadence_enrolment ? EnrolmentSchema.catch(null as never).parse(r.cadence_enrolment) : null,
    dealValue: num(r.deal_value),
    currency: str(r.currency),
    lostReason: cap(r.lost_reason, 500),
    // Derived from the touches on this device after the page is applied.
    lastTouchAt: null,
    touchCount: 0,
    createdAt: created,
    updatedAt: msOr(r.updated_at, created),
    deletedAt: ms(r.deleted_at),
    mergedInto: str(r.merged_into),
    companyId: str(r.company_id),
  });
}

export function followUpFromRow(r: Row): FollowUp {
  const created = msOr(r.created_at, 0);
  const f = FollowUpSchema.parse({
    id: r.id,
    teamId: r.team_id,
    prospectId: r.prospect_id,
    assigneeId: str(r.assignee_id) ?? '',
    title: cap(r.title, 300),
    note: str(r.note),
    channel: r.channel ?? null,
    cadenceId: str(r.cadence_id),
    cadenceStep: num(r.cadence_step),
    dueAt: ms(r.due_at),
    doneAt: ms(r.done_at),
    snoozedUntil: ms(r.snoozed_until),
    createdAt: created,
    updatedAt: msOr(r.updated_at, created),
    deletedAt: ms(r.deleted_at),
  });
  const key = openDueAt(f);
  return key === undefined ? f : { ...f, openDueAt: key };
}

export function touchFromRow(r: Row): Touch {
  const created = msOr(r.created_at, 0);
  return TouchSchema.parse({
    id: r.id,
    teamId: r.team_id,
    prospectId: r.prospect_id,
    channel: r.channel,
    direction: r.direction ?? 'out',
    note: cap(r.note, 2000),
    engagement: r.engagement ?? null,
    occurredAt: msOr(r.occurred_at, created),
    createdAt: created,
    byId: str(r.created_by) ?? '',
  });
}

export function stageChangeFromRow(r: Row): StageChange {
  return StageChangeSchema.parse({
    id: r.id,
    teamId: r.team_id,
    prospectId: r.prospect_id,
    fromStageId: str(r.from_stage_id),
    toStageId: r.to_stage_id,
    changedAt: msOr(r.changed_at, msOr(r.created_at, 0)),
    byId: str(r.changed_by) ?? str(r.created_by) ?? '',
  });
}

export function stageFromRow(r: Row): Stage {
  const staleDays = num(r.stale_days);
  return StageSchema.parse({
    id: r.id,
    teamId: r.team_id,
    key: r.key,
    name: str(r.name),
    order: num(r.position) ?? 0,
    kind: r.kind,
    probability: num(r.win_probability) ?? 0,
    staleDays: staleDays === null ? null : Math.round(staleDays),
    updatedAt: msOr(r.updated_at, 0),
    deletedAt: ms(r.deleted_at),
  });
}

export function cadenceFromRow(r: Row): Cadence {
  return CadenceSchema.parse({
    id: r.id,
    teamId: r.team_id,
    name: cap(r.name, 120),
    description: str(r.description),
    steps: r.steps ?? [],
    updatedAt: msOr(r.updated_at, 0),
    deletedAt: ms(r.deleted_at),
  });
}

export function companyFromRow(r: Row): Company {
  const created = msOr(r.created_at, 0);
  const followers = num(r.followers);
  return CompanySchema.parse({
    id: r.id,
    teamId: r.team_id,
    slug: str(r.linkedin_slug),
    name: cap(r.name, COMPANY_LIMITS.name),
    industry: cap(r.industry, COMPANY_LIMITS.industry),
    size: cap(r.size, COMPANY_LIMITS.size),
    headquarters: cap(r.headquarters, COMPANY_LIMITS.headquarters),
    website: str(r.website),
    followers: followers !== null && Number.isFinite(followers) ? Math.max(0, Math.min(1e10, Math.round(followers))) : null,
    // Absent (an older server's row): not known here, so the server decides who may delete it.
    createdBy: 'created_by' in r ? str(r.created_by) : undefined,
    createdAt: created,
    updatedAt: msOr(r.updated_at, created),
    deletedAt: ms(r.deleted_at),
  });
}
