import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { browser } from 'wxt/browser';
import { authStorage } from '../../lib/sync/auth-storage';
import { BackendConfigSchema, type BackendConfig } from '../../lib/sync/backend-config';
import { idbArea, migratingArea } from '../../lib/sync/secret-store';

const BACKEND_KEY = 'backend';

interface RestrictableArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

/**
 * Extension storage holds the Supabase session, the project URL and key, the scope and sync state.
 * Content scripts live inside LinkedIn's and the mail sites' pages; by default Chrome lets them read
 * and write `storage.local` (and hear its changes). Restricted to trusted contexts, only this worker
 * and Jalur's own pages reach it. Chrome keeps the level across restarts; it is set again at every
 * start so it holds from the first run on. Browsers without the call for an area (Firefox has it for
 * session only) keep their default; a failure is reported, never fatal to the worker.
 */
export function restrictStorageToExtension(): Promise<void> {
  const areas: [string, RestrictableArea | undefined][] = [
    ['local', browser.storage.local as RestrictableArea],
    ['session', browser.storage.session as RestrictableArea | undefined],
  ];
  return Promise.all(
    areas.map(async ([name, area]) => {
      if (typeof area?.setAccessLevel !== 'function') return;
      try {
        await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      } catch (err) {
        console.error(`Jalur could not restrict storage.${name} to its own pages`, err);
      }
    }),
  ).then(() => undefined);
}

export async function readBackend(): Promise<BackendConfig | null> {
  const stored = (await browser.storage.local.get(BACKEND_KEY))[BACKEND_KEY];
  const parsed = BackendConfigSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export async function writeBackend(config: BackendConfig | null): Promise<void> {
  cached = null;
  if (config) await browser.storage.local.set({ [BACKEND_KEY]: config });
  else await browser.storage.local.remove(BACKEND_KEY);
}

let cached: { key: string; client: SupabaseClient } | null = null;

/**
 * Where the session is kept: the extension origin's IndexedDB, which no content script can open in
 * Chrome or Firefox (Firefox cannot close storage.local to content scripts). A session that an earlier
 * version kept in storage.local is moved there on first use.
 */
const sessionArea = migratingArea(idbArea(), browser.storage.local as never);

/**
 * The extension's only supabase-js client, created on demand in the worker (never in a content
 * script). Its session lives in the extension's own IndexedDB (lib/sync/secret-store.ts), so it
 * survives worker and browser restarts without a page ever seeing it; the library refreshes it before
 * each call that needs it, since a worker's timers do not survive it being stopped.
 */
export async function supabase(): Promise<SupabaseClient | null> {
  const config = await readBackend();
  if (!config) return null;
  const key = `${config.url} ${config.anonKey}`;
  if (cached?.key === key) return cached.client;
  const client = createClient(config.url, config.anonKey, {
    auth: {
      storage: authStorage(sessionArea),
      storageKey: 'jalur-session',
      persistSession: true,
      autoRefreshToken: false,
      detectSessionInUrl: false,
    },
  });
  cached = { key, client };
  return client;
}
