// Insights for a period [from, to): funnel analytics (how prospects flowed through the stages) and
// pipeline analytics (what sits in each stage now and what it is worth), from plain data.
//
// Definitions (DESIGN.md §1 names the questions; these are the answers' exact rules):
// - History. A prospect's stage visits come from its stage changes in time order (ties keep input
//   order; changes after `now` are ignored). A first change that starts from a stage means the prospect
//   sat there since it was created. A prospect with no history at all is in its current stage since
//   `stageEnteredAt`. The latest visit is the current stage (the history wins over `stageId`, as in sync).
// - Entered: distinct prospects with a visit to the stage starting in [from, to). For each, the first
//   such visit is "the visit" below, and each prospect gets exactly one outcome for that stage,
//   judged now (a cohort view: a prospect who entered in March and moved on in April moved on):
//     movedOn   — reached a later stage (higher order, not a lost stage) at any time after entering;
//     lost      — otherwise, now in a lost stage, gone there straight from this stage ("lost from here");
//     goneDark  — otherwise, in this stage now and stalled (no touch for longer than its stale limit);
//     stillIn   — otherwise, in this stage now (also after going back and returning);
//     movedBack — otherwise: now in an earlier stage, or lost from an earlier one after going back.
//   So entered = movedOn + lost + goneDark + stillIn + movedBack. Conversion = movedOn / entered, null
//   when nobody entered and for won and lost stages, from which there is nowhere further to go.
// - Median days in stage: over the visits above that have ended (by now); visits still running are
//   left out (counted in `openVisits`) because their length is not known yet, and counting them up to
//   now would make a stage look faster the more people are stuck in it.
// - Now (pipeline): prospects by current stage, their deal value (null values count as unvalued, not
//   as zero), value × stage probability, and how many are stalled. Open pipeline and weighted forecast
//   sum the open stages.
// - Forecast for the period: deals won in the period (entered a won stage in [from, to) and still won)
//   plus the weighted open pipeline — open deals carry no close date, so all of it counts toward this
//   period. Gap = target − forecast (negative when ahead).
// - Touches before SQL: for prospects who became sales-qualified in the period, the touches logged at
//   or before that moment.
// - Lost reasons: prospects lost in the period and still lost, by reason as written (trimmed; blank is
//   "no reason given").
// - Deleted prospects are left out everywhere; history naming an unknown stage is passed over.

import type { StageKind } from '../model/enums';
import { DAY_MS, isStalled } from './staleness';

export interface AnalyticsStage {
  id: string;
  key: string;
  order: number;
  kind: StageKind;
  /** Win probability in percent, 0–100, as stages store it. */
  probability: number;
  staleDays: number | null;
}

export interface AnalyticsProspect {
  id: string;
  stageId: string;
  dealValue: number | null;
  createdAt: number;
  lastTouchAt: number | null;
  stageEnteredAt: number;
  /** When the SQL gate was passed; null when not (yet). */
  sqlAt: number | null;
  lostReason: string | null;
  deletedAt: number | null;
}

export interface AnalyticsStageChange {
  prospectId: string;
  fromStageId: string | null;
  toStageId: string;
  changedAt: number;
}

export interface AnalyticsTouch {
  prospectId: string;
  occurredAt: number;
}

export interface InsightsInput {
  stages: readonly AnalyticsStage[];
  prospects: readonly AnalyticsProspect[];
  stageChanges: readonly AnalyticsStageChange[];
  touches: readonly AnalyticsTouch[];
  /** Period start, inclusive (epoch ms). */
  from: number;
  /** Period end, exclusive. */
  to: number;
  now: number;
  /** The team's value target for the period; null when none is set. */
  target: number | null;
}

