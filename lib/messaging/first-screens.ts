// The background keeps each view's first screen (Today's first page, the unfiltered board's preview)
// in the `caches` table, so a side panel can paint it straight from IndexedDB while the background is
// still waking or busy (lib/store/first-screen-record.ts says when the page may show it).
//
// What makes a kept answer safe to show as current:
// - the views' stamp (lib/store/change-stamp.ts) is read BEFORE any of the answer's data: a write
//   committed after that read changes the stamp, so the record can only be passed over, never be older
//   than its stamp says;
// - `validUntil` is the first instant the answer changes with time alone: the next follow-up falling
//   due (it moves from Today to Overdue and the badge), a card going stale (a shown card's days of
//   silence are counted when it is shown, from when the silence began); midnight changes the request the page makes, so yesterday's record is not asked for;
// - every change the background hears of drops the records (forgetFirstScreens), so one built from
//   card fields the background had not yet heard were rewritten in another page cannot outlive the
//   moment it hears it.
import { EMPTY_FILTER, isFiltered, type BoardFilter } from '../pipeline/board';
import { DAY_MS, isContacted } from '../pipeline/staleness';
import { startOfLocalDay, windowEnd } from '../pipeline/today';
import { UNSEEN_META_KEYS, UNSEEN_TABLES, VIEWS_STAMP_KEY } from '../store/change-stamp';
import { singleKeys, type RangeNode } from '../store/range-keys';
import type { StoreContext } from '../store/context';
import type { JalurDb } from '../store/db';
import { FIRST_SCREEN_FORMAT, firstScreenKey, sameRequest, type FirstScreenKind, type FirstScreenRecord } from '../store/first-screen-record';
import { todayQueue, type TodayQueue } from '../store/today-queue';
import { boardSources, boardTeam, cachedProspects } from './board-cache';
import { boardReply } from './handle-board';
import type { BoardReply } from './board-types';

/** Today's first page rows (components/sidepanel/today/first-page.ts FIRST_ROWS; a unit test keeps them equal). */
export const TODAY_FIRST_ROWS = 60;
/** The board preview's cards per column (components/sidepanel/board/first-request.ts; a unit test keeps them equal). */
export const BOARD_FIRST_PER_COLUMN = 24;

/** The board caches its cards for a minute (handle-board.ts): a card's stale flag may be that old. */
const CARDS_MAY_LAG_MS = 60_000;

export type TodayFirstRequest = { type: 'today'; until: number; first: number; tomorrow: number };
export type BoardFirstRequest = { type: 'board'; preview: { filter: BoardFilter; perColumn: number } };

/** Today's first page as a panel opened in `timeZone` at `now` asks for it. */
export function todayFirstRequest(now: number, timeZone: string): TodayFirstRequest {
  return { type: 'today', until: windowEnd(now, timeZone), first: TODAY_FIRST_ROWS, tomorrow: startOfLocalDay(now, timeZone, 1) };
}

export function boardFirstRequest(): BoardFirstRequest {
  return { type: 'board', preview: { filter: EMPTY_FILTER, perColumn: BOARD_FIRST_PER_COLUMN } };
}

/** Which first screen a request is, if it is one the panel opens with. */
export function firstScreenOf(msg: unknown): FirstScreenKind | null {
  const m = msg as { type?: unknown; first?: unknown; tomorrow?: unknown; preview?: { filter?: BoardFilter; perColumn?: unknown } } | null;
  if (m?.type === 'today' && m.first === TODAY_FIRST_ROWS && typeof m.tomorrow === 'number') return 'today';
  if (m?.type === 'board' && m.preview?.perColumn === BOARD_FIRST_PER_COLUMN && m.preview.filter && !isFiltered(m.preview.filter)) return 'board';
  return null;
}

/** The views' stamp now (read it before the data a record is made of); null before the first write. */
export async function readViewsStamp(db: JalurDb): Promise<string | null> {
  const v = (await db.caches.get(VIEWS_STAMP_KEY))?.value;
  return typeof v === 'string' ? v : null;
}

/** When the next of the user's open follow-ups falls due after `now` (Infinity: none does). */
async function nextFallsDue(ctx: StoreContext, now: number): Promise<number> {
  const f = await ctx.db.followUps.where('[assigneeId+openDueAt]').between([ctx.userId, now], [ctx.userId, Infinity], false, true).first();
  return f?.openDueAt ?? Infinity;
}

/** When a card's stale flag can next turn (it only turns on), from one prospect's fields; Infinity if never. */
export function staleTurnsAt(
  p: { lastTouchAt: number | null; stageEnteredAt: number; createdAt: number },
  stage: { kind: string; staleDays: number | null } | undefined,
): number {
  if (!stage || stage.kind !== 'open' || stage.staleDays === null || !isContacted(p)) return Infinity;
  return Math.max(p.lastTouchAt ?? 0, p.stageEnteredAt, p.createdAt) + stage.staleDays * DAY_MS + 1;
}


async function save(db: JalurDb, kind: FirstScreenKind, record: FirstScreenRecord): Promise<void> {
  await db.caches.put({ key: firstScreenKey(kind), value: record });
}

