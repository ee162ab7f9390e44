// Backend connection, sign-in, teams and sync requests from the extension's pages.
import type { SupabaseClient } from '@supabase/supabase-js';
import { AccountRequestSchema, type AccountRequest } from '../../lib/messaging/account';
import { describeIssues } from '../../lib/messaging/schemas';
import { CodedError, errorReply, zodReply } from '../../lib/messaging/errors';
import type { AccountView, Reply, RequestType, ResponseMap, TeamView } from '../../lib/messaging/types';
import { adoptLocal } from '../../lib/sync/adopt';
import { clearRefused, discardIssue, listIssues, retryIssue } from '../../lib/sync/quarantine';
import { pullAll } from '../../lib/sync/pull';
import { supabaseTransport } from '../../lib/sync/supabase-transport';
import { LOCAL_SCOPE } from '../../lib/sync/scope';
import { InviteRowSchema, TeamRowSchema } from '../../lib/sync/wire';
import { readBackend, supabase, writeBackend } from './backend';
import { contextFor, localContext, readScope, writeScope } from './context';
import { readStatus, runSync } from './sync';

export interface AccountHooks {
  /** Data the views show changed (another scope, pulled rows): badge and views refresh. */
  changed(): Promise<void>;
}

// Every refusal carries a code the options page words in its language (lib/messaging/errors.ts).
const UserError = CodedError;

async function client(): Promise<SupabaseClient> {
  const c = await supabase();
  if (!c) throw new UserError('backend_missing', 'Connect a Supabase project first');
  return c;
}

async function view(): Promise<AccountView> {
  const backend = await readBackend();
  const c = await supabase();
  const session = c ? (await c.auth.getSession()).data.session : null;
  const local = await localContext();
  return {
    backend: backend ? { url: backend.url } : null,
    user: session ? { id: session.user.id, email: session.user.email ?? null } : null,
    scope: await readScope(),
    localProspects: await local.db.prospects.filter((p) => p.deletedAt === null).count(),
  };
}

function authMessage(err: { message: string; code?: string } | null): never {
  const known: Record<string, string> = {
    invalid_credentials: 'Wrong e-mail or password',
    user_already_exists: 'There is already an account with this e-mail: sign in instead',
    weak_password: 'Choose a longer password',
    otp_expired: 'The code has expired or was already used: ask for a new one',
    email_not_confirmed: 'Confirm your e-mail address first (see the mail from Supabase)',
    over_request_rate_limit: 'Too many attempts: wait a minute and try again',
  };
  const codes: Record<string, string> = {
    invalid_credentials: 'auth_invalid_credentials',
    user_already_exists: 'auth_user_exists',
    weak_password: 'auth_weak_password',
    otp_expired: 'auth_code_expired',
    email_not_confirmed: 'auth_email_not_confirmed',
    over_request_rate_limit: 'auth_rate_limited',
  };
  const sentence = (err?.code && known[err.code]) || err?.message || 'The project did not answer';
  if (err?.code && codes[err.code]) throw new UserError(codes[err.code]!, sentence);
  throw err ? new UserError('server_refused', sentence, [sentence]) : new UserError('auth_no_answer', sentence);
}

async function rpc(fn: string, args: Record<string, unknown>): Promise<unknown> {
  const { data, error } = await (await client()).rpc(fn, args);
  if (error) throw new UserError('server_refused', error.message, [error.message]);
  return data;
}

/** Leaves the team scope when the user who owned it is gone; their queued work stays in its database. */
async function leaveTeamScopeIfNotUser(userId: string | null): Promise<void> {
  const scope = await readScope();
  if (scope.mode === 'team' && scope.userId !== userId) await writeScope(LOCAL_SCOPE);
}

