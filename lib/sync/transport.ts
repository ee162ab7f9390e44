import type { PullPage, PushResult, WireMutation } from './wire';

/** Why a sync round failed; decides what the rep is told and whether to back off. */
export type SyncFailure = 'offline' | 'auth' | 'forbidden' | 'server' | 'invalid';

export class SyncError extends Error {
  constructor(
    readonly kind: SyncFailure,
    message: string,
    readonly status?: number,
    /** The server's error code (a SQLSTATE such as 22P02, or PGRSTxxx), when it sent one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The two calls sync needs; `supabase-transport.ts` makes them with supabase-js. */
export interface SyncTransport {
  push(teamId: string, changes: WireMutation[]): Promise<PushResult[]>;
  pull(teamId: string, since: number, limit: number): Promise<PullPage>;
}

/** PostgREST status (0 = no answer) → failure kind (supabase/README.md "API"). */
export function failureFor(status: number): SyncFailure {
  if (status === 0) return 'offline';
  if (status === 401) return 'auth';
  if (status === 403) return 'forbidden';
  if (status >= 500 || status === 408 || status === 429) return 'server';
  return 'invalid';
}
