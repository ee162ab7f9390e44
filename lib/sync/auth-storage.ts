// supabase-js keeps its session through this adapter (not localStorage, which a service worker does
// not have). Only the session lives here, and only the background's client uses it. The area it is
// given is the extension origin's IndexedDB (lib/sync/secret-store.ts), which no content script can
// open, in Chrome or Firefox: LinkedIn's or a mailbox's page can never read the tokens through a
// content script, and the session still survives worker and browser restarts.
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export const AUTH_KEY_PREFIX = 'auth:';

export function authStorage(area: KeyValueArea) {
  return {
    async getItem(key: string): Promise<string | null> {
      const k = AUTH_KEY_PREFIX + key;
      const v = (await area.get(k))[k];
      return typeof v === 'string' ? v : null;
    },
    async setItem(key: string, value: string): Promise<void> {
      await area.set({ [AUTH_KEY_PREFIX + key]: value });
    },
    async removeItem(key: string): Promise<void> {
      await area.remove(AUTH_KEY_PREFIX + key);
    },
  };
}
