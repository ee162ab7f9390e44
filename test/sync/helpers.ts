// Shared setup for the sync integration tests: one stand-in per test file over DATABASE_URL,
// real supabase-js clients, unique users per test.
import { randomUUID } from 'node:crypto';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { formatHlc } from '../../lib/sync/hlc';
import { startStandIn, type StandIn } from '../stand-in/server';

export const DATABASE_URL = process.env.DATABASE_URL ?? '';
if (!DATABASE_URL) throw new Error('DATABASE_URL is not set: run these tests through scripts/test-db.sh');

/**
 * Node 20 has no global WebSocket and supabase-js builds its realtime client eagerly; the
 * extension does not use realtime, so a transport that refuses to connect is enough.
 */
class NoWebSocket {
  constructor() {
    throw new Error('realtime is not used by these tests');
  }
}

export interface Ctx {
  standIn: StandIn;
  admin: pg.Client;
}

/** Starts the stand-in for this file; the returned object is filled in by beforeAll. */
export function useStandIn(): Ctx {
  const ctx = {} as Ctx;
  beforeAll(async () => {
    ctx.standIn = await startStandIn({ databaseUrl: DATABASE_URL, bcryptCost: 4 });
    ctx.admin = new pg.Client({ connectionString: DATABASE_URL });
    await ctx.admin.connect();
  });
  afterAll(async () => {
    await ctx.admin?.end();
    await ctx.standIn?.stop();
  });
  return ctx;
}

export function newClient(ctx: Ctx, options: { headers?: Record<string, string> } = {}): SupabaseClient {
  return createClient(ctx.standIn.url, ctx.standIn.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: NoWebSocket as never },
    global: options.headers ? { headers: options.headers } : undefined,
  });
}

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@sync-test.example.com`;
}

export interface SignedIn {
  client: SupabaseClient;
  email: string;
  password: string;
  userId: string;
}

export async function signUp(ctx: Ctx, label: string): Promise<SignedIn> {
  const client = newClient(ctx);
  const email = uniqueEmail(label);
  const password = `pw-${randomUUID()}`;
  const { data, error } = await client.auth.signUp({ email, password, options: { data: { full_name: `Test ${label}` } } });
  if (error || !data.session || !data.user) throw error ?? new Error('sign-up returned no session');
  return { client, email, password, userId: data.user.id };
}

/** An owner with a fresh team, plus `reps` teammates who joined with invite codes. */
export async function makeTeam(ctx: Ctx, label: string, reps = 0) {
  const owner = await signUp(ctx, `${label}-owner`);
  const { data: teamId, error } = await owner.client.rpc('create_team', { name: `Team ${label}` });
  if (error) throw new Error(error.message);
  const members: SignedIn[] = [];
  for (let i = 0; i < reps; i++) {
    const rep = await signUp(ctx, `${label}-rep${i}`);
    const invite = await owner.client.rpc('create_invite', { team_id: teamId, role: 'rep' });
    if (invite.error) throw new Error(invite.error.message);
    const joined = await rep.client.rpc('join_team', { code: (invite.data as { code: string }[])[0]!.code });
    if (joined.error) throw new Error(joined.error.message);
    members.push(rep);
  }
  return { teamId: teamId as string, owner, reps: members };
}

let counter = 0;
/** A clock in the clients' format (lib/sync/hlc.ts). */
export function hlc(node: string, millis = Date.now()): string {
  counter = (counter + 1) % 36 ** 6;
  return formatHlc({ millis, counter }, node);
}

export interface Mutation {
  mutation_id: string;
  entity: string;
  op: 'upsert' | 'delete';
  id: string;
  hlc: string;
  fields?: Record<string, unknown>;
}

export function mutation(entity: string, id: string, clock: string, fields?: Record<string, unknown>, op: 'upsert' | 'delete' = 'upsert'): Mutation {
  return { mutation_id: randomUUID(), entity, op, id, hlc: clock, ...(fields ? { fields } : {}) };
}

export interface PushResult {
  mutation_id: string;
  status: 'applied' | 'duplicate' | 'rejected';
  code?: string;
  reason?: string;
  conflict_id?: string;
}

export async function push(client: SupabaseClient, teamId: string, changes: unknown): Promise<PushResult[]> {
  const { data, error } = await client.rpc('sync_push', { team_id: teamId, changes });
  if (error) throw new Error(`sync_push: ${error.code} ${error.message}`);
  return (data as { results: PushResult[] }).results;
}

export interface PullChange {
  entity: string;
  id: string;
  seq: number;
  data: Record<string, unknown>;
}

/** Pulls from `since` until has_more is false; returns every page. */
export async function pullAll(client: SupabaseClient, teamId: string, since = 0, lim = 1000) {
  const pages: { changes: PullChange[]; next_cursor: number; has_more: boolean }[] = [];
  let cursor = since;
  for (;;) {
    const { data, error } = await client.rpc('sync_pull', { team_id: teamId, since: cursor, lim });
    if (error) throw new Error(`sync_pull: ${error.code} ${error.message}`);
    const page = data as (typeof pages)[number];
    pages.push(page);
    cursor = page.next_cursor;
    if (!page.has_more) break;
    if (pages.length > 10_000) throw new Error('sync_pull never finished');
  }
  return { pages, cursor, changes: pages.flatMap((p) => p.changes) };
}

export function decodeJwt(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export { randomUUID };
