import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDb } from '../../lib/store/db';
import type { StoreContext } from '../../lib/store/context';
import { ensureSeeded } from '../../lib/store/seed';

export const T0 = Date.UTC(2026, 10, 2, 3, 0, 0); // Mon 2 Nov 2026, 10:00 in Jakarta

/** A fresh in-memory store with a clock the test moves by hand. */
export async function testStore(start = T0) {
  let now = start;
  let n = 0;
  const ctx: StoreContext = {
    db: openDb(`t-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange }),
    now: () => now,
    newId: () => {
      n += 1;
      return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    },
    userId: 'local',
    teamId: 'local',
    nodeId: 'test',
  };
  await ensureSeeded(ctx);
  return {
    ctx,
    advance(ms: number) {
      now += ms;
    },
    set(at: number) {
      now = at;
    },
  };
}
