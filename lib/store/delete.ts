// Deleting people, undoing it, and erasing them for good (the privacy request).
//
// A delete is a tombstone (deletedAt) on the prospect and on the follow-ups it takes along, all with
// the same time, so undo knows exactly what the delete took: follow-ups deleted earlier on their own
// stay deleted. A cadence enrolment lives on the prospect row and its open step is one of those
// follow-ups, so it comes back with them. Undo only lifts tombstones; it never writes old field
// values back, so whatever a teammate changed in the meantime is kept.
//
// Erase is a hard delete: the prospect, its touches, follow-ups, stage history and e-mails leave the
// store, and so does every queued change or set-aside sync issue that carries their data. What is
// queued for the team is the id alone.
import { z } from 'zod';
import type { FollowUp, OutboxEntry, Prospect } from '../model';
import { CommandError, tables } from './commands';
import type { StoreContext } from './context';
import { enqueue } from './outbox';
import { adjustOverdue } from './overdue';
import { openDueAt } from '../pipeline/follow-ups';
import { REMOTE_META, type Member } from '../sync/remote-meta';

/** What undo needs: which people, and the time their delete stamped on everything it took. */
export const DeleteTokenSchema = z.object({
  ids: z.array(z.string().uuid()).min(1).max(10_000),
  at: z.number().int().nonnegative(),
});
export type DeleteToken = z.infer<typeof DeleteTokenSchema>;

export interface Named {
  id: string;
  name: string;
}

export interface DeleteResult {
  token: DeleteToken;
  deleted: Named[];
}

/** Why one person could not be brought back: nothing is lost, they simply stay as they are. */
export type UndoRefusal = 'erased' | 'key-taken';

export interface UndoResult {
  restored: Named[];
  /** Already live again (undone twice, or restored elsewhere): nothing to do. */
  alreadyLive: Named[];
  refused: (Named & { reason: UndoRefusal; holder: string | null })[];
}

export interface DeleteRights {
  allowed: boolean;
  /** Set when not allowed: why, in a form the UI turns into a sentence. */
  reason: 'not-owner' | null;
}

async function myRole(ctx: StoreContext): Promise<string | null> {
  const members = (await ctx.db.meta.get(REMOTE_META.team_member))?.value as Record<string, Member> | undefined;
  const me = members?.[ctx.userId];
  return me && !me.deleted ? me.role : null;
}

/**
 * The backend's rule (supabase/migrations/20261205120000_hostile_member.sql): a team's owners and
 * admins, and the prospect's owner, may delete it (and so restore or erase it). Local mode: the rep
 * owns everything. The server also lets a prospect's creator delete it; the store does not keep the
 * creator, so a creator who gave the prospect away asks its new owner or an admin.
 */
export async function deleteRights(ctx: StoreContext, p: Pick<Prospect, 'ownerId'>, role?: string | null): Promise<DeleteRights> {
  if (ctx.teamId === 'local') return { allowed: true, reason: null };
  const r = role === undefined ? await myRole(ctx) : role;
  if (r === 'owner' || r === 'admin' || p.ownerId === ctx.userId) return { allowed: true, reason: null };
  return { allowed: false, reason: 'not-owner' };
}

async function mustAllow(ctx: StoreContext, people: Prospect[]): Promise<void> {
  const role = ctx.teamId === 'local' ? null : await myRole(ctx);
  for (const p of people) {
    if (!(await deleteRights(ctx, p, role)).allowed) {
      throw new CommandError('invalid', `Only ${p.name}'s owner or a team admin can delete or erase them`, 'delete_forbidden', [p.name]);
    }
  }
}

async function liveProspects(ctx: StoreContext, ids: readonly string[]): Promise<Prospect[]> {
  const unique = [...new Set(ids)];
  const rows = await ctx.db.prospects.bulkGet(unique);
  const out: Prospect[] = [];
  rows.forEach((p, i) => {
    if (!p || p.deletedAt !== null) throw new CommandError('not-found', `No prospect ${unique[i]}`, 'prospect_not_found');
    out.push(p);
  });
  return out;
}

/**
 * Deletes the prospects and their open and done follow-ups in one transaction with one outbox batch.
 * All or nothing: an unknown id or one the rep may not delete refuses the whole call.
 */
