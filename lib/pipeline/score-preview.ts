// Before an admin saves new scoring rules or threshold: what would change for the current prospects.
import { computeScore, type ScoreInput, type ScoreRules } from './score';

export interface CrossingPreview {
  /** Live prospects considered. */
  total: number;
  /** At or above the threshold under the current rules (and current threshold). */
  before: number;
  /** At or above the threshold under the new rules. */
  after: number;
  /** Below before, at or above after. */
  newlyCrossing: number;
  /** At or above before, below after. */
  droppingBelow: number;
}

/**
 * Score every live prospect under both rule sets at the same clock. `currentThreshold` defaults to
 * `threshold`, for previews where only the rules change. Crossing is a score fact: prospects already
 * MQL keep their mqlAt whatever the new rules say (gates are set once).
 */
export function countCrossing(
  prospects: readonly (ScoreInput & { deletedAt?: number | null })[],
  currentRules: ScoreRules,
  newRules: ScoreRules,
  threshold: number,
  now: number,
  currentThreshold: number = threshold,
): CrossingPreview {
  const r: CrossingPreview = { total: 0, before: 0, after: 0, newlyCrossing: 0, droppingBelow: 0 };
  for (const p of prospects) {
    if (p.deletedAt != null) continue;
    r.total++;
    const was = computeScore(p, now, currentRules).score >= currentThreshold;
    const will = computeScore(p, now, newRules).score >= threshold;
    if (was) r.before++;
    if (will) r.after++;
    if (!was && will) r.newlyCrossing++;
    if (was && !will) r.droppingBelow++;
  }
  return r;
}