async function dispatch(req: AccountRequest, hooks: AccountHooks): Promise<ResponseMap[RequestType]> {
  switch (req.type) {
    case 'account':
      return view();
    case 'connect': {
      // Validated whole by AccountRequestSchema: an https Supabase project (or loopback) and an anon key.
      const { url, anonKey } = req;
      // The project must answer as Supabase Auth does before anything is stored.
      let res: Response;
      try {
        res = await fetch(`${url}/auth/v1/health`, { headers: { apikey: anonKey } });
      } catch {
        throw new UserError('backend_unreachable', `Could not reach ${url}: check the URL and your connection`, [url]);
      }
      if (res.status === 401 || res.status === 403) throw new UserError('backend_key_refused', 'The project refused this key: copy the anon key again');
      if (!res.ok) throw new UserError('backend_not_supabase', `${url} does not answer like a Supabase project (HTTP ${res.status})`, [url, String(res.status)]);
      await writeBackend({ url, anonKey });
      return view();
    }
    case 'disconnect': {
      if ((await readScope()).mode === 'team') throw new UserError('sign_out_first', 'Sign out first');
      await writeBackend(null);
      return view();
    }
    case 'signIn': {
      const { data, error } = await (await client()).auth.signInWithPassword({ email: req.email, password: req.password });
      if (error || !data.session) authMessage(error);
      await leaveTeamScopeIfNotUser(data.session.user.id);
      return view();
    }
    case 'signUp': {
      const { data, error } = await (await client()).auth.signUp({ email: req.email, password: req.password });
      if (error) authMessage(error);
      if (!data.session) throw new UserError('auth_confirm_email', 'Account created: confirm your e-mail address, then sign in');
      await leaveTeamScopeIfNotUser(data.session.user.id);
      return view();
    }
    case 'sendCode': {
      const { error } = await (await client()).auth.signInWithOtp({ email: req.email });
      if (error) authMessage(error);
      return { sent: true };
    }
    case 'verifyCode': {
      const { data, error } = await (await client()).auth.verifyOtp({ email: req.email, token: req.code, type: 'email' });
      if (error || !data.session) authMessage(error);
      await leaveTeamScopeIfNotUser(data.session.user.id);
      return view();
    }
    case 'signOut': {
      const c = await supabase();
      // Local sign-out: other devices of this rep stay signed in. Queued work waits in the team's database.
      if (c) await c.auth.signOut({ scope: 'local' });
      await writeScope(LOCAL_SCOPE);
      await hooks.changed();
      return view();
    }
    case 'teams': {
      const rows = TeamRowSchema.array().safeParse(await rpc('my_teams', {}));
      if (!rows.success) throw new UserError('backend_schema_missing', 'The project answered my_teams with something unexpected: is the Jalur schema deployed?', ['my_teams']);
      const teams: TeamView[] = rows.data.map((r) => ({
        teamId: r.team_id,
        name: r.name,
        role: r.role,
        memberCount: r.member_count ?? null,
      }));
      return { teams };
    }
    case 'createTeam':
      return { teamId: String(await rpc('create_team', { name: req.name })) };
    case 'joinTeam':
      return { teamId: String(await rpc('join_team', { code: req.code })) };
    case 'useTeam':
      return useTeam(req.teamId, req.bringLocal, hooks);
    case 'invite': {
      const scope = await readScope();
      if (scope.mode !== 'team') throw new UserError('choose_team_first', 'Choose a team first');
      const rows = InviteRowSchema.array().safeParse(await rpc('create_invite', { team_id: scope.teamId, role: req.role }));
      if (!rows.success || !rows.data[0]) throw new UserError('backend_schema_missing', 'The project answered create_invite with something unexpected', ['create_invite']);
      return { code: rows.data[0].code, expiresAt: rows.data[0].expires_at };
    }
    case 'syncStatus':
      return readStatus();
    case 'syncNow':
      return runSync(hooks.changed, true);
    case 'syncIssues':
      return { issues: await listIssues(await contextFor(await readScope())) };
    case 'clearSyncIssues':
      return { cleared: await clearRefused(await contextFor(await readScope())) };
    case 'retrySyncIssue': {
      const requeued = await retryIssue(await contextFor(await readScope()), req.id);
      if (requeued > 0) void runSync(hooks.changed, true);
      return { requeued };
    }
    case 'discardSyncIssue':
      await discardIssue(await contextFor(await readScope()), req.id);
      return { discarded: true };
  }
}

/**
 * Switches to a team's pipeline: its rows are pulled first (so stages exist and duplicates can be
 * recognised), then the local pipeline is brought in if the rep asked, then the scope changes.
 */
async function useTeam(teamId: string, bringLocal: boolean, hooks: AccountHooks): Promise<ResponseMap['useTeam']> {
  const c = await client();
  const session = (await c.auth.getSession()).data.session;
  if (!session) throw new UserError('sign_in_first', 'Sign in first');
  const { teams } = (await dispatch({ type: 'teams' }, hooks)) as ResponseMap['teams'];
  const team = teams.find((t) => t.teamId === teamId);
  if (!team) throw new UserError('not_team_member', 'You are not a member of that team');
  const scope = { mode: 'team' as const, userId: session.user.id, email: session.user.email ?? null, teamId, teamName: team.name };
  const ctx = await contextFor(scope);
  await pullAll(ctx, supabaseTransport(c));
  let added = 0;
  let merged = 0;
  if (bringLocal) {
    const report = await adoptLocal(await localContext(), ctx);
    added = report.added;
    merged = report.merged;
  }
  await writeScope(scope);
  await hooks.changed();
  void runSync(hooks.changed, true);
  return { account: await view(), added, merged };
}

export async function handleAccountRequest(raw: unknown, hooks: AccountHooks): Promise<Reply<RequestType>> {
  const parsed = AccountRequestSchema.safeParse(raw);
  if (!parsed.success) return zodReply(parsed.error, describeIssues(parsed.error));
  try {
    return { ok: true, data: await dispatch(parsed.data, hooks) };
  } catch (err) {
    return errorReply(err);
  }
}
