// The one writer (DESIGN.md §2): every mutation of the local store goes through here and writes the
// entity and its outbox entry in one IndexedDB transaction.
import {
  FOLLOW_UP_CADENCE_DEFAULTS,
  PROSPECT_PLAYBOOK_DEFAULTS,
  FollowUpSchema,
  StageChangeSchema,
  TouchSchema,
  engagementFits,
  type Engagement,
  type Direction,
  type FollowUp,
  type Prospect,
  type StageChange,
  type Source,
  type Temperature,
  type TouchChannel,
} from '../model';
import type { CaptureFields } from '../model/capture';
import { IntakeError, intakeProspect, linkedinUrlInput } from '../model/prospect-intake';
import { openDueAt } from '../pipeline/follow-ups';
import { temperatureFor } from '../pipeline/temperature';
import type { StoreContext } from './context';
import { enqueue } from './outbox';
import { adjustOverdue } from './overdue';
import { rescore, sameScore, scoreFields } from './score';
import { companyIdForCapture } from './company-match';
import { entryStage, findByIdentity, stageByKey } from './queries';

export class CommandError extends Error {
  constructor(
    readonly code: 'not-found' | 'invalid' | 'conflict',
    message: string,
    /** A finer code the UI has a sentence for in each language (lib/messaging/errors.ts), and its substitutions. */
    readonly reason?: string,
    readonly params?: string[],
  ) {
    super(message);
  }
}

export interface CaptureInput extends CaptureFields {
  source: Source;
  temperature?: Temperature;
}

/** One step of a prospect's stage history, by the current user (from = null: where it started). */
export function stageChange(ctx: StoreContext, prospectId: string, fromStageId: string | null, toStageId: string, at: number): StageChange {
  return StageChangeSchema.parse({
    id: ctx.newId(),
    teamId: ctx.teamId,
    prospectId,
    fromStageId,
    toStageId,
    changedAt: at,
    byId: ctx.userId,
  });
}

const PROFILE_FIELDS = ['name', 'headline', 'title', 'company', 'location', 'photoUrl', 'linkedinUrl'] as const;

/** The prospect intake (lib/model/prospect-intake.ts), with its refusals as this module's errors. */
function intake(raw: unknown): Prospect {
  try {
    return intakeProspect(raw);
  } catch (e) {
    if (e instanceof IntakeError) throw new CommandError(e.code === 'invalid' ? 'invalid' : 'conflict', e.message);
    throw e;
  }
}

function urlInput(raw: string | null | undefined): string | null {
  try {
    return linkedinUrlInput(raw);
  } catch (e) {
    if (e instanceof IntakeError) throw new CommandError('invalid', e.message);
    throw e;
  }
}

/** The live prospect other than `exceptId` that holds the slug or address, if any (DESIGN.md §3). */
export async function keyHolder(
  ctx: StoreContext,
  key: { slug?: string | null; email?: string | null; memberId?: string | null },
  exceptId: string | null,
) {
  const other = (p: Prospect) => p.deletedAt === null && p.id !== exceptId;
  if (key.slug) {
    const bySlug = await ctx.db.prospects.where('slug').equals(key.slug).filter(other).first();
    if (bySlug) return bySlug;
  }
  if (key.memberId) {
    const byId = await ctx.db.prospects.where('memberId').equals(key.memberId).filter(other).first();
    if (byId) return byId;
  }
  if (key.email) return ctx.db.prospects.where('emails').equals(key.email).filter(other).first();
  return undefined;
}

export function tables(ctx: StoreContext) {
  const d = ctx.db;
  return [d.prospects, d.touches, d.followUps, d.stageChanges, d.stages, d.outbox, d.meta, d.cadences, d.companies];
}

/**
 * Clip a person. A capture matching an existing slug or e-mail updates that prospect (fields the page
 * now shows win; blanks never erase what the rep has) instead of creating a duplicate.
 */
