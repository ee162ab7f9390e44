// Bulk actions on several people at once (board selection, gone-dark list): move stage, assign
// owner, enrol in / stop a cadence, add a follow-up, delete. Each runs in one IndexedDB transaction
// and so lands in the outbox as one batch, and returns one undo token for the whole batch.
//
// Undo writes new history rather than rewriting old: a stage move back is a new stage change, a
// removed follow-up is a tombstone. A person a teammate changed in the meantime (stage or owner no
// longer what the bulk action set) is left alone and reported, so undo never overwrites their work.
import { z } from 'zod';
import { EnrolmentSchema, type Prospect } from '../model';
import { enrol as enrolIn } from '../pipeline/cadence';
import { needsSqlConfirmation } from '../pipeline/gates';
import { isValidTimeZone } from '../pipeline/time-zone';
import { CommandError, insertFollowUp, mustGetProspect, patchFollowUp, setStage, tables } from './commands';
import type { StoreContext } from './context';
import { deleteProspects, deleteRights, DeleteTokenSchema, undoDelete } from './delete';
import { enqueue } from './outbox';
import { cadenceAction } from './playbook';
import { listStages } from './queries';

export const BULK_MAX = 2000;

export const BulkActionSchema = z.discriminatedUnion('kind', [
  // `confirmed`: the rep has seen who would skip the SQL gate and moves them anyway (as a single move asks).
  z.object({ kind: z.literal('stage'), stageKey: z.string().min(1).max(40), confirmed: z.boolean().optional() }),
  z.object({ kind: z.literal('owner'), ownerId: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('enrol'), cadenceId: z.string().uuid(), timeZone: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('stop-cadence') }),
  z.object({ kind: z.literal('follow-up'), title: z.string().trim().min(1).max(300), dueAt: z.number().int().nonnegative() }),
  z.object({ kind: z.literal('delete') }),
]);
export type BulkAction = z.infer<typeof BulkActionSchema>;

const StoppedStep = z.object({
  title: z.string(),
  note: z.string().nullable(),
  dueAt: z.number(),
  channel: z.string().nullable(),
  cadenceId: z.string().nullable(),
  cadenceStep: z.number().nullable(),
});

/** Everything undo needs, and nothing more; it travels through messages, so it is validated. */
export const BulkUndoTokenSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stage'), toStageId: z.string(), before: z.array(z.object({ id: z.string(), stageKey: z.string() })) }),
  z.object({ kind: z.literal('owner'), ownerId: z.string(), before: z.array(z.object({ id: z.string(), ownerId: z.string() })) }),
  z.object({
    kind: z.literal('enrol'),
    before: z.array(z.object({ id: z.string(), enrolment: EnrolmentSchema.nullable(), followUpIds: z.array(z.string()) })),
  }),
  z.object({
    kind: z.literal('stop-cadence'),
    before: z.array(z.object({ id: z.string(), enrolment: EnrolmentSchema, step: StoppedStep.nullable() })),
  }),
  z.object({ kind: z.literal('follow-up'), followUpIds: z.array(z.string()) }),
  z.object({ kind: z.literal('delete'), token: DeleteTokenSchema }),
]);
export type BulkUndoToken = z.infer<typeof BulkUndoTokenSchema>;

export type BulkSkip = 'already' | 'not-allowed' | 'not-in-cadence' | 'in-cadence';

export interface BulkResult {
  /** How many people the action changed. */
  changed: number;
  /** People left as they were, and why (already in that stage, not theirs to reassign, ...). */
  skipped: { id: string; name: string; reason: BulkSkip }[];
  undo: BulkUndoToken | null;
  /**
   * A move past qualification of people who have not passed SQL, not yet confirmed: nothing changed;
   * these are the people to name when asking, as a single move asks (playbook.ts moveStage).
   */
  needsConfirmation?: { id: string; name: string }[];
}

export interface BulkUndoResult {
  restored: number;
  /** Changed by someone else since (or gone): left as they are now. */
  kept: { id: string; name: string }[];
}

async function people(ctx: StoreContext, ids: readonly string[]): Promise<Prospect[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw new CommandError('invalid', 'Select at least one person first', 'bulk_nobody');
  if (unique.length > BULK_MAX) throw new CommandError('invalid', `At most ${BULK_MAX} people at once`, 'bulk_too_many', [String(BULK_MAX)]);
  const out: Prospect[] = [];
  for (const id of unique) out.push(await mustGetProspect(ctx, id));
  return out;
}

function bulkTables(ctx: StoreContext) {
  return [...tables(ctx), ctx.db.syncIssues];
}