export async function deleteProspects(ctx: StoreContext, ids: readonly string[]): Promise<DeleteResult> {
  if (ids.length === 0) throw new CommandError('invalid', 'Nobody to delete', 'delete_nobody');
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const people = await liveProspects(ctx, ids);
    await mustAllow(ctx, people);
    const now = ctx.now();
    for (const p of people) {
      await ctx.db.prospects.put({ ...p, deletedAt: now, updatedAt: now });
      await enqueue(ctx, 'prospect', 'delete', p.id, { deletedAt: now });
      const followUps = await ctx.db.followUps.where('prospectId').equals(p.id).toArray();
      for (const f of followUps) {
        if (f.deletedAt !== null) continue;
        const next: FollowUp = { ...f, deletedAt: now, updatedAt: now };
        delete next.openDueAt;
        await ctx.db.followUps.put(next);
        await adjustOverdue(ctx, f, next);
        await enqueue(ctx, 'follow_up', 'delete', f.id, { deletedAt: now });
      }
    }
    return { token: { ids: people.map((p) => p.id), at: now }, deleted: people.map((p) => ({ id: p.id, name: p.name })) };
  });
}

/** The live prospect other than `self` holding one of its keys (a teammate clipped them again meanwhile). */
async function keyHolderOf(ctx: StoreContext, self: Prospect): Promise<Prospect | undefined> {
  const other = (p: Prospect) => p.deletedAt === null && p.id !== self.id;
  if (self.slug) {
    const bySlug = await ctx.db.prospects.where('slug').equals(self.slug).filter(other).first();
    if (bySlug) return bySlug;
  }
  if (self.memberId) {
    const byId = await ctx.db.prospects.where('memberId').equals(self.memberId).filter(other).first();
    if (byId) return byId;
  }
  for (const e of self.emails) {
    const byEmail = await ctx.db.prospects.where('emails').equals(e).filter(other).first();
    if (byEmail) return byEmail;
  }
  return undefined;
}

const isDeleteOf = (ids: ReadonlySet<string>) => (e: OutboxEntry) => e.op === 'delete' && ids.has(e.entityId);

/**
 * Brings back what `deleteProspects` took: the prospects and the follow-ups their delete stamped.
 * Someone who cannot come back (erased meanwhile, or their LinkedIn profile or e-mail now belongs to
 * another live prospect) is left as they are and reported; the others are restored. Deletes still
 * queued are dropped from the outbox; a restore is queued as well, so a delete already on its way to
 * the team (or already there) is lifted there too.
 */
export async function undoDelete(ctx: StoreContext, token: DeleteToken): Promise<UndoResult> {
  const t = DeleteTokenSchema.parse(token);
  return ctx.db.transaction('rw', tables(ctx), async () => {
    const result: UndoResult = { restored: [], alreadyLive: [], refused: [] };
    const now = ctx.now();
    const rows = await ctx.db.prospects.bulkGet(t.ids);
    const back: Prospect[] = [];
    for (let i = 0; i < t.ids.length; i++) {
      const p = rows[i];
      if (!p) {
        result.refused.push({ id: t.ids[i]!, name: '', reason: 'erased', holder: null });
        continue;
      }
      if (p.deletedAt === null) {
        result.alreadyLive.push({ id: p.id, name: p.name });
        continue;
      }
      const holder = await keyHolderOf(ctx, p);
      if (holder) {
        result.refused.push({ id: p.id, name: p.name, reason: 'key-taken', holder: holder.name });
        continue;
      }
      back.push(p);
    }
    if (back.length) await mustAllow(ctx, back);
    const restoredFollowUps = new Set<string>();
    for (const p of back) {
      // A pull may have replaced the local tombstone time with the server's (the delete's clock time).
      const stamps = new Set([t.at, p.deletedAt]);
      await ctx.db.prospects.put({ ...p, deletedAt: null, updatedAt: now });
      const followUps = await ctx.db.followUps.where('prospectId').equals(p.id).toArray();
      for (const f of followUps) {
        if (f.deletedAt === null || !stamps.has(f.deletedAt)) continue;
        const merged = { ...f, deletedAt: null, updatedAt: now };
        const restored: FollowUp = { ...merged, openDueAt: openDueAt(merged) };
        if (restored.openDueAt === undefined) delete restored.openDueAt;
        await ctx.db.followUps.put(restored);
        await adjustOverdue(ctx, f, restored);
        restoredFollowUps.add(f.id);
      }
      result.restored.push({ id: p.id, name: p.name });
    }
    if (back.length) {
      const ids = new Set([...back.map((p) => p.id), ...restoredFollowUps]);
      const queued = await ctx.db.outbox.filter(isDeleteOf(ids)).primaryKeys();
      await ctx.db.outbox.bulkDelete(queued);
      for (const p of back) await enqueue(ctx, 'prospect', 'restore', p.id, {});
    }
    return result;
  });
}

