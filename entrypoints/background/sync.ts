// Sync glue: when to run a round (after a change, debounced; on an alarm; at start-up; when the
// network returns; when a page shows a person), one round at a time, and the status the popup and
// side panel show. The status lives in storage, since the worker can be stopped between rounds.
import { isAuthRetryableFetchError } from '@supabase/supabase-js';
import { browser } from 'wxt/browser';
import type { Notice } from '../../lib/messaging/types';
import { syncOnce } from '../../lib/sync/engine';
import { LOCAL_STATUS, backoffMs, stateForFailure, type SyncStatus } from '../../lib/sync/status';
import { supabaseTransport } from '../../lib/sync/supabase-transport';
import { SyncError } from '../../lib/sync/transport';
import { supabase } from './backend';
import { readScope, storeContext } from './context';

export const SYNC_ALARM = 'sync';
export const SYNC_RETRY_ALARM = 'sync-retry';
const STATUS_KEY = 'syncStatus';
const DEBOUNCE_MS = 1_500;
/** A page showing a person pulls at most this often, so browsing does not become a request per click. */
const VIEW_PULL_MS = 3_000;

export async function readStatus(): Promise<SyncStatus> {
  const scope = await readScope();
  if (scope.mode === 'local') return LOCAL_STATUS;
  const stored = (await browser.storage.local.get(STATUS_KEY))[STATUS_KEY] as SyncStatus | undefined;
  const ctx = await storeContext();
  const [pending, rejected] = await Promise.all([ctx.db.outbox.count(), ctx.db.syncIssues.count()]);
  const base = stored && stored.state !== 'local' ? stored : { ...LOCAL_STATUS, state: 'pending' as const };
  // A worker stopped mid-round leaves "syncing" behind; only a round running in this worker is one.
  const settled = base.state === 'syncing' && !running ? 'pending' : base.state;
  const state = settled === 'synced' && pending > 0 ? 'pending' : settled === 'pending' && pending === 0 ? 'synced' : settled;
  return { ...base, state, pending, rejected };
}

async function writeStatus(status: SyncStatus): Promise<void> {
  await browser.storage.local.set({ [STATUS_KEY]: status });
  const notice: Notice = { type: 'syncChanged' };
  browser.runtime.sendMessage(notice).catch(() => undefined);
}

let running: Promise<SyncStatus> | null = null;
let again = false;
let debounce: ReturnType<typeof setTimeout> | null = null;

/**
 * One round now, unless one is running (then one more right after it). `force` ignores the
 * backoff: the rep pressed Retry, or the network just came back.
 */
export function runSync(onRemoteChange: () => Promise<void>, force = false): Promise<SyncStatus> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    let status = await round(onRemoteChange, force);
    while (again) {
      again = false;
      status = await round(onRemoteChange, false);
    }
    return status;
  })().finally(() => {
    running = null;
  });
  return running;
}

async function round(onRemoteChange: () => Promise<void>, force: boolean): Promise<SyncStatus> {
  const scope = await readScope();
  if (scope.mode === 'local') return LOCAL_STATUS;
  const before = await readStatus();
  const now = Date.now();
  if (!force && before.retryAt !== null && before.retryAt > now) return before;
  const client = await supabase();
  if (!client) {
    const status: SyncStatus = { ...before, state: 'error', reason: 'No Supabase project is configured', failure: 'not-configured', retryAt: null };
    await writeStatus(status);
    return status;
  }
  // An expired session is refreshed here; if that request cannot get out, this round is "offline".
  const { data, error } = await client.auth.getSession();
  if (error && isAuthRetryableFetchError(error)) return failed(before, new SyncError('offline', error.message, 0));
  if (!data.session || data.session.user.id !== scope.userId) {
    const status: SyncStatus = {
      ...before,
      state: 'signed-out',
      reason: 'Sign in again to sync; your changes are kept until then',
      failure: 'auth',
      retryAt: null,
    };
    await writeStatus(status);
    return status;
  }
  await writeStatus({ ...before, state: 'syncing' });
  const ctx = await storeContext();
  try {
    const result = await syncOnce(ctx, supabaseTransport(client));
    const after = await readStatus();
    const status: SyncStatus = {
      ...after,
      state: after.pending > 0 ? 'pending' : 'synced',
      reason: null,
      failure: null,
      lastSyncAt: Date.now(),
      retryAt: null,
      failures: 0,
    };
    await writeStatus(status);
    if (result.pulled > 0 || result.merged > 0 || result.rejected > 0) await onRemoteChange();
    return status;
  } catch (err) {
    return failed(before, err);
  }
}

/** A failed round: the reason shown, and the next try put off with backoff (not for "sign in again"). */
async function failed(before: SyncStatus, err: unknown): Promise<SyncStatus> {
  const kind = err instanceof SyncError ? err.kind : 'server';
  const failures = before.failures + 1;
  const retryAt = kind === 'auth' ? null : Date.now() + backoffMs(failures, Math.random());
  const after = await readStatus();
  const status: SyncStatus = {
    ...after,
    state: stateForFailure(kind),
    reason: err instanceof Error ? err.message.slice(0, 300) : String(err),
    failure: kind,
    retryAt,
    failures,
  };
  await writeStatus(status);
  if (retryAt !== null) await browser.alarms.create(SYNC_RETRY_ALARM, { when: retryAt });
  return status;
}

/** After a local change: one round shortly, so a burst of edits goes out as one batch. */
export function requestSync(onRemoteChange: () => Promise<void>): void {
  if (debounce) clearTimeout(debounce);
  debounce = setTimeout(() => {
    debounce = null;
    void readScope().then((s) => (s.mode === 'team' ? runSync(onRemoteChange) : undefined));
  }, DEBOUNCE_MS);
}

let viewPull: ReturnType<typeof setTimeout> | null = null;

/**
 * A page is showing someone: pull now, or, if a round finished moments ago, once the few seconds
 * are up — a teammate's change may have landed right after that round.
 */
export async function pullForView(onRemoteChange: () => Promise<void>): Promise<void> {
  const scope = await readScope();
  if (scope.mode === 'local') return;
  const status = await readStatus();
  const since = status.lastSyncAt === null ? Infinity : Date.now() - status.lastSyncAt;
  if (since >= VIEW_PULL_MS) {
    void runSync(onRemoteChange);
    return;
  }
  viewPull ??= setTimeout(() => {
    viewPull = null;
    void runSync(onRemoteChange);
  }, VIEW_PULL_MS - since);
}
