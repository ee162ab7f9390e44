// The side panel's first screen straight from IndexedDB: the background keeps each view's first answer
// with the change stamp it was read at (lib/messaging/first-screens.ts), and the panel's first script
// reads it here, with a few lines of raw IndexedDB (no Dexie, no zod), before the background has even
// woken. lib/store/first-screen-record.ts decides whether it may be shown as current; anything
// unexpected (another store, an odd scope, no such table, a slow or blocked open) gives null, and the
// panel asks the background as it always did.
import { firstScreenKey, usableFirstScreen, type FirstScreenKind } from '../../lib/store/first-screen-record';

// lib/store/change-stamp's names, written out: that module is in the options page's code too, and
// importing it here would make the panel fetch one more shared chunk first (a unit test keeps them equal).
export const CACHES_TABLE = 'caches';
export const VIEWS_STAMP_KEY = 'stamp:views';
/** lib/sync/scope's LOCAL_DB (that module brings zod along; a unit test keeps them equal). */
const LOCAL_DB = 'jalur';
/** A read this slow means something else holds the store: give up on it (the background is asked meanwhile). */
export const STORED_READ_LIMIT_MS = 3_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * The database the background works in for a stored scope (lib/sync/scope's dbNameFor(parseScope(v))),
 * or null when the scope is anything but plainly local or plainly a team's: then the page does not
 * guess, it asks the background.
 */
export function storeNameOf(scope: unknown): string | null {
  if (scope === undefined || scope === null) return LOCAL_DB;
  const s = scope as Record<string, unknown>;
  if (typeof s !== 'object') return null;
  if (s.mode === 'local') return LOCAL_DB;
  if (
    s.mode === 'team' &&
    typeof s.userId === 'string' &&
    UUID.test(s.userId) &&
    typeof s.teamId === 'string' &&
    UUID.test(s.teamId) &&
    typeof s.teamName === 'string' &&
    s.teamName.length <= 200 &&
    (s.email === null || (typeof s.email === 'string' && s.email.length <= 254))
  )
    return `jalur-team-${s.teamId}-${s.userId}`;
  return null;
}

export interface StoredEnv {
  indexedDB: IDBFactory;
  /** Reads the `scope` key of the extension's local storage (where the background keeps it). */
  scope: () => Promise<unknown>;
}

function pageEnv(): StoredEnv | null {
  const g = globalThis as unknown as {
    browser?: { storage?: { local?: { get: (k: string) => Promise<Record<string, unknown>> } } };
    chrome?: { storage?: { local?: { get: (k: string) => Promise<Record<string, unknown>> } } };
  };
  const local = g.browser?.storage?.local ?? g.chrome?.storage?.local;
  if (!local || typeof indexedDB === 'undefined') return null;
  return { indexedDB, scope: () => local.get('scope').then((got) => got.scope) };
}

/** The two rows, read in one transaction of an already existing store; null if anything is off. */
function readRows(factory: IDBFactory, name: string, key: string): Promise<{ stamp: unknown; row: unknown } | null> {
  return new Promise((resolve) => {
    let req: IDBOpenDBRequest;
    try {
      // No version: the store as it is. A store that does not exist yet is not made here (aborted).
      req = factory.open(name);
    } catch {
      return resolve(null);
    }
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
    req.onsuccess = () => {
      const db = req.result;
      // Never in the way of the background upgrading the store.
      db.onversionchange = () => db.close();
      try {
        if (!db.objectStoreNames.contains(CACHES_TABLE)) {
          db.close();
          return resolve(null);
        }
        const tx = db.transaction(CACHES_TABLE, 'readonly');
        const store = tx.objectStore(CACHES_TABLE);
        const stamp = store.get(VIEWS_STAMP_KEY);
        const row = store.get(key);
        tx.oncomplete = () => resolve({ stamp: (stamp.result as { value?: unknown } | undefined)?.value, row: (row.result as { value?: unknown } | undefined)?.value });
        tx.onerror = tx.onabort = () => resolve(null);
        db.close();
      } catch {
        db.close();
        resolve(null);
      }
    };
  });
}

/**
 * The first screen of `kind` as kept for `request`, when it may be shown as current at `now`; else null.
 * Settles within STORED_READ_LIMIT_MS.
 */
export function readStoredFirstScreen(kind: FirstScreenKind, request: unknown, now: number, env: StoredEnv | null = pageEnv()): Promise<unknown> {
  if (!env) return Promise.resolve(null);
  const key = firstScreenKey(kind);
  // The local pipeline's store is read while the scope is still being read (most reps have no team):
  // one round trip less before the first paint. Used only if the scope names it.
  const local = readRows(env.indexedDB, LOCAL_DB, key);
  const read = (async () => {
    const name = storeNameOf(await env.scope());
    if (name === null) return null;
    const got = await (name === LOCAL_DB ? local : readRows(env.indexedDB, name, key));
    return got ? usableFirstScreen(got.row, got.stamp, request, now) : null;
  })().catch(() => null);
  return Promise.race([read, new Promise<null>((r) => setTimeout(() => r(null), STORED_READ_LIMIT_MS))]);
}
