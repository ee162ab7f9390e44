// Optional retention (privacy): prospects that have sat in a lost stage for longer than the rep's
// chosen number of months are erased for good (lib/store/delete.ts erasePeople). Off unless chosen.
import { z } from 'zod';
import type { Prospect, Stage } from '../model';
import type { StoreContext } from './context';
import { deleteRights, erasePeople } from './delete';

/** The choices the options page offers; null is off (the default). */
export const RETENTION_CHOICES = [6, 12, 24, 36] as const;
export const RetentionMonths = z.number().int().min(1).max(120).nullable();

/** Per browser, like the other personal choices in options; the background reads it. */
export const RETENTION_KEY = 'retentionMonths';
const LAST_RUN_KEY = 'retention:lastRun';
const DAY = 86_400_000;

/** The same day of the month, `months` earlier (the last day when that month is shorter), UTC. */
export function monthsBefore(now: number, months: number): number {
  const d = new Date(now);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.getTime();
}

/** Ids of prospects (live or deleted) in a lost stage since before `months` ago. Pure. */
export function lostBeyond(
  prospects: readonly Pick<Prospect, 'id' | 'stageId' | 'stageEnteredAt'>[],
  stages: readonly Pick<Stage, 'id' | 'kind'>[],
  now: number,
  months: number,
): string[] {
  const lost = new Set(stages.filter((s) => s.kind === 'lost').map((s) => s.id));
  const cutoff = monthsBefore(now, months);
  return prospects.filter((p) => lost.has(p.stageId) && p.stageEnteredAt < cutoff).map((p) => p.id);
}

/**
 * Erases what retention says is due, at most once a day. In a team only the people this rep may
 * erase (the delete rule); the others wait for their owner's or an admin's browser.
 */
export async function runRetention(ctx: StoreContext, months: number | null): Promise<{ erased: number }> {
  if (months === null) return { erased: 0 };
  const now = ctx.now();
  const last = (await ctx.db.meta.get(LAST_RUN_KEY))?.value;
  if (typeof last === 'number' && last <= now && now - last < DAY) return { erased: 0 };
  const [prospects, stages] = await Promise.all([ctx.db.prospects.toArray(), ctx.db.stages.toArray()]);
  const due = new Set(lostBeyond(prospects, stages, now, months));
  const mine: string[] = [];
  for (const p of prospects) if (due.has(p.id) && (await deleteRights(ctx, p)).allowed) mine.push(p.id);
  let erased = 0;
  for (let i = 0; i < mine.length; i += 500) erased += (await erasePeople(ctx, mine.slice(i, i + 500))).erased;
  await ctx.db.meta.put({ key: LAST_RUN_KEY, value: now });
  return { erased };
}