export async function bulkApply(ctx: StoreContext, ids: readonly string[], raw: BulkAction): Promise<BulkResult> {
  const action = BulkActionSchema.parse(raw);
  if (action.kind === 'delete') {
    const { token, deleted } = await deleteProspects(ctx, ids);
    return { changed: deleted.length, skipped: [], undo: { kind: 'delete', token } };
  }
  return ctx.db.transaction('rw', bulkTables(ctx), async () => {
    const list = await people(ctx, ids);
    const skipped: BulkResult['skipped'] = [];
    const skip = (p: Prospect, reason: BulkSkip) => skipped.push({ id: p.id, name: p.name, reason });
    const now = ctx.now();
    switch (action.kind) {
      case 'stage': {
        const stages = await listStages(ctx);
        const to = stages.find((s) => s.key === action.stageKey);
        if (!to) throw new CommandError('not-found', `Unknown stage "${action.stageKey}"`, 'stage_unknown', [action.stageKey]);
        if (!action.confirmed) {
          const unqualified = list.filter(
            (p) => p.stageId !== to.id && needsSqlConfirmation(stages.find((s) => s.id === p.stageId) ?? null, to, stages, p),
          );
          if (unqualified.length) return { changed: 0, skipped: [], undo: null, needsConfirmation: unqualified.map((p) => ({ id: p.id, name: p.name })) };
        }
        const before: { id: string; stageKey: string }[] = [];
        for (const p of list) {
          if (p.stageId === to.id) {
            skip(p, 'already');
            continue;
          }
          before.push({ id: p.id, stageKey: stages.find((s) => s.id === p.stageId)?.key ?? to.key });
          await setStage(ctx, p.id, to.key);
        }
        return { changed: before.length, skipped, undo: before.length ? { kind: 'stage', toStageId: to.id, before } : null };
      }
      case 'owner': {
        const before: { id: string; ownerId: string }[] = [];
        for (const p of list) {
          if (p.ownerId === action.ownerId) {
            skip(p, 'already');
            continue;
          }
          if (!(await deleteRights(ctx, p)).allowed) {
            skip(p, 'not-allowed');
            continue;
          }
          before.push({ id: p.id, ownerId: p.ownerId });
          await ctx.db.prospects.put({ ...p, ownerId: action.ownerId, updatedAt: now });
          await enqueue(ctx, 'prospect', 'upsert', p.id, { ownerId: action.ownerId });
        }
        return { changed: before.length, skipped, undo: before.length ? { kind: 'owner', ownerId: action.ownerId, before } : null };
      }
      case 'enrol': {
        const cadence = await ctx.db.cadences.get(action.cadenceId);
        if (!cadence || cadence.deletedAt !== null) throw new CommandError('not-found', 'That cadence no longer exists', 'cadence_gone');
        if (!isValidTimeZone(action.timeZone)) throw new CommandError('invalid', `Unknown time zone: ${action.timeZone}`);
        const before: { id: string; enrolment: Prospect['enrolment']; followUpIds: string[] }[] = [];
        for (const p of list) {
          const e = p.enrolment;
          // Someone mid-cadence stays in theirs: re-enrolling would throw away where they are.
          if (e && (e.status === 'active' || e.status === 'paused')) {
            skip(p, 'in-cadence');
            continue;
          }
          const outcome = enrolIn(cadence, now, action.timeZone, {
            fields: { name: p.name, company: p.company, title: p.title, headline: p.headline, location: p.location },
          });
          const followUpIds: string[] = [];
          if (outcome.next) {
            const n = outcome.next;
            const f = await insertFollowUp(ctx, {
              prospectId: p.id,
              title: n.title,
              note: n.note,
              dueAt: n.dueAt,
              channel: n.channel,
              cadenceId: n.cadenceId,
              cadenceStep: n.cadenceStep,
            });
            followUpIds.push(f.id);
          }
          before.push({ id: p.id, enrolment: e, followUpIds });
          await ctx.db.prospects.put({ ...p, enrolment: outcome.enrolment, updatedAt: now });
          await enqueue(ctx, 'prospect', 'upsert', p.id, { enrolment: outcome.enrolment });
        }
        return { changed: before.length, skipped, undo: before.length ? { kind: 'enrol', before } : null };
      }
      case 'stop-cadence': {
        const before: { id: string; enrolment: NonNullable<Prospect['enrolment']>; step: z.infer<typeof StoppedStep> | null }[] = [];
        for (const p of list) {
          const e = p.enrolment;
          if (!e || (e.status !== 'active' && e.status !== 'paused')) {
            skip(p, 'not-in-cadence');
            continue;
          }
          const open = (await ctx.db.followUps.where('prospectId').equals(p.id).toArray()).find(
            (f) => f.cadenceId === e.cadenceId && f.deletedAt === null && f.doneAt === null,
          );
          const step = open
            ? { title: open.title, note: open.note, dueAt: open.dueAt, channel: open.channel, cadenceId: open.cadenceId, cadenceStep: open.cadenceStep }
            : null;
          before.push({ id: p.id, enrolment: e, step });
          await cadenceAction(ctx, p.id, 'stop');
        }
        return { changed: before.length, skipped, undo: before.length ? { kind: 'stop-cadence', before } : null };
      }
      case 'follow-up': {
        const followUpIds: string[] = [];
        for (const p of list) followUpIds.push((await insertFollowUp(ctx, { prospectId: p.id, title: action.title, dueAt: action.dueAt })).id);
        return { changed: followUpIds.length, skipped, undo: { kind: 'follow-up', followUpIds } };
      }
    }
  });
}

