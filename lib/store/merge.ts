// Merging two people the rep knows are one (clipped on LinkedIn and again from mail, or a teammate's
// duplicate). One transaction, one outbox batch: the person merged away becomes a tombstone pointing
// at the survivor (`mergedInto`), everything recorded about them (touches, follow-ups, stage history,
// e-mail addresses) moves to the survivor, and the fields the rep picked are written to the survivor.
// The server repeats the moves itself from the one `merge` mutation (supabase migration
// 20261205152000_merge.sql), so a replayed batch changes nothing there either.
import type { Prospect } from '../model';
import { intakeProspect } from '../model/prospect-intake';
import { mergeFieldValue, type MergeField, type MergePick } from '../pipeline/merge-fields';
import { duplicateSuggestions, words, type DuplicateSuggestion } from '../pipeline/duplicates';
import { settleStage } from '../sync/merge';
import { recountTouches } from '../sync/pull';
import { CommandError, stageChange, tables } from './commands';
import type { StoreContext } from './context';
import { deleteRights } from './delete';
import { enqueue } from './outbox';
import { adjustOverdue } from './overdue';
import { rescore, scoreFields } from './score';

export { MERGE_FIELDS, differingFields, mergeFieldValue, type MergeField, type MergePick } from '../pipeline/merge-fields';

export interface MergeInput {
  survivorId: string;
  otherId: string;
  /** Per field, whose value the survivor keeps; unset: the survivor's, or the other's where the survivor has none. */
  pick?: MergePick;
}

export interface MergeOutcome {
  survivor: Prospect;
  merged: Prospect;
  moved: { touches: number; followUps: number; stageChanges: number };
}

const SIMPLE = ['name', 'headline', 'title', 'company', 'location', 'photoUrl', 'linkedinUrl', 'source'] as const;

function chosen(pick: MergePick, field: MergeField, survivor: Prospect, other: Prospect): Prospect {
  const side = pick[field];
  if (side === 'other') return other;
  if (side === 'survivor') return survivor;
  return mergeFieldValue(survivor, field) === null || mergeFieldValue(survivor, field) === '' ? other : survivor;
}

const earliest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

async function live(ctx: StoreContext, id: string, role: string): Promise<Prospect> {
  const p = await ctx.db.prospects.get(id);
  if (!p) throw new CommandError('not-found', `The ${role} person is not in the pipeline any more; nothing was merged.`, 'not_found');
  if (p.deletedAt !== null) {
    throw new CommandError('not-found', `${p.name} was deleted or merged meanwhile; nothing was merged.`, 'merge_gone', [p.name]);
  }
  return p;
}

