import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { authStorage, type KeyValueArea } from './auth-storage';
import { idbArea, migratingArea, type LegacyArea } from './secret-store';

/** storage.local as a plain map (what a content script on Firefox could read). */
function fakeLocal(initial: Record<string, unknown>): LegacyArea & { data: Record<string, unknown> } {
  const data = { ...initial };
  return {
    data,
    async get() {
      return { ...data };
    },
    async remove(keys) {
      for (const k of keys) delete data[k];
    },
  };
}

const session = JSON.stringify({ access_token: 'access-secret', refresh_token: 'refresh-secret' });

describe('the session lives in the extension origin\'s IndexedDB', () => {
  it('keeps, reads and removes values across connections (a restarted worker)', async () => {
    const idb = new IDBFactory();
    const first = authStorage(idbArea(idb));
    await first.setItem('jalur-session', session);
    const again = authStorage(idbArea(idb));
    expect(await again.getItem('jalur-session')).toBe(session);
    await again.removeItem('jalur-session');
    expect(await authStorage(idbArea(idb)).getItem('jalur-session')).toBeNull();
  });

  it('moves an existing session out of storage.local before the first read, leaving other keys', async () => {
    const idb = new IDBFactory();
    const local = fakeLocal({
      'auth:jalur-session': session,
      'auth:jalur-session-code-verifier': 'verifier',
      backend: { url: 'https://abcd.supabase.co', anonKey: 'sb_publishable_x' },
      scope: { mode: 'local' },
    });
    const store = authStorage(migratingArea(idbArea(idb), local));
    expect(await store.getItem('jalur-session')).toBe(session);
    expect(local.data).toEqual({ backend: { url: 'https://abcd.supabase.co', anonKey: 'sb_publishable_x' }, scope: { mode: 'local' } });
    // Nothing secret remains where a content script could read it; the move is kept.
    expect(Object.keys(local.data).some((k) => k.startsWith('auth:'))).toBe(false);
    expect(await authStorage(idbArea(idb)).getItem('jalur-session-code-verifier')).toBe('verifier');
  });

  it('a newer session already in IndexedDB wins over a stale copy in storage.local', async () => {
    const idb = new IDBFactory();
    await authStorage(idbArea(idb)).setItem('jalur-session', 'newer');
    const local = fakeLocal({ 'auth:jalur-session': 'older' });
    expect(await authStorage(migratingArea(idbArea(idb), local)).getItem('jalur-session')).toBe('newer');
    expect(local.data).toEqual({});
  });

  it('a failed move keeps the old copy and is tried again', async () => {
    const idb = new IDBFactory();
    const local = fakeLocal({ 'auth:jalur-session': session });
    let fail = true;
    const real = idbArea(idb);
    const flaky: KeyValueArea = {
      ...real,
      async set(items) {
        if (fail) throw new Error('disk full');
        await real.set(items);
      },
    };
    const store = authStorage(migratingArea(flaky, local));
    await expect(store.getItem('jalur-session')).rejects.toThrow('disk full');
    expect(local.data).toEqual({ 'auth:jalur-session': session });
    fail = false;
    expect(await store.getItem('jalur-session')).toBe(session);
    expect(local.data).toEqual({});
  });
});
