// What the popup and side panel say about sync, and when to try again after a failure.
import type { SyncFailure } from './transport';

export type SyncState = 'local' | 'synced' | 'pending' | 'syncing' | 'offline' | 'error' | 'signed-out';

export interface SyncStatus {
  state: SyncState;
  /** Changes waiting in the outbox. */
  pending: number;
  /** Mutations the server refused, kept for the rep to read. */
  rejected: number;
  /** The server's or the library's own words (English, technical): shown as detail only. */
  reason: string | null;
  /** Why the last round failed, which the pages word in the UI language; absent while nothing failed. */
  failure?: SyncFailure | 'not-configured' | null;
  lastSyncAt: number | null;
  retryAt: number | null;
  failures: number;
}

export const LOCAL_STATUS: SyncStatus = {
  state: 'local',
  pending: 0,
  rejected: 0,
  reason: null,
  lastSyncAt: null,
  retryAt: null,
  failures: 0,
};

const BASE_MS = 5_000;
const CAP_MS = 10 * 60_000;

/** Exponential backoff with jitter: retries spread out, so reps coming back online do not all hit at once. */
export function backoffMs(failures: number, random: number): number {
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling * (0.5 + 0.5 * random));
}

export function stateForFailure(kind: SyncFailure): SyncState {
  if (kind === 'offline') return 'offline';
  if (kind === 'auth') return 'signed-out';
  return 'error';
}