/** Keeps Today's first page as answered; `stamp` was read before the answer's data. */
export async function keepTodayFirstScreen(ctx: StoreContext, request: TodayFirstRequest, reply: TodayQueue, stamp: string | null): Promise<boolean> {
  if (stamp === null || !reply.counts) return false;
  const validUntil = Math.min(await nextFallsDue(ctx, reply.now), request.tomorrow);
  await save(ctx.db, 'today', { format: FIRST_SCREEN_FORMAT, stamp, request, reply, validUntil, at: reply.now });
  return true;
}

/**
 * Keeps the unfiltered board's preview. Built afresh here (the cards are the background's, in memory)
 * with `stamp` read before it, so it can never be newer than its stamp.
 */
export async function keepBoardFirstScreen(ctx: StoreContext, stamp: string | null): Promise<boolean> {
  if (stamp === null) return false;
  const request = boardFirstRequest();
  const reply: BoardReply = await boardReply(ctx, request.preview);
  const [{ stages }, sources] = await Promise.all([boardTeam(ctx, []), boardSources(ctx.db)]);
  const stageById = new Map(stages.map((s) => [s.id, s]));
  const now = reply.asOf;
  // Every card's stale flag: the columns count them. (A shown card's days of silence are worked out
  // when the preview is shown, from when its silence began: they do not end the record.)
  let validUntil = Infinity;
  for (const p of sources.prospects) {
    if (p.deletedAt !== null) continue;
    const turns = staleTurnsAt(p, stageById.get(p.stageId));
    if (turns > now - CARDS_MAY_LAG_MS && turns < validUntil) validUntil = turns;
  }
  // A card's next follow-up falling due re-orders nothing (the order is by due time) and is shown
  // against the page's own clock, so it does not end the record.
  await save(ctx.db, 'board', { format: FIRST_SCREEN_FORMAT, stamp, request, reply, validUntil, at: now });
  return true;
}

/**
 * Whether the kept first screen of `kind` already stands for `stamp` (and `request`) for a while yet:
 * then making it again would only cost the background time while a panel is opening.
 */
export async function keptIsCurrent(db: JalurDb, kind: FirstScreenKind, stamp: string | null, request: unknown, now: number): Promise<boolean> {
  if (stamp === null) return false;
  const row = (await db.caches.get(firstScreenKey(kind)))?.value as Partial<FirstScreenRecord> | undefined;
  return !!row && row.stamp === stamp && typeof row.validUntil === 'number' && row.validUntil > now + KEEP_AHEAD_MS && sameRequest(row.request, request);
}

/** A kept first screen about to run out within this long is made again rather than left. */
const KEEP_AHEAD_MS = 60_000;

/** Drops the kept first screens (the store changed: the next answer makes them again). */
export async function forgetFirstScreens(db: JalurDb): Promise<void> {
  await db.caches.bulkDelete([firstScreenKey('today'), firstScreenKey('board')]);
}

/**
 * Makes the first screens again after a change or when time has moved one on, in the background's own
 * time zone (the rep's): Today's always (a few index reads), the board's only when its cards are in
 * memory (reading 10,000 prospects for it is not worth it).
 */
export async function refreshFirstScreens(ctx: StoreContext, timeZone: string): Promise<void> {
  const stamp = await readViewsStamp(ctx.db);
  const request = todayFirstRequest(ctx.now(), timeZone);
  const reply = await todayQueue(ctx, request.until, { first: request.first, tomorrow: request.tomorrow });
  await keepTodayFirstScreen(ctx, request, reply, stamp);
  if (cachedProspects(ctx.db.name) > 0) await keepBoardFirstScreen(ctx, stamp);
}

/** Whether a kept first screen is missing or has run out at `now` (time, not a change, moved it on). */
export async function firstScreensExpired(db: JalurDb, now: number): Promise<boolean> {
  const row = (await db.caches.get(firstScreenKey('today')))?.value as Partial<FirstScreenRecord> | undefined;
  return !row || typeof row.validUntil !== 'number' || row.validUntil <= now;
}

/**
 * Whether a committed write Dexie reported (its 'storagemutated' parts) touched anything a first screen
 * of database `name` shows: the same judgement as the views' stamp (lib/store/change-stamp.ts).
 */
export function changesViews(parts: Record<string, unknown>, name: string): boolean {
  const prefix = `idb://${name}/`;
  for (const [url, range] of Object.entries(parts)) {
    if (!url.startsWith(prefix)) continue;
    const [table = '', index = ''] = url.slice(prefix.length).split('/');
    if (table === '' || UNSEEN_TABLES.has(table)) continue;
    // Dexie reports a put's or delete's primary keys twice: as the table's part and as its ':dels' part.
    if (table === 'meta' && (index === '' || index === ':dels')) {
      const keys = singleKeys(range as RangeNode, []);
      if (keys !== null && keys.every((k) => UNSEEN_META_KEYS.has(k))) continue;
    }
    return true;
  }
  return false;
}