/** Everything the store holds about one person, for "Export this person's data". */
export interface PersonExport {
  format: 'jalur-person';
  version: 1;
  exportedAt: string;
  prospect: Prospect;
  touches: unknown[];
  followUps: unknown[];
  stageChanges: unknown[];
}

export async function exportPerson(ctx: StoreContext, id: string): Promise<PersonExport> {
  return ctx.db.transaction('r', [ctx.db.prospects, ctx.db.touches, ctx.db.followUps, ctx.db.stageChanges], async () => {
    const p = await ctx.db.prospects.get(id);
    if (!p || p.deletedAt !== null) throw new CommandError('not-found', `No prospect ${id}`, 'prospect_not_found');
    const [touches, followUps, stageChanges] = await Promise.all([
      ctx.db.touches.where('prospectId').equals(id).sortBy('occurredAt'),
      ctx.db.followUps.where('prospectId').equals(id).sortBy('dueAt'),
      ctx.db.stageChanges.where('prospectId').equals(id).sortBy('changedAt'),
    ]);
    const strip = <T extends { openDueAt?: number }>(f: T) => {
      const { openDueAt: _k, ...rest } = f;
      return rest;
    };
    return {
      format: 'jalur-person',
      version: 1,
      exportedAt: new Date(ctx.now()).toISOString(),
      prospect: p,
      touches,
      followUps: followUps.map(strip),
      stageChanges,
    };
  });
}

/**
 * Erases people for good: the prospects (live or deleted), their touches, follow-ups and stage
 * history, and any queued change or sync issue about them, in one transaction. The team is told by
 * an `erase` entry that carries the id alone. Same rule as delete; cannot be undone.
 */
export async function erasePeople(ctx: StoreContext, ids: readonly string[]): Promise<{ erased: number }> {
  if (ids.length === 0) throw new CommandError('invalid', 'Nobody to erase', 'delete_nobody');
  return ctx.db.transaction('rw', [...tables(ctx), ctx.db.syncIssues], async () => {
    const unique = [...new Set(ids)];
    const rows = await ctx.db.prospects.bulkGet(unique);
    const people: Prospect[] = [];
    rows.forEach((p, i) => {
      if (!p) throw new CommandError('not-found', `No prospect ${unique[i]}`, 'prospect_not_found');
      people.push(p);
    });
    await mustAllow(ctx, people);
    for (const p of people) await eraseLocally(ctx, p.id);
    for (const p of people) await enqueue(ctx, 'prospect', 'erase', p.id, {});
    return { erased: people.length };
  });
}

/**
 * Inside a transaction over every table: removes one person and all that refers to them, including
 * queued changes (their fields carry names, notes and addresses). Also what a pulled erasure does.
 */
export async function eraseLocally(ctx: StoreContext, prospectId: string): Promise<void> {
  const d = ctx.db;
  const followUps = await d.followUps.where('prospectId').equals(prospectId).toArray();
  for (const f of followUps) await adjustOverdue(ctx, f, undefined);
  const touchIds = await d.touches.where('prospectId').equals(prospectId).primaryKeys();
  const changeIds = await d.stageChanges.where('prospectId').equals(prospectId).primaryKeys();
  const ids = new Set<string>([prospectId, ...touchIds, ...changeIds, ...followUps.map((f) => f.id)]);
  await d.followUps.bulkDelete(followUps.map((f) => f.id));
  await d.touches.bulkDelete(touchIds);
  await d.stageChanges.bulkDelete(changeIds);
  await d.prospects.delete(prospectId);
  const about = (e: { entityId: string; fields?: Record<string, unknown> }) =>
    ids.has(e.entityId) || (typeof e.fields?.prospectId === 'string' && ids.has(e.fields.prospectId));
  await d.outbox.bulkDelete(await d.outbox.filter(about).primaryKeys());
  const issues = await d.syncIssues.filter((i) => ids.has(i.entityId) || JSON.stringify(i).includes(prospectId)).primaryKeys();
  await d.syncIssues.bulkDelete(issues);
}
