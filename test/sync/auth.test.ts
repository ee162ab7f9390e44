// Sign-in flows of the real supabase-js auth client against the GoTrue stand-in, and what the
// PostgREST stand-in does with the tokens it issues.
import { describe, expect, it } from 'vitest';
import { signJwt } from '../stand-in/jwt';
import { decodeJwt, newClient, signUp, sleep, uniqueEmail, useStandIn } from './helpers';

const ctx = useStandIn();

describe('e-mail and password', () => {
  it('signs up, signs in and reads the user; the access token has GoTrue claims', async () => {
    const { email, password, userId } = await signUp(ctx, 'pw');
    const client = newClient(ctx);
    const { data, error } = await client.auth.signInWithPassword({ email, password });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(userId);
    expect(data.session?.token_type).toBe('bearer');
    expect(data.session?.expires_in).toBe(3600);
    const claims = decodeJwt(data.session!.access_token);
    expect(claims).toMatchObject({
      aud: 'authenticated', sub: userId, email, phone: '', role: 'authenticated', aal: 'aal1', is_anonymous: false,
      iss: `${ctx.standIn.url}/auth/v1`,
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: { full_name: 'Test pw' },
    });
    expect(claims.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
    expect(typeof claims.session_id).toBe('string');
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);

    const user = await client.auth.getUser();
    expect(user.error).toBeNull();
    expect(user.data.user?.email).toBe(email);
    // The user exists in auth.users with a bcrypt hash, as GoTrue stores it.
    const { rows } = await ctx.admin.query('select encrypted_password, email_confirmed_at from auth.users where id = $1', [userId]);
    expect(rows[0].encrypted_password).toMatch(/^\$2a\$/);
    expect(rows[0].email_confirmed_at).not.toBeNull();
  });

  it('rejects a wrong password and a second sign-up with GoTrue error codes', async () => {
    const { email } = await signUp(ctx, 'wrong');
    const client = newClient(ctx);
    const bad = await client.auth.signInWithPassword({ email, password: 'not-the-password' });
    expect(bad.data.session).toBeNull();
    expect(bad.error).toMatchObject({ status: 400, code: 'invalid_credentials', message: 'Invalid login credentials' });
    const again = await client.auth.signUp({ email, password: 'another-password' });
    expect(again.error).toMatchObject({ status: 422, code: 'user_already_exists' });
    const weak = await client.auth.signUp({ email: uniqueEmail('weak'), password: '123' });
    expect(weak.error).toMatchObject({ status: 422, code: 'weak_password' });
  });
});

describe('e-mail one-time code', () => {
  it('creates the user on first request, signs in with the code once', async () => {
    const client = newClient(ctx);
    const email = uniqueEmail('otp');
    const sent = await client.auth.signInWithOtp({ email });
    expect(sent.error).toBeNull();
    const code = ctx.standIn.gotrue.lastOtp(email);
    expect(code).toMatch(/^\d{6}$/);

    const wrong = await client.auth.verifyOtp({ email, token: code === '000000' ? '111111' : '000000', type: 'email' });
    expect(wrong.error).toMatchObject({ status: 403, code: 'otp_expired' });

    const { data, error } = await client.auth.verifyOtp({ email, token: code!, type: 'email' });
    expect(error).toBeNull();
    expect(data.user?.email).toBe(email);
    expect(decodeJwt(data.session!.access_token).amr).toEqual([{ method: 'otp', timestamp: expect.any(Number) }]);
    // Signed in: an RPC runs as this user.
    const teams = await client.rpc('my_teams');
    expect(teams.error).toBeNull();
    expect(teams.data).toEqual([]);

    const reused = await newClient(ctx).auth.verifyOtp({ email, token: code!, type: 'email' });
    expect(reused.error).toMatchObject({ status: 403, code: 'otp_expired' });
  });

  it('does not create a user when shouldCreateUser is false', async () => {
    const { error } = await newClient(ctx).auth.signInWithOtp({ email: uniqueEmail('nouser'), options: { shouldCreateUser: false } });
    expect(error).toMatchObject({ status: 422, code: 'otp_disabled' });
  });
});