export async function captureProspect(ctx: StoreContext, input: CaptureInput): Promise<{ prospect: Prospect; created: boolean }> {
  input = { ...input, linkedinUrl: urlInput(input.linkedinUrl) };
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const now = ctx.now();
    const memberId = input.memberId ?? null;
    const existing = await findByIdentity(ctx, input.slug, input.email, memberId);
    if (existing) {
      const patch: Partial<Prospect> = {};
      for (const f of PROFILE_FIELDS) {
        const v = input[f];
        if (v && v !== existing[f]) (patch as Record<string, unknown>)[f] = v;
      }
      // A person first seen by one key gains the others a later page shows (member id ⇄ slug), unless
      // another live prospect holds that key: one key, one prospect; the rep merges the two.
      if (input.slug && !existing.slug) patch.slug = input.slug;
      if (memberId && !existing.memberId && !(await keyHolder(ctx, { memberId }, existing.id))) patch.memberId = memberId;
      // A member-id URL gives way to the vanity one once the slug is known, never the other way round.
      if (patch.linkedinUrl && existing.slug && !input.slug) delete patch.linkedinUrl;
      // The address goes to the person matched by slug only while nobody else holds it: one key, one prospect.
      if (input.email && !existing.emails.includes(input.email) && !(await keyHolder(ctx, { email: input.email }, existing.id))) {
        patch.emails = [...existing.emails, input.email];
      }
      // A person with no company yet joins a tracked one their page names (lib/store/company-match.ts).
      if (!existing.companyId) {
        const companyId = await companyIdForCapture(ctx, { companySlug: input.companySlug, company: input.company ?? existing.company });
        if (companyId) patch.companyId = companyId;
      }
      const merged = intake({ ...existing, ...patch, updatedAt: now });
      // Cleaning may turn an offered value into nothing (a photo off LinkedIn's CDN, a name of control
      // characters) or into what the prospect already has: neither erases nor rewrites anything.
      for (const k of Object.keys(patch) as (keyof Prospect)[]) {
        const blank = merged[k] === null || merged[k] === '';
        if (blank || JSON.stringify(merged[k]) === JSON.stringify(existing[k])) {
          (merged as Record<string, unknown>)[k] = existing[k];
          delete patch[k];
        } else (patch as Record<string, unknown>)[k] = merged[k];
      }
      if (Object.keys(patch).length === 0) return { prospect: existing, created: false };
      Object.assign(merged, await rescore(ctx, merged));
      await ctx.db.prospects.put(merged);
      await enqueue(ctx, 'prospect', 'upsert', merged.id, { ...patch, ...scoreFields(existing, merged) });
      return { prospect: merged, created: false };
    }
    const stage = await entryStage(ctx);
    const temperature = input.temperature ?? temperatureFor(input.source);
    const draft = {
      id: ctx.newId(),
      teamId: ctx.teamId,
      slug: input.slug,
      memberId,
      emails: input.email ? [input.email] : [],
      name: input.name,
      headline: input.headline,
      title: input.title,
      company: input.company,
      location: input.location,
      photoUrl: input.photoUrl,
      linkedinUrl: input.linkedinUrl,
      source: input.source,
      temperature,
      temperatureSet: input.temperature !== undefined,
      stageId: stage.id,
      stageEnteredAt: now,
      ownerId: ctx.userId,
      ...PROSPECT_PLAYBOOK_DEFAULTS,
      lastTouchAt: null,
      touchCount: 0,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    const prospect = intake({ ...draft, score: 0, scoreBreakdown: [] });
    const companyId = await companyIdForCapture(ctx, { companySlug: input.companySlug, company: prospect.company });
    if (companyId) prospect.companyId = companyId;
    Object.assign(prospect, await rescore(ctx, prospect));
    await ctx.db.prospects.add(prospect);
    const change = stageChange(ctx, prospect.id, null, stage.id, now);
    await ctx.db.stageChanges.add(change);
    const { id: _id, ...fields } = prospect;
    await enqueue(ctx, 'prospect', 'upsert', prospect.id, fields);
    await enqueue(ctx, 'stage_change', 'upsert', change.id, { ...change });
    return { prospect, created: true };
  });
}

export async function mustGetProspect(ctx: StoreContext, id: string): Promise<Prospect> {
  const p = await ctx.db.prospects.get(id);
  if (!p || p.deletedAt !== null) throw new CommandError('not-found', `No prospect ${id}`, 'prospect_not_found');
  return p;
}

export type ProspectPatch = Partial<
  Pick<
    Prospect,
    | 'name'
    | 'headline'
    | 'title'
    | 'company'
    | 'location'
    | 'source'
    | 'temperature'
    | 'emails'
    | 'linkedinUrl'
    | 'dealValue'
    | 'currency'
    | 'lostReason'
  >
