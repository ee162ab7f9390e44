// The store opened by an extension page itself. Pages share the extension origin's IndexedDB with the
// background, so a big import or restore reads and writes it here in slices instead of sending a file
// (and its rows) through one runtime message and working on the background's thread, where chips'
// lookups would queue behind it. The background learns of the writes twice over: Dexie reports each
// committed transaction to every context ('storagemutated' over its BroadcastChannel), which is how
// its board cache and search index mark what to re-read; and the page sends `storeWritten` when it is
// done, after which the background refreshes the badge and open views and syncs, as after any change.
import type { StoreSource } from '../../lib/messaging/data-types';
import type { StoreContext } from '../../lib/store/context';
import { openDb } from '../../lib/store/db';
import { send } from '../shared/api';

export interface PageStore {
  ctx: StoreContext;
  /** Default stage names in each language, by stage key, for a file's Stage column. */
  stageNames: (key: string) => readonly string[];
  close: () => void;
}

/** The store the rep works in now, as the background names it. */
export async function openPageStore(): Promise<PageStore> {
  const src: StoreSource = await send({ type: 'storeSource' });
  const db = openDb(src.database);
  return {
    ctx: {
      db,
      now: () => Date.now(),
      newId: () => crypto.randomUUID(),
      userId: src.userId,
      teamId: src.teamId,
      nodeId: src.nodeId,
    },
    stageNames: (key) => src.stageNames[key] ?? [],
    close: () => db.close(),
  };
}

/** Tell the background the page changed the store: badge, views and sync catch up. */
export async function storeWritten(): Promise<void> {
  await send({ type: 'storeWritten' });
}

/**
 * Passed to the timer of each of these turns (the callback ignores it), so end-to-end tests can hold
 * exactly the import's turns and none of the page's other zero-delay timers (test/e2e/held-turns.ts).
 */
export const NEXT_TURN_MARK = 'jalur:next-turn';

/** A turn of the page's event loop: input, painting and IndexedDB callbacks run before the next slice. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(() => resolve(), 0, NEXT_TURN_MARK));
}
