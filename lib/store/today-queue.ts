// The Today queue as the side panel and popup show it: each open follow-up due up to `until`, with
// what a row needs (person, company, stage, the step it is). Index reads only: one range over the
// badge's index, then the people, stages and cadences named by those follow-ups.
import type { TouchChannel } from '../model/enums';
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

export interface TodayQueue {
  /** The instant the queue was read at: Overdue is everything due at or before it, as on the badge. */
  now: number;
  items: TodayItem[];
}

export async function todayQueue(ctx: StoreContext, until: number): Promise<TodayQueue> {
  const now = ctx.now();
  const rows = await dueUntil(ctx, Math.max(until, now));
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
  return { now, items };
}