export async function mergeProspects(ctx: StoreContext, input: MergeInput): Promise<MergeOutcome> {
  if (input.survivorId === input.otherId) throw new CommandError('invalid', 'A person cannot be merged with themselves.', 'merge_self');
  const pick = input.pick ?? {};
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const survivor = await live(ctx, input.survivorId, 'kept');
    const other = await live(ctx, input.otherId, 'other');
    // Merging someone away deletes them: the same rule as a delete (the server checks it again).
    if (!(await deleteRights(ctx, other)).allowed) {
      throw new CommandError('invalid', `Only ${other.name}'s owner or a team admin can merge them into someone else; keep ${other.name} instead.`, 'merge_forbidden', [other.name]);
    }
    const now = ctx.now();

    // 1. Everything recorded about the other person moves to the survivor. Touches and stage changes
    //    are append-only on the server, so they are not queued here: the merge mutation moves them there.
    const touches = await ctx.db.touches.where('prospectId').equals(other.id).toArray();
    for (const t of touches) await ctx.db.touches.put({ ...t, prospectId: survivor.id });
    const history = await ctx.db.stageChanges.where('prospectId').equals(other.id).toArray();
    for (const c of history) await ctx.db.stageChanges.put({ ...c, prospectId: survivor.id });
    const followUps = await ctx.db.followUps.where('prospectId').equals(other.id).toArray();
    for (const f of followUps) {
      const next = { ...f, prospectId: survivor.id, updatedAt: now };
      await ctx.db.followUps.put(next);
      await adjustOverdue(ctx, f, next);
    }

    // 2. The other becomes a tombstone that points at the survivor; its keys are free from here on.
    const tombstone: Prospect = { ...other, deletedAt: now, updatedAt: now, mergedInto: survivor.id };
    await ctx.db.prospects.put(tombstone);
    await enqueue(ctx, 'merge', 'upsert', other.id, { into: survivor.id });

    // 3. The survivor: picked fields, every address, the LinkedIn key if it had none, both gates.
    const fields: Record<string, unknown> = {};
    for (const f of SIMPLE) fields[f] = chosen(pick, f, survivor, other)[f];
    const deal = chosen(pick, 'deal', survivor, other);
    fields.dealValue = deal.dealValue;
    fields.currency = deal.currency;
    fields.ownerId = chosen(pick, 'owner', survivor, other).ownerId;
    if (fields.source !== survivor.source && !survivor.temperatureSet) {
      const from = chosen(pick, 'source', survivor, other);
      fields.temperature = from.temperature;
    }
    fields.emails = [...new Set([...survivor.emails, ...other.emails])].slice(0, 20);
    if (!survivor.slug && other.slug) fields.slug = other.slug;
    if (!survivor.memberId && other.memberId) fields.memberId = other.memberId;
    fields.mqlAt = earliest(survivor.mqlAt, other.mqlAt);
    fields.sqlAt = earliest(survivor.sqlAt, other.sqlAt);
    if (survivor.sqlAt === null && other.sqlAt !== null) fields.sqlChecklist = { ...other.sqlChecklist, ...survivor.sqlChecklist };
    if (!survivor.enrolment && other.enrolment) fields.enrolment = other.enrolment;
    const stageSide = chosen(pick, 'stage', survivor, other);
    if (stageSide.stageId === other.stageId) fields.lostReason = other.lostReason ?? survivor.lostReason;

    const changed: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) {
      if (JSON.stringify(v) !== JSON.stringify(survivor[k as keyof Prospect] ?? null)) changed[k] = v;
    }
    let next = intakeProspect({ ...survivor, ...changed, updatedAt: now });
    await ctx.db.prospects.put(next);

    // 4. The stage: with both histories on the survivor the latest change decides (as on the server);
    //    when that is not the stage the rep picked, one more change puts the survivor there.
    await settleStage(ctx, survivor.id);
    next = (await ctx.db.prospects.get(survivor.id))!;
    if (next.stageId !== stageSide.stageId) {
      const change = stageChange(ctx, survivor.id, next.stageId, stageSide.stageId, now);
      await ctx.db.stageChanges.add(change);
      next = { ...next, stageId: change.toStageId, stageEnteredAt: now };
      await enqueue(ctx, 'stage_change', 'upsert', change.id, { ...change });
    }
    await ctx.db.prospects.put(next);
    await recountTouches(ctx, [survivor.id]);
    next = (await ctx.db.prospects.get(survivor.id))!;
    Object.assign(next, await rescore(ctx, next));
    await ctx.db.prospects.put(next);
    await enqueue(ctx, 'prospect', 'upsert', survivor.id, { ...changed, ...scoreFields(survivor, next) });
    return {
      survivor: next,
      merged: tombstone,
      moved: { touches: touches.length, followUps: followUps.length, stageChanges: history.length },
    };
  });
}

/**
 * Likely duplicates of one person, for the person view: candidates come from two index ranges (names
 * starting with the person's first word, addresses starting with it), then the pure rules decide.
 */
export async function duplicatesFor(ctx: StoreContext, id: string, limit = 5): Promise<DuplicateSuggestion[]> {
  const p = await ctx.db.prospects.get(id);
  if (!p || p.deletedAt !== null) return [];
  const first = words(p.name)[0];
  if (!first || first.length < 2) return [];
  const byName = await ctx.db.prospects.where('name').startsWithIgnoreCase(first).limit(200).toArray();
  const byEmail = await ctx.db.prospects.where('emails').startsWithIgnoreCase(first).limit(200).toArray();
  return duplicateSuggestions(p, [...byName, ...byEmail]).slice(0, limit);
}
