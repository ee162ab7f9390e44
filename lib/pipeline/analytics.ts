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
//   "Moved on" counts a move to any later stage, a jump that skips stages included: a deal that goes
//   from prospecting straight to decision converted out of prospecting.
// - Skipped: distinct prospects who, in the period, jumped from an earlier stage straight to a later
//   one (not lost) without a visit to this stage. A stage that deals skip has few or no entries; it is
//   shown as skipped, not as a stage where everyone stalled (0 % conversion).
// - Median days in stage: over the visits above that have ended (by now); visits still running are
//   left out (counted in `openVisits`) because their length is not known yet, and counting them up to
//   now would make a stage look faster the more people are stuck in it.
// - Now (pipeline): prospects by current stage, their deal value (null values count as unvalued, not
//   as zero), value × stage probability, and how many are stalled. Open pipeline and weighted forecast
//   sum the open stages.
// - Money is per currency (lib/model/money.ts): every value, weighted value and forecast is a list of
//   per-currency totals, never converted; a value without a currency is in the team's default one.
//   The target has a currency: gap and attainment compare it with the forecast in that currency only.
// - Forecast for the period: deals won in the period (entered a won stage in [from, to) and still won)
//   plus the weighted open pipeline — open deals carry no close date, so all of it counts toward this
//   period. Gap = target − forecast (negative when ahead).
// - Touches before SQL: for prospects who became sales-qualified in the period, the touches logged at
//   or before that moment.
// - Lost reasons: prospects lost in the period and still lost, by reason as written (trimmed; blank is
//   "no reason given").
// - Deleted prospects are left out everywhere; history naming an unknown stage is passed over.

import type { StageKind } from '../model/enums';
import { MoneySums, type Money } from '../model/money';
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
  /** The deal's currency; null: the team's default currency. */
  currency?: string | null;
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
  /** The team's value target for the period, in its own currency; null when none is set. */
  target: Money | null;
  /** The currency of deal values that carry none. */
  defaultCurrency: string;
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
  /** Went past this stage without entering it (a jump from an earlier stage to a later one) in the period. */
  skipped: number;
  medianDays: number | null;
  /** Visits of the period not over yet, left out of the median. */
  openVisits: number;
  // Pipeline, now.
  current: number;
  stalled: number;
  /** Deal values of the prospects in the stage now, per currency. */
  value: Money[];
  unvalued: number;
  /** value × the stage's win probability, per currency. */
  weightedValue: Money[];
}

export interface Forecast {
  openValue: Money[];
  weightedOpen: Money[];
  wonInPeriod: Money[];
  /** wonInPeriod + weightedOpen, per currency. */
  forecast: Money[];
  target: Money | null;
  /** target − forecast in the target's currency (negative when ahead); null without a target. */
  gap: number | null;
  /** forecast / target in the target's currency; null without a positive target. */
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
        skipped: 0,
        medianDays: null,
        openVisits: 0,
        current: 0,
        stalled: 0,
        value: [],
        unvalued: 0,
        weightedValue: [],
      },
    ]),
  );
  const cur = input.defaultCurrency;
  const sums = new Map(stages.map((s) => [s.id, { value: new MoneySums(cur), weighted: new MoneySums(cur) }]));
  const durations = new Map<string, number[]>(stages.map((s) => [s.id, []]));

  const prospects = input.prospects.filter((p) => p.deletedAt === null);
  const changesOf = groupBy(input.stageChanges, (c) => c.prospectId);
  const touchesOf = groupBy(input.touches, (t) => t.prospectId);

  const wonInPeriod = new MoneySums(cur);
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

    // Skipped: a jump in the period over stages this prospect never entered then.
    const skippedHere = new Set<string>();
    for (let k = 1; k < visits.length; k++) {
      const a = stageById.get(visits[k - 1]!.stageId);
      const b = stageById.get(visits[k]!.stageId);
      const at = visits[k]!.start;
      if (!a || !b || b.kind === 'lost' || b.order <= a.order || at < from || at >= to) continue;
      for (const s of stages) if (s.order > a.order && s.order < b.order && s.kind !== 'lost') skippedHere.add(s.id);
    }
    for (const id of skippedHere) if (!counted.has(id)) rows.get(id)!.skipped++;

    // Pipeline now.
    if (currentStage) {
      const row = rows.get(currentStage.id)!;
      row.current++;
      if (stalledNow) row.stalled++;
      if (p.dealValue === null) row.unvalued++;
      else {
        const s = sums.get(currentStage.id)!;
        s.value.add(p.dealValue, p.currency ?? null);
        s.weighted.add((p.dealValue * currentStage.probability) / 100, p.currency ?? null);
      }
      const enteredInPeriod = currentVisit.start >= from && currentVisit.start < to;
      if (currentStage.kind === 'won' && enteredInPeriod) wonInPeriod.add(p.dealValue, p.currency ?? null);
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
    const s = sums.get(row.stageId)!;
    row.value = s.value.list();
    row.weightedValue = s.weighted.list();
  }

  const open = [...rows.values()].filter((r) => r.kind === 'open');
  const openValue = new MoneySums(cur);
  const weightedOpen = new MoneySums(cur);
  const forecast = new MoneySums(cur);
  for (const r of open) {
    openValue.addAll(r.value);
    weightedOpen.addAll(r.weightedValue);
    forecast.addAll(r.weightedValue);
  }
  forecast.addAll(wonInPeriod.list());
  const target = input.target;
  const inTarget = target === null ? 0 : forecast.get(target.currency);

  const maxTouches = sqlTouchCounts.reduce((m, n) => Math.max(m, n), -1);
  const distribution = Array.from({ length: maxTouches + 1 }, (_, touches) => ({ touches, prospects: 0 }));
  for (const n of sqlTouchCounts) distribution[n]!.prospects++;

  return {
    from,
    to,
    now,
    stages: [...rows.values()],
    forecast: {
      openValue: openValue.list(),
      weightedOpen: weightedOpen.list(),
      wonInPeriod: wonInPeriod.list(),
      forecast: forecast.list(),
      target,
      gap: target === null ? null : Math.round((target.amount - inTarget) * 100) / 100,
      attainment: target !== null && target.amount > 0 ? inTarget / target.amount : null,
    },
    touchesBeforeSql: { prospects: sqlTouchCounts.length, median: median(sqlTouchCounts), distribution },
    lostReasons: [...lostReasons.entries()]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || (a.reason === null ? 1 : b.reason === null ? -1 : a.reason.localeCompare(b.reason))),
  };
}
