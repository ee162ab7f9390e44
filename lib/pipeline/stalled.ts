// Deals going dark (DESIGN.md §1): every stalled prospect in one list, so nothing sits in limbo.
import type { StageKind } from '../model/enums';
import { isStalled, silenceDays } from './staleness';

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