export interface StageInsight {
  stageId: string;
  key: string;
  kind: StageKind;
  order: number;
  // Funnel, for those who entered in the period.
  entered: number;
  movedOn: number;
  conversion: number | null;
  lost: number;
  goneDark: number;
  stillIn: number;
  movedBack: number;
  medianDays: number | null;
  /** Visits of the period not over yet, left out of the median. */
  openVisits: number;
  // Pipeline, now.
  current: number;
  stalled: number;
  value: number;
  unvalued: number;
  weightedValue: number;
}

export interface Forecast {
  openValue: number;
  weightedOpen: number;
  wonInPeriod: number;
  forecast: number;
  target: number | null;
  gap: number | null;
  /** forecast / target; null without a positive target. */
  attainment: number | null;
}

export interface TouchesBeforeSql {
  prospects: number;
  median: number | null;
  /** One entry per touch count from 0 to the largest seen, so a chart has no holes. */
  distribution: { touches: number; prospects: number }[];
}

export interface LostReasonCount {
  /** null: no reason given. */
  reason: string | null;
  count: number;
}

export interface Insights {
  from: number;
  to: number;
  now: number;
  stages: StageInsight[];
  forecast: Forecast;
  touchesBeforeSql: TouchesBeforeSql;
  lostReasons: LostReasonCount[];
}

interface Visit {
  stageId: string;
  start: number;
  /** null while the prospect is still in the stage. */
  end: number | null;
}

