export interface FollowUpTiming {
  dueAt: number;
  doneAt: number | null;
  snoozedUntil: number | null;
  deletedAt: number | null;
}

/** The moment an open follow-up becomes overdue (the later of due and snooze), or undefined when closed. */
export function openDueAt(f: FollowUpTiming): number | undefined {
  if (f.doneAt !== null || f.deletedAt !== null) return undefined;
  return Math.max(f.dueAt, f.snoozedUntil ?? 0);
}

/** Overdue = not done, not snoozed, due time passed (DESIGN.md §1). */
export function isOverdue(f: FollowUpTiming, now: number): boolean {
  const at = openDueAt(f);
  return at !== undefined && at <= now;
}
