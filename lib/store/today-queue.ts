// The Today queue as the side panel and popup show it: each open follow-up due up to `until`, with
// what a row needs (person, company, stage, the step it is). Index reads only: one range over the
// badge's index, then the people, stages and cadences named by those follow-ups.
//
// A long queue opens in two reads: the first page (the first rows in the queue's order plus each
// group's count, counted on the index without reading a row) and then the whole queue. The first
// page costs the same at 20 or 2,000 due items, so the view shows its first rows at once.
import type { FollowUp } from '../model';
import type { TouchChannel } from '../model/enums';
import { compareItems } from '../pipeline/today';
import type { StoreContext } from './context';
import { dueUntil, listStages } from './queries';

export interface TodayItem {
  /** The follow-up's id. */
  id: string;
  prospectId: string;
  name: string;
  company: string | null;
  stageKey: string;
  stageName: string | null;
  title: string;
  channel: TouchChannel | null;
  /** When it falls due as the badge counts it: the later of due and snooze time. */
  dueAt: number;
  snoozed: boolean;
  /** Set for a cadence step: the cadence's name, the step (1-based) and how many there are. */
  cadence: { name: string; step: number; steps: number } | null;
}

/** How many follow-ups each group holds: Overdue with the badge's predicate, so it is the badge's number. */
export interface TodayCounts {
  overdue: number;
  today: number;
  upcoming: number;
}

export interface TodayQueue {
  /** The instant the queue was read at: Overdue is everything due at or before it, as on the badge. */
  now: number;
  items: TodayItem[];
  /** Set on a first page: the items are only the first rows, these are the whole groups' sizes. */
  counts?: TodayCounts;
}

/** A first page: the first `first` rows in the queue's order, and `tomorrow` (the rep's next local midnight) splits Today from Upcoming. */
export interface TodayPage {
  first: number;
  tomorrow: number;
}

export async function todayQueue(ctx: StoreContext, until: number, page?: TodayPage): Promise<TodayQueue> {
  const now = ctx.now();
  const end = Math.max(until, now);
  if (page) return firstPage(ctx, now, end, page);
  return { now, items: await describe(ctx, await dueUntil(ctx, end)) };
}

async function firstPage(ctx: StoreContext, now: number, end: number, page: TodayPage): Promise<TodayQueue> {
  const u = ctx.userId;
  const range = (from: number, to: number, withFrom: boolean, withTo: boolean) =>
    ctx.db.followUps.where('[assigneeId+openDueAt]').between([u, from], [u, to], withFrom, withTo);
  const tomorrow = Math.min(Math.max(page.tomorrow, now), end + 1);
  const [head, overdue, today, upcoming] = await Promise.all([
    range(-Infinity, end, true, true).limit(page.first).toArray(),
    range(-Infinity, now, true, true).count(),
    range(now, tomorrow, false, false).count(),
    range(tomorrow, end, true, true).count(),
  ]);
  // The index orders by due time then id; the queue breaks ties by name. Rows sharing the last due
  // time (cadence steps due by the end of one day) are all read so the page is the queue's true head.
  const last = head.at(-1);
  let rows: FollowUp[] = head;
  if (last?.openDueAt !== undefined && head.length === page.first) {
    const seen = new Set(head.map((f) => f.id));
    const tied = await range(last.openDueAt, last.openDueAt, true, true).toArray();
    rows = [...head, ...tied.filter((f) => !seen.has(f.id))];
  }
  const items = (await describe(ctx, rows)).sort(compareItems).slice(0, page.first);
  return { now, items, counts: { overdue, today, upcoming } };
}

async function describe(ctx: StoreContext, rows: readonly FollowUp[]): Promise<TodayItem[]> {
  const prospectIds = [...new Set(rows.map((f) => f.prospectId))];
  const cadenceIds = [...new Set(rows.flatMap((f) => (f.cadenceId ? [f.cadenceId] : [])))];
  const [people, cadences, stages] = await Promise.all([
    ctx.db.prospects.bulkGet(prospectIds),
    ctx.db.cadences.bulkGet(cadenceIds),
    listStages(ctx),
  ]);
  const person = new Map(people.flatMap((p) => (p ? [[p.id, p] as const] : [])));
  const cadence = new Map(cadences.flatMap((c) => (c ? [[c.id, c] as const] : [])));
  const stage = new Map(stages.map((s) => [s.id, s]));
  const items: TodayItem[] = [];
  for (const f of rows) {
    const p = person.get(f.prospectId);
    // A follow-up whose person this store does not hold (yet) still counts on the badge: it is kept,
    // so the queue and the badge never disagree.
    if (p && p.deletedAt !== null) continue;
    const s = p ? stage.get(p.stageId) : undefined;
    const c = f.cadenceId ? cadence.get(f.cadenceId) : undefined;
    items.push({
      id: f.id,
      prospectId: f.prospectId,
      name: p?.name ?? '—',
      company: p?.company ?? null,
      stageKey: s?.key ?? 'unknown',
      stageName: s?.name ?? null,
      title: f.title,
      channel: f.channel,
      dueAt: f.openDueAt ?? f.dueAt,
      snoozed: f.snoozedUntil !== null && f.snoozedUntil > f.dueAt,
      cadence: c && f.cadenceStep !== null ? { name: c.name, step: f.cadenceStep + 1, steps: c.steps.length } : null,
    });
  }
  return items;
}