/** Middle value; the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

function visitsOf(p: AnalyticsProspect, changes: readonly AnalyticsStageChange[] | undefined, now: number): Visit[] {
  const ordered = (changes ?? [])
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.changedAt <= now)
    .sort((a, b) => a.c.changedAt - b.c.changedAt || a.i - b.i)
    .map(({ c }) => c);
  if (ordered.length === 0) return [{ stageId: p.stageId, start: p.stageEnteredAt, end: null }];
  const visits: Visit[] = [];
  const first = ordered[0]!;
  if (first.fromStageId !== null && first.fromStageId !== first.toStageId) {
    visits.push({ stageId: first.fromStageId, start: Math.min(p.createdAt, first.changedAt), end: first.changedAt });
  }
  for (const c of ordered) {
    const last = visits[visits.length - 1];
    if (last && last.end === null) {
      if (last.stageId === c.toStageId) continue; // a repeated change (e.g. synced twice) is no new visit
      last.end = c.changedAt;
    }
    visits.push({ stageId: c.toStageId, start: c.changedAt, end: null });
  }
  return visits;
}

export function computeInsights(input: InsightsInput): Insights {
  const { from, to, now } = input;
  const stages = [...input.stages].sort((a, b) => a.order - b.order);
  const stageById = new Map(stages.map((s) => [s.id, s]));
  const rows = new Map<string, StageInsight>(
    stages.map((s) => [
      s.id,
      {
        stageId: s.id,
        key: s.key,
        kind: s.kind,
        order: s.order,
        entered: 0,
        movedOn: 0,
        conversion: null,
        lost: 0,
        goneDark: 0,
        stillIn: 0,
        movedBack: 0,
        medianDays: null,
        openVisits: 0,
        current: 0,
        stalled: 0,
        value: 0,
        unvalued: 0,
        weightedValue: 0,
      },
    ]),
  );
  const durations = new Map<string, number[]>(stages.map((s) => [s.id, []]));

  const prospects = input.prospects.filter((p) => p.deletedAt === null);
  const changesOf = groupBy(input.stageChanges, (c) => c.prospectId);
  const touchesOf = groupBy(input.touches, (t) => t.prospectId);

  let wonInPeriod = 0;
  const sqlTouchCounts: number[] = [];
  const lostReasons = new Map<string | null, number>();

  for (const p of prospects) {
    const visits = visitsOf(p, changesOf.get(p.id), now);
    const times = (touchesOf.get(p.id) ?? []).map((t) => t.occurredAt).filter((t) => t <= now);
    // The touch log and the prospect's own field may each be behind the other (sync); take the later.
    const lastTouch = times.reduce((m, t) => Math.max(m, t), p.lastTouchAt ?? 0) || null;
    const currentVisit = visits[visits.length - 1]!;
    const currentStage = stageById.get(currentVisit.stageId);
    const stalledNow =
      !!currentStage &&
      isStalled(
        {
          stageKind: currentStage.kind,
          staleDays: currentStage.staleDays,
          lastTouchAt: lastTouch,
          stageEnteredAt: currentVisit.start,
          createdAt: p.createdAt,
        },
        now,
      );

    // Funnel: one outcome per stage entered in the period.
    const counted = new Set<string>();
    visits.forEach((v, k) => {
      const stage = stageById.get(v.stageId);
      if (!stage || v.start < from || v.start >= to || counted.has(stage.id)) return;
      counted.add(stage.id);
      const row = rows.get(stage.id)!;
      row.entered++;
      const reachedLater = visits.slice(k + 1).some((w) => {
        const s = stageById.get(w.stageId);
        return !!s && s.kind !== 'lost' && s.order > stage.order;
      });
      const last = visits.length - 1;
      if (reachedLater) row.movedOn++;
      else if (currentStage?.kind === 'lost' && last - 1 >= k && visits[last - 1]!.stageId === stage.id) row.lost++;
      else if (currentVisit.stageId === stage.id) {
        if (stalledNow) row.goneDark++;
        else row.stillIn++;
      } else row.movedBack++;
      if (v.end === null) row.openVisits++;
      else durations.get(stage.id)!.push((v.end - v.start) / DAY_MS);
    });

    // Pipeline now.
    if (currentStage) {
      const row = rows.get(currentStage.id)!;
      row.current++;
      if (stalledNow) row.stalled++;
      if (p.dealValue === null) row.unvalued++;
      else {
        row.value += p.dealValue;
        row.weightedValue += (p.dealValue * currentStage.probability) / 100;
      }
      const enteredInPeriod = currentVisit.start >= from && currentVisit.start < to;
      if (currentStage.kind === 'won' && enteredInPeriod) wonInPeriod += p.dealValue ?? 0;
      if (currentStage.kind === 'lost' && enteredInPeriod) {
        const reason = p.lostReason?.trim() || null;
        lostReasons.set(reason, (lostReasons.get(reason) ?? 0) + 1);
      }
    }

    if (p.sqlAt !== null && p.sqlAt >= from && p.sqlAt < to && p.sqlAt <= now) {
      const sqlAt = p.sqlAt;
      sqlTouchCounts.push(times.filter((t) => t <= sqlAt).length);
    }
  }

  for (const row of rows.values()) {
    const terminal = row.kind !== 'open';
    row.conversion = row.entered === 0 || terminal ? null : row.movedOn / row.entered;
    row.medianDays = median(durations.get(row.stageId)!);
  }

  const open = [...rows.values()].filter((r) => r.kind === 'open');
  const openValue = open.reduce((sum, r) => sum + r.value, 0);
  const weightedOpen = open.reduce((sum, r) => sum + r.weightedValue, 0);
  const forecast = wonInPeriod + weightedOpen;
  const target = input.target;

  const maxTouches = sqlTouchCounts.reduce((m, n) => Math.max(m, n), -1);
  const distribution = Array.from({ length: maxTouches + 1 }, (_, touches) => ({ touches, prospects: 0 }));
  for (const n of sqlTouchCounts) distribution[n]!.prospects++;

  return {
    from,
    to,
    now,
    stages: [...rows.values()],
    forecast: {
      openValue,
      weightedOpen,
      wonInPeriod,
      forecast,
      target,
      gap: target === null ? null : target - forecast,
      attainment: target !== null && target > 0 ? forecast / target : null,
    },
    touchesBeforeSql: { prospects: sqlTouchCounts.length, median: median(sqlTouchCounts), distribution },
    lostReasons: [...lostReasons.entries()]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || (a.reason === null ? 1 : b.reason === null ? -1 : a.reason.localeCompare(b.reason))),
  };
}