describe('sessions', () => {
  it('rotates refresh tokens; an unknown one is refused', async () => {
    const { client } = await signUp(ctx, 'rotate');
    const before = (await client.auth.getSession()).data.session!;
    const { data, error } = await client.auth.refreshSession();
    expect(error).toBeNull();
    expect(data.session!.refresh_token).not.toBe(before.refresh_token);
    expect(decodeJwt(data.session!.access_token).session_id).toBe(decodeJwt(before.access_token).session_id);

    const unknown = await newClient(ctx).auth.refreshSession({ refresh_token: 'no-such-token' });
    expect(unknown.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
  });

  it('an expired access token is refused with 401 PGRST301; refreshSession then works', async () => {
    const { client, userId } = await signUp(ctx, 'expired');
    const session = (await client.auth.getSession()).data.session!;
    const now = Math.floor(Date.now() / 1000);
    const expired = signJwt({ ...decodeJwt(session.access_token), iat: now - 120, exp: now - 60 }, ctx.standIn.jwtSecret);

    const stale = newClient(ctx, { headers: { Authorization: `Bearer ${expired}` } });
    const res = await stale.rpc('my_teams');
    expect(res.status).toBe(401);
    expect(res.error).toEqual({ code: 'PGRST301', details: null, hint: null, message: 'JWT expired' });

    const forged = signJwt({ ...decodeJwt(session.access_token) }, 'some-other-secret-of-at-least-32-chars!');
    const bad = await newClient(ctx, { headers: { Authorization: `Bearer ${forged}` } }).rpc('my_teams');
    expect(bad.status).toBe(401);
    expect(bad.error).toMatchObject({ code: 'PGRST301', message: 'JWSError JWSInvalidSignature' });

    const refreshed = await client.auth.refreshSession();
    expect(refreshed.error).toBeNull();
    expect(refreshed.data.user?.id).toBe(userId);
    const ok = await client.rpc('my_teams');
    expect(ok.status).toBe(200);
  });

  it('a session that expired on the client is refreshed by supabase-js before the call', async () => {
    ctx.standIn.gotrue.setAccessTokenTtl(1);
    try {
      const { client } = await signUp(ctx, 'short');
      const first = (await client.auth.getSession()).data.session!;
      await sleep(2500); // past exp + PostgREST's 1 s skew
      const res = await client.rpc('create_team', { name: 'After expiry' });
      expect(res.error).toBeNull();
      const now = (await client.auth.getSession()).data.session!;
      expect(now.refresh_token).not.toBe(first.refresh_token);
    } finally {
      ctx.standIn.gotrue.setAccessTokenTtl(3600);
    }
  });

  it('after sign-out everywhere: the access token lives until exp (stateless), the refresh fails, then calls are anon (401)', async () => {
    ctx.standIn.gotrue.setAccessTokenTtl(2);
    try {
      const { client, email, password } = await signUp(ctx, 'signout');
      const other = newClient(ctx);
      await other.auth.signInWithPassword({ email, password });
      const old = (await client.auth.getSession()).data.session!;
      expect((await other.auth.signOut()).error).toBeNull(); // scope: global

      // GoTrue knows the session is gone (403 session_not_found → AuthSessionMissingError)...
      const user = await newClient(ctx).auth.getUser(old.access_token);
      expect(user.error?.name).toBe('AuthSessionMissingError');
      // ...but PostgREST only checks the signature and exp, as on a real project.
      const still = await newClient(ctx, { headers: { Authorization: `Bearer ${old.access_token}` } }).rpc('my_teams');
      expect(still.status).toBe(200);

      await sleep(3200);
      // supabase-js tries to refresh the expired session, GoTrue refuses, supabase-js drops the
      // session and the call goes out with the anon key alone: 401, "sign in again".
      const res = await client.rpc('my_teams');
      expect(res.status).toBe(401);
      expect(res.error).toMatchObject({ code: '42501', message: 'permission denied for function my_teams' });
      expect((await client.auth.getSession()).data.session).toBeNull();
    } finally {
      ctx.standIn.gotrue.setAccessTokenTtl(3600);
    }
  });
});
