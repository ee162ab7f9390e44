// A stamp that changes with every write to the prospects, in the same transaction as the write. The
// background keeps a snapshot of what a cold worker would otherwise rebuild from every prospect row
// (the board's card fields, lib/messaging/board-cache.ts) together with the stamp it was read at; a
// worker that wakes reads one record instead of 10,000 rows, and only when the stamp still matches —
// whoever wrote in the meantime (this worker, the options page, a sync pull, a restore, a migration)
// went through this middleware, since every context opens the store through openDb.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';

/** The table derived data lives in (`caches`, Dexie version 6): keyed rows, safe to clear. */
export const CACHES_TABLE = 'caches';
export const PROSPECTS_STAMP_KEY = 'stamp:prospects';
const WATCHED = 'prospects';

function stamp(): string {
  return crypto.randomUUID();
}

export const changeStamp: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'JalurChangeStamp',
  create(down) {
    const stamped = new WeakSet<object>();
    return {
      ...down,
      transaction(stores, mode, options) {
        // The stamp is written in the writing transaction itself, so it has to be in its scope.
        const widened = mode === 'readwrite' && stores.includes(WATCHED) && !stores.includes(CACHES_TABLE) ? [...stores, CACHES_TABLE] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name): DBCoreTable {
        const table = down.table(name);
        if (name !== WATCHED) return table;
        return {
          ...table,
          async mutate(req: DBCoreMutateRequest) {
            const trans = req.trans as unknown as IDBTransaction;
            // A migration of a store older than the caches table has nothing to keep in step.
            if (!stamped.has(trans) && trans.objectStoreNames?.contains(CACHES_TABLE)) {
              stamped.add(trans);
              await down.table(CACHES_TABLE).mutate({ type: 'put', trans: req.trans, values: [{ key: PROSPECTS_STAMP_KEY, value: stamp() }] });
            }
            return table.mutate(req);
          },
        };
      },
    };
  },
};
