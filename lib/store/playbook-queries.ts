import type { Cadence, Prospect } from '../model';
import { touchesToSql } from '../pipeline/gates';
import { listNotContacted, listStalled, type StalledItem } from '../pipeline/stalled';
import { REMOTE_META, type Member } from '../sync/remote-meta';
import type { StoreContext } from './context';
import { listStages } from './queries';

async function members(ctx: StoreContext): Promise<Record<string, Member>> {
  return ((await ctx.db.meta.get(REMOTE_META.team_member))?.value as Record<string, Member> | undefined) ?? {};
}

/** How the team knows a user: their name, else their e-mail; null when unknown (local mode: "local"). */
export async function memberName(ctx: StoreContext, userId: string | null | undefined): Promise<string | null> {
  if (!userId) return null;
  const m = (await members(ctx))[userId];
  return m?.displayName ?? m?.email ?? null;
}

/** Local mode: the rep is their own admin. In a team: owners and admins edit stages, scoring and cadences. */
export async function canEditTeam(ctx: StoreContext): Promise<boolean> {
  if (ctx.teamId === 'local') return true;
  const role = (await members(ctx))[ctx.userId]?.role;
  return role === 'owner' || role === 'admin';
}

export async function liveCadences(ctx: StoreContext): Promise<Cadence[]> {
  const rows = await ctx.db.cadences.toArray();
  return rows.filter((c) => c.deletedAt === null).sort((a, b) => a.name.localeCompare(b.name));
}

export async function touchesToSqlFor(ctx: StoreContext, p: Prospect): Promise<number | null> {
  if (p.sqlAt === null) return null;
  return touchesToSql(await ctx.db.touches.where('prospectId').equals(p.id).toArray(), p.sqlAt);
}

/** Every stalled prospect, longest silence first. A scan of the live pipeline: it is one list, opened on demand. */
export async function stalledProspects(ctx: StoreContext): Promise<StalledItem<Prospect>[]> {
  const stages = await listStages(ctx);
  const prospects = await ctx.db.prospects.filter((p) => p.deletedAt === null).toArray();
  return listStalled(prospects, stages, ctx.now());
}

/** Gone dark and, apart, never contacted (lib/pipeline/staleness.ts), from one read of the pipeline. */
export async function goneDarkAndNotContacted(
  ctx: StoreContext,
): Promise<{ dark: StalledItem<Prospect>[]; notContacted: StalledItem<Prospect>[] }> {
  const stages = await listStages(ctx);
  const prospects = await ctx.db.prospects.filter((p) => p.deletedAt === null).toArray();
  return { dark: listStalled(prospects, stages, ctx.now()), notContacted: listNotContacted(prospects, stages, ctx.now()) };
}
