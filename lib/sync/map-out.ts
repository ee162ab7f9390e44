// Outbox entries hold local field names and epoch millis; the server takes snake_case columns and
// ISO timestamps, and only the fields it lets clients write (supabase/README.md "sync_push").
import type { OutboxEntry } from '../model';
import { lostReasonsToServer, scoringRulesToServer } from '../model/settings';
import type { ScoreRules } from '../pipeline/score';
import type { WireMutation } from './wire';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const iso = (v: unknown) => (typeof v === 'number' ? new Date(v).toISOString() : v === null ? null : undefined);
const same = (v: unknown) => v;
/** Local mode writes "local" as the user; the server fills in the pusher when the field is absent. */
const userRef = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : undefined);

type Rename = Record<string, [column: string, convert: (v: unknown) => unknown]>;

const PROSPECT: Rename = {
  name: ['name', same],
  headline: ['headline', same],
  title: ['title', same],
  company: ['company', same],
  location: ['location', same],
  photoUrl: ['photo_url', same],
  linkedinUrl: ['linkedin_url', same],
  slug: ['linkedin_slug', same],
  // Sent only when there is one (ids are never cleared), so a team whose database predates member
  // ids still takes every other prospect change.
  memberId: ['linkedin_member_id', (v) => v ?? undefined],
  emails: ['emails', same],
  source: ['source', same],
  score: ['score', same],
  scoreBreakdown: ['score_breakdown', same],
  ownerId: ['owner_id', userRef],
  mqlAt: ['mql_at', iso],
  sqlAt: ['sql_at', iso],
  sqlChecklist: ['sql_checklist', same],
  scoreAdjustment: ['score_adjustment', same],
  enrolment: ['cadence_enrolment', same],
  dealValue: ['deal_value', same],
  currency: ['currency', same],
  expectedClose: ['expected_close', same],
  lostReason: ['lost_reason', same],
  companyId: ['company_id', same],
};

const COMPANY: Rename = {
  slug: ['linkedin_slug', same],
  name: ['name', same],
  industry: ['industry', same],
  size: ['size', same],
  headquarters: ['headquarters', same],
  website: ['website', same],
  followers: ['followers', same],
};

const TOUCH: Rename = {
  prospectId: ['prospect_id', same],
  channel: ['channel', same],
  direction: ['direction', same],
  note: ['note', same],
  // Sent only when there is one, so a team whose database predates engagements still takes other touches.
  engagement: ['engagement', (v) => v ?? undefined],
  occurredAt: ['occurred_at', iso],
  followUpId: ['follow_up_id', same],
};

const FOLLOW_UP: Rename = {
  prospectId: ['prospect_id', same],
  assigneeId: ['assignee_id', userRef],
  title: ['title', same],
  note: ['note', same],
  channel: ['channel', same],
  dueAt: ['due_at', iso],
  doneAt: ['done_at', iso],
  snoozedUntil: ['snoozed_until', iso],
  cadenceId: ['cadence_id', same],
  cadenceStep: ['cadence_step', same],
};

const STAGE_CHANGE: Rename = {
  prospectId: ['prospect_id', same],
  fromStageId: ['from_stage_id', same],
  toStageId: ['to_stage_id', same],
  changedAt: ['changed_at', iso],
  note: ['note', same],
};

const STAGE: Rename = {
  key: ['key', same],
  name: ['name', same],
  order: ['position', same],
  kind: ['kind', same],
  probability: ['win_probability', same],
  staleDays: ['stale_days', same],
};

const CADENCE: Rename = {
  name: ['name', same],
  description: ['description', same],
  steps: ['steps', same],
};

// A merge (lib/store/merge.ts): the outbox entry's id is the person merged away, `into` the survivor.
const MERGE: Rename = {
  into: ['into', same],
};

const TEAM_SETTINGS: Rename = {
  scoringRules: ['scoring_rules', (v) => scoringRulesToServer(v as ScoreRules)],
  mqlThreshold: ['mql_threshold', same],
  targets: ['targets', same],
  defaultCurrency: ['default_currency', same],
  lostReasons: ['lost_reasons', (v) => lostReasonsToServer(v as string[] | undefined)],
  dueRule: ['cadence_due_rule', same],
};

const TABLES: Record<OutboxEntry['entity'], Rename> = {
  merge: MERGE,
  cadence: CADENCE,
  team_settings: TEAM_SETTINGS,
  prospect: PROSPECT,
  touch: TOUCH,
  follow_up: FOLLOW_UP,
  stage_change: STAGE_CHANGE,
  stage: STAGE,
  company: COMPANY,
};

function renamed(table: Rename, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const rule = table[key];
    if (!rule) continue;
    const converted = rule[1](value);
    if (converted !== undefined) out[rule[0]] = converted;
  }
  return out;
}

/**
 * The server's form of one queued mutation, or null when nothing in it is the server's business
 * (e.g. a touch count, which every device derives from the touches themselves).
 */
export function toWire(entry: OutboxEntry): WireMutation | null {
  const base = { mutation_id: entry.mutationId, entity: entry.entity, id: entry.entityId, hlc: entry.hlc };
  // delete, restore (undo of a delete) and erase carry the id alone.
  if (entry.op !== 'upsert') return { ...base, op: entry.op };
  const f = entry.fields;
  const fields = renamed(TABLES[entry.entity], f);
  if (entry.entity === 'prospect') {
    // A rep's explicit choice is an override; a temperature that merely follows the source is not.
    if (f.temperatureSet === true && typeof f.temperature === 'string') fields.temperature_override = f.temperature;
    // The stage is written only when the prospect is created; later moves are stage changes.
    if ('createdAt' in f && typeof f.stageId === 'string') fields.stage_id = f.stageId;
  }
  if (Object.keys(fields).length === 0) return null;
  return { ...base, op: 'upsert', fields };
}