>;

export async function updateProspect(ctx: StoreContext, id: string, patch: ProspectPatch): Promise<Prospect> {
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const p = await mustGetProspect(ctx, id);
    const fields: Record<string, unknown> = { ...patch };
    if (patch.linkedinUrl !== undefined) fields.linkedinUrl = urlInput(patch.linkedinUrl);
    if (patch.temperature !== undefined) fields.temperatureSet = true;
    else if (patch.source !== undefined && !p.temperatureSet) fields.temperature = temperatureFor(patch.source);
    const next = intake({ ...p, ...fields, updatedAt: ctx.now() });
    // What is queued is what is stored: the cleaned values, not the raw request.
    for (const k of Object.keys(fields)) fields[k] = next[k as keyof Prospect];
    if (next.emails.length) {
      for (const e of next.emails) {
        const other = await ctx.db.prospects
          .where('emails')
          .equals(e)
          .filter((x) => x.deletedAt === null)
          .first();
        if (other && other.id !== id) throw new CommandError('conflict', `${e} already belongs to ${other.name}`, 'email_taken', [e, other.name]);
      }
    }
    Object.assign(next, await rescore(ctx, next));
    await ctx.db.prospects.put(next);
    await enqueue(ctx, 'prospect', 'upsert', id, { ...fields, ...scoreFields(p, next) });
    return next;
  });
}

/** Add an address to a prospect (a correspondent turns out to be someone already clipped). */
export async function linkEmail(ctx: StoreContext, prospectId: string, email: string): Promise<Prospect> {
  const p = await mustGetProspect(ctx, prospectId);
  if (p.emails.includes(email)) return p;
  return updateProspect(ctx, prospectId, { emails: [...p.emails, email] });
}

/**
 * Time is one of the score's inputs (inactivity decay), so a score can go stale with no write at all.
 * Reads call this for the people they show: it writes (and queues) only when the score moved.
 */
export async function refreshScore(ctx: StoreContext, p: Prospect): Promise<Prospect> {
  // Read first, outside any write transaction: the usual answer is "unchanged" and must stay cheap.
  if (sameScore(await rescore(ctx, p), p)) return p;
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const current = (await ctx.db.prospects.get(p.id)) ?? p;
    const fresh = await rescore(ctx, current);
    if (sameScore(fresh, current)) return current;
    const next: Prospect = { ...current, ...fresh, updatedAt: ctx.now() };
    await ctx.db.prospects.put(next);
    await enqueue(ctx, 'prospect', 'upsert', p.id, scoreFields(current, fresh));
    return next;
  });
}

export async function setStage(ctx: StoreContext, prospectId: string, stageKey: string): Promise<Prospect> {
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const p = await mustGetProspect(ctx, prospectId);
    const stage = await stageByKey(ctx, stageKey);
    if (p.stageId === stage.id) return p;
    const now = ctx.now();
    const change = stageChange(ctx, prospectId, p.stageId, stage.id, now);
    await ctx.db.stageChanges.add(change);
    const next: Prospect = { ...p, stageId: stage.id, stageEnteredAt: now, updatedAt: now };
    await ctx.db.prospects.put(next);
    await enqueue(ctx, 'stage_change', 'upsert', change.id, { ...change });
    await enqueue(ctx, 'prospect', 'upsert', prospectId, { stageId: stage.id, stageEnteredAt: now });
    return next;
  });
}

export interface TouchInput {
  prospectId: string;
  channel: TouchChannel;
  direction: Direction;
  note: string | null;
  occurredAt?: number;
  /** What a social engagement was (liked, commented, shared); only for channel social_engagement. */
  engagement?: Engagement | null;
}

