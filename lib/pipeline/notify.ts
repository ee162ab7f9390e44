// Desktop notifications for follow-ups falling due: one summary at a time, never one per item, and
// never twice for the same thing. Which follow-ups count (assigned to this rep) is the caller's choice.
import { openDueAt, type FollowUpTiming } from './follow-ups';

export interface NotifyFollowUp extends FollowUpTiming {
  id: string;
  title: string;
}

/**
 * What was last told, kept by the caller between checks. A key is a follow-up id with the time it
 * fell due, so a snoozed follow-up that falls due again is news, while one already told about is not.
 */
export interface NotifyState {
  at: number | null;
  keys: string[];
}

export type NotifyDecision = {
  state: NotifyState;
} & ({ show: false } | { show: true; count: number; fresh: number; titles: string[] });

export interface NotifyOptions {
  /** Titles named in the summary. */
  maxTitles?: number;
  /** Quiet time after a notification; follow-ups falling due meanwhile are told about after it. */
  minGapMs?: number;
  titleMax?: number;
}

export const DEFAULT_NOTIFY_GAP_MS = 5 * 60_000;

function key(id: string, dueAt: number): string {
  return `${id}@${dueAt}`;
}

function cap(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

/**
 * Decide whether to show a summary now. `count` is every overdue follow-up (the badge's number);
 * `fresh` and `titles` are those not told about before, longest overdue first. The returned state
 * is to be kept whether or not a notification was shown; it forgets follow-ups no longer overdue.
 */
export function decideNotification(
  followUps: readonly NotifyFollowUp[],
  last: NotifyState | null,
  now: number,
  opts: NotifyOptions = {},
): NotifyDecision {
  const { maxTitles = 3, minGapMs = DEFAULT_NOTIFY_GAP_MS, titleMax = 100 } = opts;
  const told = new Set(last?.keys ?? []);
  const overdue: { f: NotifyFollowUp; due: number; key: string }[] = [];
  for (const f of followUps) {
    const due = openDueAt(f);
    if (due !== undefined && due <= now) overdue.push({ f, due, key: key(f.id, due) });
  }
  overdue.sort((a, b) => a.due - b.due || (a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0));
  const fresh = overdue.filter((o) => !told.has(o.key));
  const lastAt = last?.at ?? null;
  const kept = overdue.filter((o) => told.has(o.key)).map((o) => o.key);
  const quiet = lastAt !== null && now >= lastAt && now - lastAt < minGapMs;
  if (fresh.length === 0 || quiet) return { show: false, state: { at: lastAt, keys: kept } };
  return {
    show: true,
    count: overdue.length,
    fresh: fresh.length,
    titles: fresh.slice(0, maxTitles).map((o) => cap(o.f.title.replace(/\s+/g, ' ').trim(), titleMax)),
    state: { at: now, keys: overdue.map((o) => o.key) },
  };
}
