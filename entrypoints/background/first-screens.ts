// Keeps the side panel's first screens (lib/messaging/first-screens.ts) in step: made when a panel
// asks for one, dropped the moment the background hears of a change to what they show, made again a
// moment after the last change (off the path of any answer), and again when time has moved Today on.
import Dexie from 'dexie';
import type { StoreContext } from '../../lib/store/context';
import {
  changesViews,
  firstScreenOf,
  firstScreensExpired,
  forgetFirstScreens,
  keepBoardFirstScreen,
  keepTodayFirstScreen,
  keptIsCurrent,
  boardFirstRequest,
  readViewsStamp,
  refreshFirstScreens,
  type TodayFirstRequest,
} from '../../lib/messaging/first-screens';
import type { TodayQueue } from '../../lib/store/today-queue';
import { storeContext } from './context';

/** A first screen answered is kept this long after the answer went out. */
const KEEP_AFTER_MS = 500;
/** Made again this long after the last change: a burst of writes (an import) makes them once. */
const REMAKE_AFTER_MS = 2_000;

/**
 * For a request a panel opens with: the views' stamp, read before the answer's data is (call it before
 * handling the request). Null for any other request.
 */
export function stampBefore(ctx: StoreContext, msg: unknown): Promise<string | null> | null {
  if (!firstScreenOf(msg)) return null;
  const read = readViewsStamp(ctx.db);
  read.catch(() => undefined);
  return read;
}

/** After the answer went out: keeps it (Today) or a preview built the same way (board) as the first screen. */
export function keepFirstScreen(ctx: StoreContext, msg: unknown, reply: { ok: boolean; data?: unknown }, stamp: Promise<string | null>): void {
  const kind = firstScreenOf(msg);
  if (!kind || !reply.ok) return;
  // A moment later: the panel that asked is painting now, on a machine whose cores it shares with this worker.
  setTimeout(() => {
    void stamp
      .then(async (s) => {
        const request = kind === 'today' ? msg : boardFirstRequest();
        if (await keptIsCurrent(ctx.db, kind, s, request, ctx.now())) return;
        await (kind === 'today' ? keepTodayFirstScreen(ctx, msg as TodayFirstRequest, reply.data as TodayQueue, s) : keepBoardFirstScreen(ctx, s));
      })
      .catch(() => undefined);
  }, KEEP_AFTER_MS);
}

let remake: ReturnType<typeof setTimeout> | null = null;

function remakeSoon(): void {
  if (remake) clearTimeout(remake);
  remake = setTimeout(() => {
    remake = null;
    void storeContext()
      .then((ctx) => refreshFirstScreens(ctx, Intl.DateTimeFormat().resolvedOptions().timeZone))
      .catch(() => undefined);
  }, REMAKE_AFTER_MS);
}

/** Listens for changes from every context (Dexie reports them across pages and the worker). */
export function watchFirstScreens(): void {
  Dexie.on('storagemutated', (parts) => {
    void storeContext()
      .then(async (ctx) => {
        if (!changesViews(parts as Record<string, unknown>, ctx.db.name)) return;
        await forgetFirstScreens(ctx.db);
        remakeSoon();
      })
      .catch(() => undefined);
  });
}

/** On the minute's tick: Today's first screen again once a follow-up fell due or the day turned. */
export async function firstScreensTick(ctx: StoreContext): Promise<void> {
  if (await firstScreensExpired(ctx.db, ctx.now())) remakeSoon();
}
