// Team RPCs through supabase-js and the PostgREST stand-in: response shapes and error mapping.
import { describe, expect, it } from 'vitest';
import { makeTeam, newClient, signUp, useStandIn } from './helpers';

const ctx = useStandIn();

describe('teams', () => {
  it('create_team returns a uuid scalar; my_teams an array of rows', async () => {
    const { client } = await signUp(ctx, 'creator');
    const created = await client.rpc('create_team', { name: '  Nusa sales  ' });
    expect(created.status).toBe(200);
    expect(created.data).toMatch(/^[0-9a-f-]{36}$/);
    const mine = await client.rpc('my_teams');
    expect(mine.data).toEqual([
      { team_id: created.data, name: 'Nusa sales', role: 'owner', joined_at: expect.any(String), member_count: 1 },
    ]);
  });

  it('invite + join by a second user; the used code is refused with 400 P0001', async () => {
    const { teamId, owner } = await makeTeam(ctx, 'join');
    const invite = await owner.client.rpc('create_invite', { team_id: teamId, role: 'rep', valid_hours: 24 });
    expect(invite.error).toBeNull();
    const rows = invite.data as { code: string; expires_at: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.code).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/);
    expect(Date.parse(rows[0]!.expires_at) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);

    const rep = await signUp(ctx, 'joiner');
    const joined = await rep.client.rpc('join_team', { code: rows[0]!.code.toLowerCase().replace(/-/g, ' ') });
    expect(joined.data).toBe(teamId);
    const repTeams = await rep.client.rpc('my_teams');
    expect(repTeams.data).toMatchObject([{ team_id: teamId, role: 'rep', member_count: 2 }]);
    const ownerTeams = await owner.client.rpc('my_teams');
    expect(ownerTeams.data).toMatchObject([{ team_id: teamId, role: 'owner', member_count: 2 }]);

    const late = await signUp(ctx, 'late');
    const again = await late.client.rpc('join_team', { code: rows[0]!.code });
    expect(again.status).toBe(400);
    expect(again.error).toEqual({ code: 'P0001', details: null, hint: null, message: 'this invite code is invalid, used or expired' });
  });

  it('a rep may not invite: 42501 with a user is 403', async () => {
    const { teamId, reps } = await makeTeam(ctx, 'repinvite', 1);
    const res = await reps[0]!.client.rpc('create_invite', { team_id: teamId });
    expect(res.status).toBe(403);
    expect(res.error).toMatchObject({ code: '42501', message: 'only owners and admins can invite' });
  });

  it('bad arguments are 400 22023; a void function answers 204', async () => {
    const { teamId, owner, reps } = await makeTeam(ctx, 'args', 1);
    const empty = await owner.client.rpc('create_team', { name: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.error).toMatchObject({ code: '22023', message: 'a team name needs 1 to 100 characters' });
    const hours = await owner.client.rpc('create_invite', { team_id: teamId, valid_hours: 0 });
    expect(hours.error).toMatchObject({ code: '22023', message: 'valid_hours must be between 1 and 720' });

    const promoted = await owner.client.rpc('set_member_role', { team_id: teamId, user_id: reps[0]!.userId, role: 'admin' });
    expect(promoted.status).toBe(204);
    expect(promoted.error).toBeNull();
    expect(promoted.data).toBeNull();
  });

  it('unknown function or arguments: 404 PGRST202; a bad uuid: 400 22P02', async () => {
    const { client } = await signUp(ctx, 'unknown');
    const missing = await client.rpc('no_such_function');
    expect(missing.status).toBe(404);
    expect(missing.error).toMatchObject({ code: 'PGRST202', message: 'Could not find the function public.no_such_function without parameters in the schema cache' });
    const wrongArgs = await client.rpc('create_team', { title: 'x' });
    expect(wrongArgs.status).toBe(404);
    expect(wrongArgs.error).toMatchObject({ code: 'PGRST202', message: 'Could not find the function public.create_team(title) in the schema cache' });
    const badUuid = await client.rpc('sync_pull', { team_id: 'not-a-uuid' });
    expect(badUuid.status).toBe(400);
    expect(badUuid.error).toMatchObject({ code: '22P02' });
  });

  it('Prefer: count=exact is answered through Content-Range', async () => {
    const { client } = await signUp(ctx, 'count');
    await client.rpc('create_team', { name: 'One' });
    await client.rpc('create_team', { name: 'Two' });
    const res = await client.rpc('my_teams', {}, { count: 'exact' });
    expect(res.count).toBe(2);
    expect(res.data).toHaveLength(2);
  });

  it('anon (apikey only) is 401 with the PostgREST error body and WWW-Authenticate', async () => {
    const anon = newClient(ctx);
    const res = await anon.rpc('create_team', { name: 'Nope' });
    expect(res.status).toBe(401);
    expect(res.error).toEqual({ code: '42501', details: null, hint: null, message: 'permission denied for function create_team' });

    const raw = await fetch(`${ctx.standIn.url}/rest/v1/rpc/my_teams`, {
      method: 'POST',
      headers: { apikey: ctx.standIn.anonKey, Authorization: `Bearer ${ctx.standIn.anonKey}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(raw.status).toBe(401);
    expect(raw.headers.get('www-authenticate')).toBe('Bearer');
    expect(raw.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });
});

describe('gateway', () => {
  it('requires the apikey header, answers CORS preflight from an extension origin', async () => {
    const noKey = await fetch(`${ctx.standIn.url}/rest/v1/rpc/my_teams`, { method: 'POST', body: '{}' });
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ message: 'No API key found in request' });
    const badKey = await fetch(`${ctx.standIn.url}/auth/v1/user`, { headers: { apikey: 'nope' } });
    expect(badKey.status).toBe(401);
    expect(await badKey.json()).toMatchObject({ message: 'Invalid API key' });

    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const pre = await fetch(`${ctx.standIn.url}/rest/v1/rpc/sync_push`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'apikey, authorization, content-type, x-client-info' },
    });
    expect(pre.status).toBe(200);
    expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');

    const call = await fetch(`${ctx.standIn.url}/rest/v1/rpc/my_teams`, {
      method: 'POST', headers: { Origin: origin, apikey: ctx.standIn.anonKey, 'Content-Type': 'application/json' }, body: '{}',
    });
    expect(call.headers.get('access-control-allow-origin')).toBe(origin);
  });
});
