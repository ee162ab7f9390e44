// The badge's overdue count, kept incrementally. IndexedDB counts an index range entry by entry, so a
// full count grows with the backlog (~13 µs a row in Chromium); the badge budget is 20 ms at 100,000
// follow-ups. Instead the store keeps { asOf, count } in `meta`: the number of the user's open
// follow-ups due at or before `asOf`. Bringing it to now counts only what fell due since; every write
// through commands.ts adjusts it in the same transaction. Writers that bypass commands (bulk import,
// sync pull) call invalidateOverdue() and the next read counts in full once.
import type { FollowUp } from '../model';
import type { StoreContext } from './context';

const KEY = 'overdue';

interface OverdueState {
  userId: string;
  asOf: number;
  count: number;
}

function isState(v: unknown, userId: string): v is OverdueState {
  const s = v as OverdueState | undefined;
  return !!s && s.userId === userId && Number.isFinite(s.asOf) && Number.isInteger(s.count) && s.count >= 0;
}

function range(ctx: StoreContext, from: number, to: number, includeFrom: boolean) {
  return ctx.db.followUps.where('[assigneeId+openDueAt]').between([ctx.userId, from], [ctx.userId, to], includeFrom, true);
}

/** Overdue follow-ups of the current user: not done, not snoozed, due time passed. */
export function overdueCount(ctx: StoreContext): Promise<number> {
  return ctx.db.transaction('rw', ctx.db.followUps, ctx.db.meta, async () => {
    const now = ctx.now();
    const row = await ctx.db.meta.get(KEY);
    let state: OverdueState;
    if (isState(row?.value, ctx.userId) && row.value.asOf <= now) {
      const fresh = row.value.asOf === now ? 0 : await range(ctx, row.value.asOf, now, false).count();
      state = { ...row.value, asOf: now, count: row.value.count + fresh };
    } else {
      // First read, another user, or the clock went back: count in full once.
      state = { userId: ctx.userId, asOf: now, count: await range(ctx, -Infinity, now, true).count() };
    }
    await ctx.db.meta.put({ key: KEY, value: state });
    return state.count;
  });
}

function counted(f: FollowUp | undefined, s: OverdueState): number {
  return f && f.assigneeId === s.userId && f.openDueAt !== undefined && f.openDueAt <= s.asOf ? 1 : 0;
}

/** Inside a write transaction (followUps + meta): keep the count true across one follow-up's change. */
export async function adjustOverdue(ctx: StoreContext, before: FollowUp | undefined, after: FollowUp | undefined): Promise<void> {
  const row = await ctx.db.meta.get(KEY);
  if (!isState(row?.value, ctx.userId)) return;
  const s = row.value;
  const delta = counted(after, s) - counted(before, s);
  if (delta !== 0) await ctx.db.meta.put({ key: KEY, value: { ...s, count: s.count + delta } });
}

export async function invalidateOverdue(ctx: StoreContext): Promise<void> {
  await ctx.db.meta.delete(KEY);
}
