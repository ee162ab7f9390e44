// Where the Supabase session (access and refresh token) lives: the extension origin's own IndexedDB.
// Chromium can close extension storage to content scripts (storage.setAccessLevel), Firefox only
// storage.session, so on Firefox anything in storage.local is readable by a content script running
// inside LinkedIn's or a mailbox's page. IndexedDB belongs to the extension's origin: a content script
// opens the page's IndexedDB, never this one, in either browser. Unlike storage.session it survives
// worker and browser restarts, so the rep stays signed in as before.
import { AUTH_KEY_PREFIX, type KeyValueArea } from './auth-storage';

export const SECRET_DB = 'jalur-secrets';
const STORE = 'kv';

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** A key-value area over one object store, with the shape of `storage.local` that authStorage needs. */
export function idbArea(idb?: IDBFactory, name = SECRET_DB): KeyValueArea {
  let db: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    db ??= new Promise<IDBDatabase>((resolve, reject) => {
      // Looked up at first use, not at import, so modules importing this load where there is none.
      const req = (idb ?? indexedDB).open(name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => {
        // Another version (a later Jalur) asking to upgrade must not be blocked by this connection.
        req.result.onversionchange = () => {
          req.result.close();
          db = null;
        };
        resolve(req.result);
      };
      req.onerror = () => {
        db = null;
        reject(req.error ?? new Error('Could not open the session store'));
      };
    });
    return db;
  };
  const run = async <T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const tx = (await open()).transaction(STORE, mode);
    const result = done(op(tx.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
    return result;
  };
  return {
    async get(key) {
      const v: unknown = await run('readonly', (s) => s.get(key));
      return v === undefined ? {} : { [key]: v };
    },
    async set(items) {
      const entries = Object.entries(items);
      if (entries.length === 0) return;
      await run('readwrite', (s) => {
        let last!: IDBRequest<IDBValidKey>;
        for (const [k, v] of entries) last = s.put(v, k);
        return last;
      });
    },
    async remove(key) {
      await run('readwrite', (s) => s.delete(key));
    },
  };
}

/** storage.local as far as the move needs it: everything it holds, and removal of some keys. */
export interface LegacyArea {
  get(keys: null): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

/**
 * The session store, moving what earlier versions kept in storage.local (`auth:*` keys) into it
 * before the first read or write. A key already in the new store wins (it is newer); the old copy is
 * removed either way. A failed move is tried again at the next access; nothing is lost meanwhile,
 * since the old copy is removed only after the new one is written.
 */
export function migratingArea(target: KeyValueArea, legacy: LegacyArea): KeyValueArea {
  let moved: Promise<void> | null = null;
  const ready = (): Promise<void> => {
    moved ??= (async () => {
      const all = await legacy.get(null);
      const keys = Object.keys(all).filter((k) => k.startsWith(AUTH_KEY_PREFIX));
      if (keys.length === 0) return;
      for (const k of keys) {
        const present = await target.get(k);
        if (!(k in present)) await target.set({ [k]: all[k] });
      }
      await legacy.remove(keys);
    })().catch((err: unknown) => {
      moved = null;
      throw err;
    });
    return moved;
  };
  return {
    async get(key) {
      await ready();
      return target.get(key);
    },
    async set(items) {
      await ready();
      await target.set(items);
    },
    async remove(key) {
      await ready();
      await target.remove(key);
    },
  };
}
