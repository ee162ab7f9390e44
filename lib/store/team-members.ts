import type { BoardOwner } from '../pipeline/board';
import { REMOTE_META, type Member } from '../sync/remote-meta';
import type { StoreContext } from './context';

/**
 * Everyone a prospect can be given to: the team's current members as last pulled (the rep first, then
 * by name), not only the owners whose cards happen to be loaded. Local mode: just the rep.
 */
export async function teamMembers(ctx: StoreContext): Promise<BoardOwner[]> {
  const you: BoardOwner = { id: ctx.userId, name: null, you: true };
  if (ctx.teamId === 'local') return [you];
  const all = ((await ctx.db.meta.get(REMOTE_META.team_member))?.value as Record<string, Member> | undefined) ?? {};
  const others: BoardOwner[] = [];
  for (const m of Object.values(all)) {
    const name = m.displayName ?? m.email ?? null;
    if (m.userId === ctx.userId) you.name = name;
    else if (!m.deleted) others.push({ id: m.userId, name, you: false });
  }
  others.sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id));
  return [you, ...others];
}
