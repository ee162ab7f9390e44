import type { FollowUp, Prospect, Stage, Touch } from '../model';
import { isStalled } from '../pipeline/staleness';
import { FIRST_STAGE_KEY } from '../pipeline/default-stages';
import type { StoreContext } from './context';
import { searchIndexed } from './search-index';

export async function listStages(ctx: StoreContext): Promise<Stage[]> {
  const rows = await ctx.db.stages.orderBy('order').toArray();
  return rows.filter((s) => s.deletedAt === null);
}

export async function stageByKey(ctx: StoreContext, key: string): Promise<Stage> {
  const s = await ctx.db.stages.where('key').equals(key).first();
  if (!s || s.deletedAt !== null) throw new Error(`Unknown stage "${key}"`);
  return s;
}

/**
 * Where a new prospect starts: the prospecting stage of the default pipeline, or, when a team has
 * removed it, its first open stage.
 */
export async function entryStage(ctx: StoreContext): Promise<Stage> {
  const stages = await listStages(ctx);
  const stage = stages.find((s) => s.key === FIRST_STAGE_KEY) ?? stages.find((s) => s.kind === 'open') ?? stages[0];
  if (!stage) throw new Error('The pipeline has no stages');
  return stage;
}

const live = (p: Prospect) => p.deletedAt === null;

/**
 * Identity lookup (DESIGN.md §3): slug first, then member id, then e-mail; each is an index hit.
 * Deleted prospects do not hold their keys (as on the server), so re-clipping a deleted person
 * starts a new prospect.
 */
export async function findByIdentity(
  ctx: StoreContext,
  slug: string | null,
  email: string | null,
  memberId: string | null = null,
): Promise<Prospect | undefined> {
  if (slug) {
    const bySlug = await ctx.db.prospects.where('slug').equals(slug).filter(live).first();
    if (bySlug) return bySlug;
  }
  if (memberId) {
    const byId = await ctx.db.prospects.where('memberId').equals(memberId).filter(live).first();
    if (byId) return byId;
  }
  if (email) return ctx.db.prospects.where('emails').equals(email).filter(live).first();
  return undefined;
}

export async function openFollowUpsFor(ctx: StoreContext, prospectId: string): Promise<FollowUp[]> {
  const rows = await ctx.db.followUps.where('prospectId').equals(prospectId).toArray();
  return rows
    .filter((f) => f.deletedAt === null)
    .sort((a, b) => (a.openDueAt ?? Infinity) - (b.openDueAt ?? Infinity) || b.updatedAt - a.updatedAt);
}

export async function touchesFor(ctx: StoreContext, prospectId: string): Promise<Touch[]> {
  const rows = await ctx.db.touches.where('prospectId').equals(prospectId).toArray();
  return rows.sort((a, b) => b.occurredAt - a.occurredAt);
}

export function stalled(p: Prospect, stage: Stage | undefined, now: number): boolean {
  if (!stage) return false;
  return isStalled({ ...p, stageKind: stage.kind, staleDays: stage.staleDays }, now);
}

export { overdueCount } from './overdue';

/** Open follow-ups of the current user due before now + withinMs, soonest first. */
export function dueSoon(ctx: StoreContext, withinMs: number, limit: number): Promise<FollowUp[]> {
  return ctx.db.followUps
    .where('[assigneeId+openDueAt]')
    .between([ctx.userId, -Infinity], [ctx.userId, ctx.now() + withinMs], true, true)
    .limit(limit)
    .toArray();
}

/**
 * The Today queue's follow-ups: the current user's open ones due (or snoozed until) at or before
 * `until`, soonest first — one range over [assigneeId+openDueAt], the index the badge counts with,
 * so everything the badge counts is in it.
 */
export function dueUntil(ctx: StoreContext, until: number): Promise<FollowUp[]> {
  return ctx.db.followUps.where('[assigneeId+openDueAt]').between([ctx.userId, -Infinity], [ctx.userId, until], true, true).toArray();
}

/** When the next open follow-up falls due, so the badge can be refreshed exactly then. */
export async function nextDueAfterNow(ctx: StoreContext): Promise<number | null> {
  const f = await ctx.db.followUps
    .where('[assigneeId+openDueAt]')
    .between([ctx.userId, ctx.now()], [ctx.userId, Infinity], false, true)
    .first();
  return f?.openDueAt ?? null;
}

/**
 * Search (lib/pipeline/search.ts): every word a prefix of a word in the name, title, company,
 * headline, location, e-mail or notes, accent- and case-insensitive, name matches first, through the
 * in-memory index (lib/store/search-index.ts). An empty query lists the most recently changed.
 */
export async function searchProspects(ctx: StoreContext, query: string, limit: number): Promise<Prospect[]> {
  if (!query.trim()) {
    return ctx.db.prospects
      .orderBy('updatedAt')
      .reverse()
      .filter((p) => p.deletedAt === null)
      .limit(limit)
      .toArray();
  }
  return searchIndexed(ctx, query, limit);
}
