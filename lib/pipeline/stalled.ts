// Deals going dark (DESIGN.md §1): every stalled prospect in one list, so nothing sits in limbo.
import type { StageKind } from '../model/enums';
import { isNotContacted, isStalled, silenceDays } from './staleness';

export interface StalledProspectInput {
  id: string;
  stageId: string;
  lastTouchAt: number | null;
  stageEnteredAt: number;
  createdAt: number;
  deletedAt?: number | null;
}

export interface StalledStage {
  id: string;
  kind: StageKind;
  staleDays: number | null;
  deletedAt?: number | null;
}

export interface StalledItem<P> {
  prospect: P;
  silenceDays: number;
}

function stageMap(stages: readonly StalledStage[]): Map<string, StalledStage> {
  return new Map(stages.filter((s) => s.deletedAt == null).map((s) => [s.id, s]));
}

function stalledIn(p: StalledProspectInput, byId: Map<string, StalledStage>, now: number): boolean {
  if (p.deletedAt != null) return false;
  const s = byId.get(p.stageId);
  return s !== undefined && isStalled({ ...p, stageKind: s.kind, staleDays: s.staleDays }, now);
}

/**
 * Stalled prospects across the pipeline, longest silence first (ties by id, so the order is stable).
 * A prospect whose stage is unknown or deleted is left out rather than guessed at.
 */
export function listStalled<P extends StalledProspectInput>(
  prospects: readonly P[],
  stages: readonly StalledStage[],
  now: number,
): StalledItem<P>[] {
  const byId = stageMap(stages);
  return prospects
    .filter((p) => stalledIn(p, byId, now))
    .map((p) => ({ prospect: p, silenceDays: silenceDays(p, now) }))
    .sort((a, b) => b.silenceDays - a.silenceDays || (a.prospect.id < b.prospect.id ? -1 : a.prospect.id > b.prospect.id ? 1 : 0));
}

/** How many prospects are stalled, without building the list. */
export function countStalled(prospects: readonly StalledProspectInput[], stages: readonly StalledStage[], now: number): number {
  const byId = stageMap(stages);
  let n = 0;
  for (const p of prospects) if (stalledIn(p, byId, now)) n++;
  return n;
}

/** Stalled prospects per stage id (stages with none are absent), for the board and insights. */
export function countStalledByStage(
  prospects: readonly StalledProspectInput[],
  stages: readonly StalledStage[],
  now: number,
): Map<string, number> {
  const byId = stageMap(stages);
  const counts = new Map<string, number>();
  for (const p of prospects) if (stalledIn(p, byId, now)) counts.set(p.stageId, (counts.get(p.stageId) ?? 0) + 1);
  return counts;
}

/**
 * Prospects in an open stage nobody has contacted yet (lib/pipeline/staleness.ts), longest in the
 * pipeline first: kept apart from gone dark, which is silence after contact.
 */
export function listNotContacted<P extends StalledProspectInput>(
  prospects: readonly P[],
  stages: readonly StalledStage[],
  now: number,
): StalledItem<P>[] {
  const byId = stageMap(stages);
  return prospects
    .filter((p) => {
      if (p.deletedAt != null) return false;
      const s = byId.get(p.stageId);
      return s !== undefined && isNotContacted({ ...p, stageKind: s.kind });
    })
    .map((p) => ({ prospect: p, silenceDays: silenceDays(p, now) }))
    .sort((a, b) => b.silenceDays - a.silenceDays || (a.prospect.id < b.prospect.id ? -1 : a.prospect.id > b.prospect.id ? 1 : 0));
}

/** What the gone-dark list sorts by: open value then stage (later stages first), or silence. */
export type GoneDarkSort = 'value' | 'silence';

export interface GoneDarkSortable {
  id: string;
  name: string;
  /** The deal's value, null when none is set. */
  dealValue: number | null;
  /** Position of the stage in the pipeline (0 first). */
  stageOrder: number;
  silenceDays: number;
}

/**
 * The default order asks "which silence costs most": biggest open value first, then the stage nearest
 * the close, then the longest silence; by silence: longest first, then value. Ties by name, then id.
 */
export function sortGoneDark<T extends GoneDarkSortable>(items: readonly T[], by: GoneDarkSort): T[] {
  const value = (x: T) => x.dealValue ?? -1;
  return [...items].sort((a, b) => {
    const primary =
      by === 'value'
        ? value(b) - value(a) || b.stageOrder - a.stageOrder || b.silenceDays - a.silenceDays
        : b.silenceDays - a.silenceDays || value(b) - value(a) || b.stageOrder - a.stageOrder;
    return primary || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
}
