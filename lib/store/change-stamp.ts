// Stamps that change with every write, in the same transaction as the write. The background keeps
// derived data beside the store together with the stamp it was read at, and uses it only while the
// stamp still matches — whoever wrote in the meantime (this worker, the options page, a sync pull, a
// migration) went through this middleware, since every context opens the store through openDb, and a
// restore, whose raw transaction passes it by, leaves new stamps by hand (freshStamps). No stamp at all:
// no prospect was ever written.
//
// Two stamps, because what they guard costs differently to rebuild:
// - `stamp:prospects` changes with writes to the prospects only: the board's card fields of every
//   prospect (lib/messaging/board-cache.ts) survive a follow-up done or a setting changed.
// - `stamp:views` changes with a write to anything a view shows (prospects, follow-ups, stages,
//   cadences, settings, members, companies, touches…): the side panel's stored first screens
//   (lib/messaging/first-screens.ts) are shown before the background answers only while it matches.
//   Bookkeeping that no view shows (the outbox, sync issues, the sync cursor, the badge's running
//   count) leaves it alone, or the minute's badge recount would throw every first screen away.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';

/** The table derived data lives in (`caches`, Dexie version 6): keyed rows, safe to clear. */
export const CACHES_TABLE = 'caches';
export const PROSPECTS_STAMP_KEY = 'stamp:prospects';
export const VIEWS_STAMP_KEY = 'stamp:views';
const PROSPECTS = 'prospects';

/** Tables whose writes no view shows: they leave the views' stamp as it is. */
export const UNSEEN_TABLES: ReadonlySet<string> = new Set([CACHES_TABLE, 'outbox', 'syncIssues']);

/**
 * `meta` rows no view shows: the badge's running overdue count (rewritten every minute), the sync
 * cursor, the outbox's bookkeeping, the clock, retention's last run. Any other meta row (the team's
 * settings, its members, whatever is added later) stamps: an unknown key is taken as seen.
 */
export const UNSEEN_META_KEYS: ReadonlySet<string> = new Set(['overdue', 'sync:cursor', 'outboxSentThrough', 'hlc', 'retention:lastRun']);

function stamp(): string {
  return crypto.randomUUID();
}

/**
 * New stamps for both, for a writer that passes the middleware by (a restore's raw transaction): an
 * absent stamp means no prospect was ever written (lib/store/import.ts compares undefined with undefined),
 * so one who replaced every row must leave new stamps, not none.
 */
export function freshStamps(): { key: string; value: string }[] {
  return [PROSPECTS_STAMP_KEY, VIEWS_STAMP_KEY].map((key) => ({ key, value: stamp() }));
}

/** Whether a write to `table` can change what a view shows. */
function seen(table: string, req: DBCoreMutateRequest): boolean {
  if (UNSEEN_TABLES.has(table)) return false;
  if (table !== 'meta') return true;
  const keys: unknown[] | undefined =
    req.type === 'delete'
      ? req.keys
      : req.type === 'put' || req.type === 'add'
        ? (req.keys ?? req.values.map((v) => (v as { key?: unknown })?.key))
        : undefined;
  // A range delete, or keys that cannot be told: taken as seen.
  if (!keys) return true;
  return keys.some((k) => typeof k !== 'string' || !UNSEEN_META_KEYS.has(k));
}

export const changeStamp: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'JalurChangeStamp',
  create(down) {
    // Per transaction, the stamps already written in it: one write of each per transaction is enough.
    const stamped = new WeakMap<object, Set<string>>();
    const due = (req: DBCoreMutateRequest, key: string, into: string[]) => {
      let done = stamped.get(req.trans);
      if (!done) stamped.set(req.trans, (done = new Set()));
      if (done.has(key)) return;
      done.add(key);
      into.push(key);
    };
    return {
      ...down,
      transaction(stores, mode, options) {
        // The stamps are written in the writing transaction itself, so the caches table has to be in its scope.
        const widened =
          mode === 'readwrite' && !stores.includes(CACHES_TABLE) && stores.some((s) => !UNSEEN_TABLES.has(s))
            ? [...stores, CACHES_TABLE]
            : stores;
        return down.transaction(widened, mode, options);
      },
      table(name): DBCoreTable {
        const table = down.table(name);
        if (UNSEEN_TABLES.has(name)) return table;
        return {
          ...table,
          mutate(req: DBCoreMutateRequest) {
            const trans = req.trans as unknown as IDBTransaction;
            const keys: string[] = [];
            // A migration of a store older than the caches table has nothing to keep in step.
            if (trans.objectStoreNames?.contains(CACHES_TABLE)) {
              if (name === PROSPECTS) due(req, PROSPECTS_STAMP_KEY, keys);
              if (seen(name, req)) due(req, VIEWS_STAMP_KEY, keys);
            }
            if (keys.length === 0) return table.mutate(req);
            // Both requests are made now, in order, in the same transaction: nothing awaited in between,
            // since Dexie's layers below read the running transaction from the zone a call is made in.
            const stamping = down
              .table(CACHES_TABLE)
              .mutate({ type: 'put', trans: req.trans, values: keys.map((key) => ({ key, value: stamp() })) });
            const writing = table.mutate(req);
            return Promise.all([stamping, writing]).then(([, r]) => r);
          },
        };
      },
    };
  },
};