/** One undo for the whole batch, in one transaction. */
export async function bulkUndo(ctx: StoreContext, raw: BulkUndoToken): Promise<BulkUndoResult> {
  const token = BulkUndoTokenSchema.parse(raw);
  if (token.kind === 'delete') {
    const r = await undoDelete(ctx, token.token);
    return { restored: r.restored.length + r.alreadyLive.length, kept: r.refused.map(({ id, name }) => ({ id, name })) };
  }
  return ctx.db.transaction('rw', bulkTables(ctx), async () => {
    const kept: BulkUndoResult['kept'] = [];
    let restored = 0;
    const now = ctx.now();
    const current = async (id: string) => {
      const p = await ctx.db.prospects.get(id);
      return p && p.deletedAt === null ? p : undefined;
    };
    const closeFollowUp = async (id: string) => {
      const f = await ctx.db.followUps.get(id);
      if (f && f.deletedAt === null && f.doneAt === null) await patchFollowUp(ctx, id, { deletedAt: now });
      return f;
    };
    switch (token.kind) {
      case 'stage':
        for (const b of token.before) {
          const p = await current(b.id);
          if (!p || p.stageId !== token.toStageId) {
            kept.push({ id: b.id, name: p?.name ?? '' });
            continue;
          }
          await setStage(ctx, p.id, b.stageKey);
          restored++;
        }
        break;
      case 'owner':
        for (const b of token.before) {
          const p = await current(b.id);
          if (!p || p.ownerId !== token.ownerId) {
            kept.push({ id: b.id, name: p?.name ?? '' });
            continue;
          }
          await ctx.db.prospects.put({ ...p, ownerId: b.ownerId, updatedAt: now });
          await enqueue(ctx, 'prospect', 'upsert', p.id, { ownerId: b.ownerId });
          restored++;
        }
        break;
      case 'enrol':
        for (const b of token.before) {
          const p = await current(b.id);
          if (!p) {
            kept.push({ id: b.id, name: '' });
            continue;
          }
          for (const id of b.followUpIds) await closeFollowUp(id);
          await ctx.db.prospects.put({ ...p, enrolment: b.enrolment, updatedAt: now });
          await enqueue(ctx, 'prospect', 'upsert', p.id, { enrolment: b.enrolment });
          restored++;
        }
        break;
      case 'stop-cadence':
        for (const b of token.before) {
          const p = await current(b.id);
          if (!p || (p.enrolment && p.enrolment.status !== 'stopped')) {
            kept.push({ id: b.id, name: p?.name ?? '' });
            continue;
          }
          // A follow-up's tombstone is never lifted (the server refuses): the pending step comes back as a new one.
          if (b.step) {
            await insertFollowUp(ctx, {
              prospectId: p.id,
              title: b.step.title,
              note: b.step.note,
              dueAt: b.step.dueAt,
              channel: b.step.channel as never,
              cadenceId: b.step.cadenceId,
              cadenceStep: b.step.cadenceStep,
            });
          }
          await ctx.db.prospects.put({ ...p, enrolment: b.enrolment, updatedAt: now });
          await enqueue(ctx, 'prospect', 'upsert', p.id, { enrolment: b.enrolment });
          restored++;
        }
        break;
      case 'follow-up':
        for (const id of token.followUpIds) {
          const f = await ctx.db.followUps.get(id);
          if (!f || f.deletedAt !== null || f.doneAt !== null) {
            kept.push({ id, name: f?.title ?? '' });
            continue;
          }
          await closeFollowUp(id);
          restored++;
        }
        break;
    }
    return { restored, kept };
  });
}
