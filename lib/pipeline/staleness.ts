export const DAY_MS = 86_400_000;

export interface StaleInput {
  stageKind: 'open' | 'won' | 'lost';
  staleDays: number | null;
  /** Last touch, or when the prospect entered its stage if never touched since. */
  lastTouchAt: number | null;
  stageEnteredAt: number;
  createdAt: number;
}

/** Where silence is measured from: the latest of last touch, stage entry and capture. */
export function silentSince(p: Pick<StaleInput, 'lastTouchAt' | 'stageEnteredAt' | 'createdAt'>): number {
  return Math.max(p.lastTouchAt ?? 0, p.stageEnteredAt, p.createdAt);
}

/** Whole days of silence at `now` since `since`. */
export function daysSince(since: number, now: number): number {
  return Math.max(0, Math.floor((now - since) / DAY_MS));
}

/** Days of silence, measured from the latest of last touch, stage entry and capture. */
export function silenceDays(p: Pick<StaleInput, 'lastTouchAt' | 'stageEnteredAt' | 'createdAt'>, now: number): number {
  return daysSince(silentSince(p), now);
}

/**
 * Touches dated this long before the person entered the pipeline are how the rep knows them (LinkedIn's
 * "Connected On" from years ago, imported), not contact in the pipeline; an e-mail of last week logged
 * on someone clipped today still is.
 */
export const CONTACT_GRACE_MS = 30 * DAY_MS;

/**
 * Whether anyone has been in touch with the person in the pipeline: a touch at all, and not only
 * touches from long before they entered it. Gone dark is silence after contact; before contact a
 * person is "not contacted yet", a list of its own.
 */
export function isContacted(p: Pick<StaleInput, 'lastTouchAt' | 'createdAt'>): boolean {
  return p.lastTouchAt !== null && p.lastTouchAt >= p.createdAt - CONTACT_GRACE_MS;
}

/** In an open stage and nobody has been in touch yet: the "not contacted yet" list, never gone dark. */
export function isNotContacted(p: Pick<StaleInput, 'stageKind' | 'lastTouchAt' | 'createdAt'>): boolean {
  return p.stageKind === 'open' && !isContacted(p);
}

/** A prospect in an open stage, contacted, and quiet for longer than that stage allows has "gone dark". */
export function isStalled(p: StaleInput, now: number): boolean {
  if (p.stageKind !== 'open' || p.staleDays === null || !isContacted(p)) return false;
  const since = Math.max(p.lastTouchAt ?? 0, p.stageEnteredAt, p.createdAt);
  return now - since > p.staleDays * DAY_MS;
}
