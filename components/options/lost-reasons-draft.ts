// The checks the lost-reasons editor runs before saving, mirroring LostReasons in lib/model/settings.ts
// (and the server's check), so a mistake is named beside the field in the rep's language, not as a
// refused request. Plain functions: tested without a page.
import { cleanLine } from '../../lib/model/text';

export const LOST_REASON_MAX_CHARS = 120;
export const LOST_REASONS_MAX = 50;

export type LostReasonProblem = 'empty' | 'tooLong' | 'duplicate' | 'tooMany';

/** The reason as it will be stored, or why it cannot be added to `list`. */
export function checkNewReason(
  input: string,
  list: readonly string[],
): { ok: true; reason: string } | { ok: false; problem: LostReasonProblem } {
  const reason = cleanLine(input);
  if (!reason) return { ok: false, problem: 'empty' };
  if (reason.length > LOST_REASON_MAX_CHARS) return { ok: false, problem: 'tooLong' };
  if (list.some((r) => r.toLocaleLowerCase() === reason.toLocaleLowerCase())) return { ok: false, problem: 'duplicate' };
  if (list.length >= LOST_REASONS_MAX) return { ok: false, problem: 'tooMany' };
  return { ok: true, reason };
}

/** Move one reason up (-1) or down (+1); the order is the order reps see. */
export function moveReason(list: readonly string[], index: number, delta: -1 | 1): string[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const out = [...list];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}
