// A view's first screen as the background last answered it (Today's first page, the board's preview),
// kept in the `caches` table so the side panel can paint it straight from IndexedDB before the
// background has even woken. It is shown only while it is certainly what the background would answer
// now: the views' change stamp (./change-stamp.ts) is the one it was read at, the request is the one
// the page would make now, and no moment has come that changes it (a follow-up falling due, a card
// going stale). The panel then asks the background as usual and shows that answer.
//
// No imports: the panel's first script reads it with a few lines of raw IndexedDB, without Dexie or zod.

// 2: board cards carry when their silence began (`since`), not their days of silence.
export const FIRST_SCREEN_FORMAT = 2;

export type FirstScreenKind = 'today' | 'board';

/** The caches row a view's first screen is kept in. */
export const firstScreenKey = (kind: FirstScreenKind) => `first:${kind}`;

export interface FirstScreenRecord {
  format: number;
  /** The views' change stamp the answer was read at (read before any of its data). */
  stamp: string;
  /** The request answered, as the page sends it. */
  request: unknown;
  /** The answer's data, as the background sent it. */
  reply: unknown;
  /** The first instant at which the answer may no longer be what the background would say. */
  validUntil: number;
  /** When it was read. */
  at: number;
}

/** Requests compared by value (plain data: numbers, strings, booleans, null, nested objects). */
export function sameRequest(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => sameRequest((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * The stored answer's data if it may be shown as current at `now` for `request`: same stamp as the
 * store holds now, same request, read no later than now and not yet past its validity. Else null.
 */
export function usableFirstScreen(row: unknown, currentStamp: unknown, request: unknown, now: number): unknown {
  const r = row as Partial<FirstScreenRecord> | null | undefined;
  if (!r || r.format !== FIRST_SCREEN_FORMAT) return null;
  if (typeof r.stamp !== 'string' || typeof currentStamp !== 'string' || r.stamp !== currentStamp) return null;
  if (typeof r.validUntil !== 'number' || typeof r.at !== 'number' || !(r.at <= now && now < r.validUntil)) return null;
  if (!sameRequest(r.request, request) || r.reply === undefined || r.reply === null) return null;
  return r.reply;
}
