import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { browser } from 'wxt/browser';
import { authStorage } from '../../lib/sync/auth-storage';
import { BackendConfigSchema, type BackendConfig } from '../../lib/sync/backend-config';

const BACKEND_KEY = 'backend';

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
 * The extension's only supabase-js client, created on demand in the worker (never in a content
 * script). Its session lives in extension storage; the library refreshes it before each call that
 * needs it, since a worker's timers do not survive it being stopped.
 */
export async function supabase(): Promise<SupabaseClient | null> {
  const config = await readBackend();
  if (!config) return null;
  const key = `${config.url} ${config.anonKey}`;
  if (cached?.key === key) return cached.client;
  const client = createClient(config.url, config.anonKey, {
    auth: {
      storage: authStorage(browser.storage.local as never),
      storageKey: 'jalur-session',
      persistSession: true,
      autoRefreshToken: false,
      detectSessionInUrl: false,
    },
  });
  cached = { key, client };
  return client;
}
