export const DAY_MS = 86_400_000;

export interface StaleInput {
  stageKind: 'open' | 'won' | 'lost';
  staleDays: number | null;
  /** Last touch, or when the prospect entered its stage if never touched since. */
  lastTouchAt: number | null;
  stageEnteredAt: number;
  createdAt: number;
}

/** Days of silence, measured from the latest of last touch, stage entry and capture. */
export function silenceDays(p: Pick<StaleInput, 'lastTouchAt' | 'stageEnteredAt' | 'createdAt'>, now: number): number {
  const since = Math.max(p.lastTouchAt ?? 0, p.stageEnteredAt, p.createdAt);
  return Math.max(0, Math.floor((now - since) / DAY_MS));
}

/** A prospect in an open stage quiet for longer than that stage allows has "gone dark". */
export function isStalled(p: StaleInput, now: number): boolean {
  if (p.stageKind !== 'open' || p.staleDays === null) return false;
  const since = Math.max(p.lastTouchAt ?? 0, p.stageEnteredAt, p.createdAt);
  return now - since > p.staleDays * DAY_MS;
}