export async function logTouch(ctx: StoreContext, input: TouchInput) {
  if (!engagementFits(input.channel, input.engagement)) throw new Error('Only a social engagement says whether it was a like, comment or share');
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const p = await mustGetProspect(ctx, input.prospectId);
    const now = ctx.now();
    const touch = TouchSchema.parse({
      id: ctx.newId(),
      teamId: ctx.teamId,
      prospectId: p.id,
      channel: input.channel,
      direction: input.direction,
      note: input.note,
      engagement: input.engagement ?? null,
      occurredAt: input.occurredAt ?? now,
      createdAt: now,
      byId: ctx.userId,
    });
    await ctx.db.touches.add(touch);
    const next: Prospect = {
      ...p,
      lastTouchAt: Math.max(p.lastTouchAt ?? 0, touch.occurredAt),
      touchCount: p.touchCount + 1,
      updatedAt: now,
    };
    Object.assign(next, await rescore(ctx, next));
    await ctx.db.prospects.put(next);
    await enqueue(ctx, 'touch', 'upsert', touch.id, { ...touch });
    await enqueue(ctx, 'prospect', 'upsert', p.id, { lastTouchAt: next.lastTouchAt, touchCount: next.touchCount, ...scoreFields(p, next) });
    return { touch, prospect: next };
  });
}

export interface NewFollowUp {
  prospectId: string;
  title: string;
  dueAt: number;
  note?: string | null;
  channel?: FollowUp['channel'];
  cadenceId?: string | null;
  cadenceStep?: number | null;
}

/** Inside a write transaction: a follow-up for the current user, counted for the badge and queued. */
export async function insertFollowUp(ctx: StoreContext, input: NewFollowUp): Promise<FollowUp> {
  const now = ctx.now();
  const base = {
    id: ctx.newId(),
    teamId: ctx.teamId,
    prospectId: input.prospectId,
    assigneeId: ctx.userId,
    ...FOLLOW_UP_CADENCE_DEFAULTS,
    title: input.title.trim(),
    note: input.note ?? null,
    channel: input.channel ?? null,
    cadenceId: input.cadenceId ?? null,
    cadenceStep: input.cadenceStep ?? null,
    dueAt: input.dueAt,
    doneAt: null,
    snoozedUntil: null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  const f = FollowUpSchema.parse({ ...base, openDueAt: openDueAt(base) });
  await ctx.db.followUps.add(f);
  await adjustOverdue(ctx, undefined, f);
  const { openDueAt: _k, id: _id, ...fields } = f;
  await enqueue(ctx, 'follow_up', 'upsert', f.id, fields);
  return f;
}

export async function addFollowUp(ctx: StoreContext, input: { prospectId: string; title: string; dueAt: number }): Promise<FollowUp> {
  return ctx.db.transaction('rw', tables(ctx), async () => {
    await mustGetProspect(ctx, input.prospectId);
    return insertFollowUp(ctx, input);
  });
}

export async function patchFollowUp(
  ctx: StoreContext,
  id: string,
  patch: Partial<Pick<FollowUp, 'doneAt' | 'snoozedUntil' | 'deletedAt'>>,
) {
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const f = await ctx.db.followUps.get(id);
    if (!f || f.deletedAt !== null) throw new CommandError('not-found', `No follow-up ${id}`);
    const merged = { ...f, ...patch, updatedAt: ctx.now() };
    const next: FollowUp = { ...merged, openDueAt: openDueAt(merged) };
    if (next.openDueAt === undefined) delete next.openDueAt;
    await ctx.db.followUps.put(next);
    await adjustOverdue(ctx, f, next);
    await enqueue(ctx, 'follow_up', 'upsert', id, { ...patch });
    return next;
  });
}


export async function snoozeFollowUp(ctx: StoreContext, id: string, until: number): Promise<FollowUp> {
  if (until <= ctx.now()) throw new CommandError('invalid', 'Snooze must end in the future', 'snooze_past');
  return patchFollowUp(ctx, id, { snoozedUntil: until });
}

export async function deleteProspect(ctx: StoreContext, id: string): Promise<void> {
  await ctx.db.transaction('rw', tables(ctx), async () => {
    const p = await mustGetProspect(ctx, id);
    const now = ctx.now();
    await ctx.db.prospects.put({ ...p, deletedAt: now, updatedAt: now });
    await enqueue(ctx, 'prospect', 'delete', id, { deletedAt: now });
    const open = await ctx.db.followUps.where('prospectId').equals(id).toArray();
    for (const f of open) {
      if (f.deletedAt !== null) continue;
      const next: FollowUp = { ...f, deletedAt: now, updatedAt: now };
      delete next.openDueAt;
      await ctx.db.followUps.put(next);
      await adjustOverdue(ctx, f, next);
      await enqueue(ctx, 'follow_up', 'delete', f.id, { deletedAt: now });
    }
  });
}
