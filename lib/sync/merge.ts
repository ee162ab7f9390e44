// One person, one prospect per team (DESIGN.md §3). When this device's prospect turns out to be a
// person the team already has, everything recorded here moves onto the team's prospect.
import type { Prospect } from '../model';
import type { StoreContext } from '../store/context';
import { enqueue } from '../store/outbox';
import { recountTouches } from './pull';

const PROFILE = ['headline', 'title', 'company', 'location', 'photoUrl', 'linkedinUrl'] as const;

/** What `from` knows that `into` lacks: blanks filled, addresses added; nothing `into` has is overwritten. */
export async function fillBlanks(
  ctx: StoreContext,
  into: Prospect,
  from: Pick<Prospect, 'slug' | 'emails' | (typeof PROFILE)[number]> & { memberId?: string | null },
) {
  const patch: Partial<Prospect> = {};
  for (const f of PROFILE) if (into[f] === null && from[f] !== null) (patch as Record<string, unknown>)[f] = from[f];
  if (into.slug === null && from.slug) {
    const owner = await ctx.db.prospects
      .where('slug')
      .equals(from.slug)
      .filter((p) => p.deletedAt === null && p.id !== into.id)
      .first();
    if (!owner) patch.slug = from.slug;
  }
  if (!into.memberId && from.memberId) {
    const owner = await ctx.db.prospects
      .where('memberId')
      .equals(from.memberId)
      .filter((p) => p.deletedAt === null && p.id !== into.id)
      .first();
    if (!owner) patch.memberId = from.memberId;
  }
  const emails = [...into.emails];
  for (const e of from.emails) {
    if (emails.includes(e)) continue;
    const owner = await ctx.db.prospects
      .where('emails')
      .equals(e)
      .filter((p) => p.deletedAt === null && p.id !== into.id)
      .first();
    if (!owner) emails.push(e);
  }
  if (emails.length !== into.emails.length) patch.emails = emails;
  return patch;
}

function allTables(ctx: StoreContext) {
  const d = ctx.db;
  return [d.prospects, d.touches, d.followUps, d.stageChanges, d.stages, d.outbox, d.meta];
}

/** The latest stage change decides the stage, as on the server: by (changedAt, id). */
export async function settleStage(ctx: StoreContext, prospectId: string): Promise<void> {
  const p = await ctx.db.prospects.get(prospectId);
  if (!p) return;
  const changes = await ctx.db.stageChanges.where('prospectId').equals(prospectId).toArray();
  const latest = changes.sort((a, b) => b.changedAt - a.changedAt || (b.id > a.id ? 1 : -1))[0];
  if (latest && (latest.toStageId !== p.stageId || latest.changedAt !== p.stageEnteredAt)) {
    await ctx.db.prospects.put({ ...p, stageId: latest.toStageId, stageEnteredAt: latest.changedAt });
  }
}

/**
 * Moves the local duplicate `localId` onto `remoteId`: its touches, follow-ups and later stage moves
 * (not its "created in prospecting" entry: the team's prospect has its own), queued mutations
 * re-pointed, blanks filled. Returns false when `remoteId` is not in the store yet (pull first).
 */
export async function mergeDuplicate(ctx: StoreContext, localId: string, remoteId: string): Promise<boolean> {
  return ctx.db.transaction('rw', allTables(ctx), async () => {
    const into = await ctx.db.prospects.get(remoteId);
    if (!into) return false;
    const from = await ctx.db.prospects.get(localId);
    const dropped = new Set<string>();
    for (const c of await ctx.db.stageChanges.where('prospectId').equals(localId).toArray()) {
      if (c.fromStageId === null) {
        dropped.add(c.id);
        await ctx.db.stageChanges.delete(c.id);
      } else await ctx.db.stageChanges.put({ ...c, prospectId: remoteId });
    }
    for (const t of await ctx.db.touches.where('prospectId').equals(localId).toArray())
      await ctx.db.touches.put({ ...t, prospectId: remoteId });
    for (const f of await ctx.db.followUps.where('prospectId').equals(localId).toArray())
      await ctx.db.followUps.put({ ...f, prospectId: remoteId });
    await ctx.db.outbox.toCollection().modify((e, ref) => {
      if ((e.entity === 'prospect' && e.entityId === localId) || dropped.has(e.entityId)) {
        delete (ref as { value?: unknown }).value;
      } else if (e.fields.prospectId === localId) {
        e.fields = { ...e.fields, prospectId: remoteId };
      }
    });
    if (from) {
      await ctx.db.prospects.delete(localId);
      const patch = await fillBlanks(ctx, into, from);
      if (Object.keys(patch).length) {
        await ctx.db.prospects.put({ ...into, ...patch, updatedAt: ctx.now() });
        await enqueue(ctx, 'prospect', 'upsert', remoteId, patch);
      }
    }
    await recountTouches(ctx, [remoteId]);
    await settleStage(ctx, remoteId);
    return true;
  });
}

/**
 * After a pull: a prospect this device created and has not pushed yet may share a slug, member id or an address
 * with a teammate's row that just arrived. Two live prospects never keep one key: the local one is
 * merged into the team's (the same merge a push conflict leads to). Only unpushed creations are
 * looked at — rows the server already has are unique there — so this costs a few index lookups.
 */
export async function settleIdentityClashes(ctx: StoreContext): Promise<number> {
  const creates = await ctx.db.outbox.filter((e) => e.entity === 'prospect' && e.op === 'upsert' && 'createdAt' in e.fields).toArray();
  const unpushed = new Set(creates.map((e) => e.entityId));
  let merged = 0;
  for (const localId of unpushed) {
    const local = await ctx.db.prospects.get(localId);
    if (!local || local.deletedAt !== null) continue;
    const live = (p: Prospect) => p.deletedAt === null && p.id !== localId && !unpushed.has(p.id);
    let team: Prospect | undefined;
    if (local.slug) team = await ctx.db.prospects.where('slug').equals(local.slug).filter(live).first();
    if (local.memberId) team ??= await ctx.db.prospects.where('memberId').equals(local.memberId).filter(live).first();
    for (const e of local.emails) team ??= await ctx.db.prospects.where('emails').equals(e).filter(live).first();
    if (team && (await mergeDuplicate(ctx, localId, team.id))) merged++;
  }
  return merged;
}

