// Test stand-in for the GoTrue (Supabase Auth) endpoints supabase-js uses for e-mail sign-in:
// signup, token (password and refresh_token grants, rotating refresh tokens), otp + verify
// (e-mail one-time code), user, logout. Users are rows of auth.users / auth.identities in the test
// database with bcrypt hashes (pgcrypto crypt(), the $2a$ format GoTrue writes); sessions and
// refresh tokens live in memory (GoTrue keeps them in auth.sessions / auth.refresh_tokens, which
// the bootstrap does not create). Access tokens carry GoTrue's claims, signed HS256 with the
// project secret, so the PostgREST stand-in accepts them exactly as PostgREST would.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pg from 'pg';
import { signJwt, verifyJwt, type Claims } from './jwt';
import { bearerToken, checkApiKey, corsHeaders, handlePreflight, listen, readBody, sendEmpty, sendJson } from './http';

export interface GotrueOptions {
  /** A connection with the rights GoTrue's supabase_auth_admin has on auth.* (the test superuser). */
  databaseUrl: string;
  jwtSecret: string;
  /** The project URL; `iss` is `${siteUrl}/auth/v1`. */
  siteUrl: string;
  /** Access token lifetime in seconds (GoTrue's JWT_EXP, default 3600). Mutable through setAccessTokenTtl. */
  accessTokenTtl?: number;
  /** GoTrue accepts a revoked refresh token again within this many seconds (default 10). */
  refreshTokenReuseInterval?: number;
  /** One-time codes stay valid this long (GOTRUE_MAILER_OTP_EXP, default 3600 s). */
  otpTtl?: number;
  /** bcrypt cost; GoTrue uses 10. Tests may lower it for speed. */
  bcryptCost?: number;
  /** Called with every one-time code issued (instead of sending mail). */
  onOtp?: (email: string, code: string) => void;
}

interface Session {
  id: string;
  userId: string;
  amr: { method: string; timestamp: number }[];
  revoked: boolean;
}

interface RefreshToken {
  token: string;
  sessionId: string;
  revoked: boolean;
  revokedAt?: number;
  child?: string;
}

interface UserRow {
  id: string;
  email: string;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
  banned_until: Date | null;
}

class AuthError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

const API_VERSION = '2024-01-01';
const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export class GotrueStandIn {
  readonly pool: pg.Pool;
  private accessTokenTtl: number;
  private readonly sessions = new Map<string, Session>();
  private readonly refreshTokens = new Map<string, RefreshToken>();
  private readonly otps = new Map<string, { code: string; expiresAt: number }>();
  private readonly iss: string;

  constructor(private readonly opts: GotrueOptions) {
    this.pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 4, application_name: 'gotrue-stand-in' });
    this.pool.on('error', () => {});
    this.accessTokenTtl = opts.accessTokenTtl ?? 3600;
    this.iss = `${opts.siteUrl.replace(/\/$/, '')}/auth/v1`;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** Lifetime of access tokens issued from now on, in seconds. */
  setAccessTokenTtl(seconds: number): void {
    this.accessTokenTtl = seconds;
  }

  /** No mail is sent: the last one-time code issued for this address (what the e-mail would say). */
  lastOtp(email: string): string | undefined {
    return this.otps.get(email.trim().toLowerCase())?.code;
  }

  /** Handles a request whose path is relative to /auth/v1 (e.g. "/token"). */
  async handle(req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> {
    const headers = { ...corsHeaders(req), 'X-Supabase-Api-Version': API_VERSION };
    try {
      const route = `${req.method} ${path}`;
      if (route === 'POST /signup') return sendJson(res, 200, await this.signup(await jsonBody(req)), headers);
      if (route === 'POST /token') {
        const grant = url.searchParams.get('grant_type');
        const body = await jsonBody(req);
        if (grant === 'password') return sendJson(res, 200, await this.passwordGrant(body), headers);
        if (grant === 'refresh_token') return sendJson(res, 200, await this.refreshGrant(body), headers);
        throw new AuthError(400, 'validation_failed', 'unsupported_grant_type');
      }
      if (route === 'POST /otp') return sendJson(res, 200, await this.otp(await jsonBody(req)), headers);
      if (route === 'POST /verify') return sendJson(res, 200, await this.verify(await jsonBody(req)), headers);
      if (route === 'GET /user') {
        const { user } = await this.authenticate(req);
        return sendJson(res, 200, this.userJson(user), headers);
      }
      if (route === 'POST /logout') {
        const { session } = await this.authenticate(req);
        this.logout(session, url.searchParams.get('scope') ?? 'global');
        return sendEmpty(res, 204, headers);
      }
      if (route === 'GET /health') return sendJson(res, 200, { version: 'stand-in', name: 'GoTrue', description: 'GoTrue stand-in for tests' }, headers);
      if (route === 'GET /settings') {
        return sendJson(res, 200, {
          external: { email: true, phone: false }, disable_signup: false, mailer_autoconfirm: true, phone_autoconfirm: false,
          sms_provider: '', saml_enabled: false,
        }, headers);
      }
      throw new AuthError(404, 'not_found', 'Not Found');
    } catch (err) {
      if (err instanceof AuthError) return sendJson(res, err.status, { code: err.code, message: err.message }, headers);
      throw err;
    }
  }

  // --- endpoints -------------------------------------------------------------------------------

  private async signup(body: Record<string, unknown>) {
    const email = normaliseEmail(body.email);
    const password = typeof body.password === 'string' ? body.password : '';
    if (!password) throw new AuthError(422, 'validation_failed', 'Signup requires a valid password');
    if (password.length < 6) throw new AuthError(422, 'weak_password', 'Password should be at least 6 characters.');
    const meta = isObject(body.data) ? body.data : {};
    const existing = await this.findUser(email);
    if (existing) throw new AuthError(422, 'user_already_exists', 'User already registered');
    // Autoconfirm (the local stack's default, enable_confirmations = false): signed in at once.
    const user = await this.createUser(email, password, meta);
    return this.issueSession(user, 'password');
  }

  private async passwordGrant(body: Record<string, unknown>) {
    if (typeof body.email !== 'string' || typeof body.password !== 'string') {
      throw new AuthError(400, 'validation_failed', 'missing email or phone');
    }
    const email = body.email.trim().toLowerCase();
    const { rows } = await this.pool.query<UserRow & { ok: boolean }>(
      `select u.*, u.encrypted_password is not null and u.encrypted_password <> ''
                   and extensions.crypt($2, u.encrypted_password) = u.encrypted_password as ok
         from auth.users u where lower(u.email) = $1 and u.deleted_at is null`,
      [email, body.password],
    );
    const user = rows[0];
    if (!user || !user.ok) throw new AuthError(400, 'invalid_credentials', 'Invalid login credentials');
    if (!user.email_confirmed_at) throw new AuthError(400, 'email_not_confirmed', 'Email not confirmed');
    this.checkBanned(user);
    return this.issueSession(await this.touchSignIn(user.id), 'password');
  }

  private async refreshGrant(body: Record<string, unknown>) {
    const token = typeof body.refresh_token === 'string' ? body.refresh_token : '';
    const rt = this.refreshTokens.get(token);
    if (!rt) throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    const session = this.sessions.get(rt.sessionId);
    if (!session || session.revoked) throw new AuthError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    const user = await this.userById(session.userId);
    if (!user) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    this.checkBanned(user);
    if (rt.revoked) {
      const reuse = (this.opts.refreshTokenReuseInterval ?? 10) * 1000;
      if (rt.child && Date.now() - (rt.revokedAt ?? 0) <= reuse) {
        // A concurrent refresh: GoTrue hands out the token that replaced it.
        const active = this.activeDescendant(rt.child);
        return this.sessionResponse(user, session, active.token);
      }
      // Reuse outside the interval looks like theft: revoke the whole session.
      session.revoked = true;
      throw new AuthError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
    }
    const next = this.newRefreshToken(session.id);
    rt.revoked = true;
    rt.revokedAt = Date.now();
    rt.child = next.token;
    return this.sessionResponse(user, session, next.token);
  }

  private async otp(body: Record<string, unknown>) {
    const email = normaliseEmail(body.email);
    let user = await this.findUser(email);
    const createUser = body.create_user !== false;
    if (!user) {
      if (!createUser) throw new AuthError(422, 'otp_disabled', 'Signups not allowed for otp');
      user = await this.createUser(email, null, isObject(body.data) ? body.data : {}, false);
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.otps.set(email, { code, expiresAt: Date.now() + (this.opts.otpTtl ?? 3600) * 1000 });
    this.opts.onOtp?.(email, code);
    return {};
  }

  private async verify(body: Record<string, unknown>) {
    const type = body.type;
    if (type !== 'email' && type !== 'magiclink' && type !== 'signup') {
      throw new AuthError(400, 'validation_failed', 'Verify requires a verification type');
    }
    const email = normaliseEmail(body.email);
    const token = typeof body.token === 'string' ? body.token.trim() : '';
    const pending = this.otps.get(email);
    if (!pending || pending.code !== token || pending.expiresAt < Date.now()) {
      throw new AuthError(403, 'otp_expired', 'Token has expired or is invalid');
    }
    this.otps.delete(email); // one use
    const user = await this.findUser(email);
    if (!user) throw new AuthError(403, 'otp_expired', 'Token has expired or is invalid');
    this.checkBanned(user);
    await this.pool.query('update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now() where id = $1', [user.id]);
    return this.issueSession(await this.touchSignIn(user.id), 'otp');
  }

  private logout(session: Session, scope: string): void {
    for (const s of this.sessions.values()) {
      const match = scope === 'local' ? s.id === session.id
        : scope === 'others' ? s.userId === session.userId && s.id !== session.id
        : s.userId === session.userId;
      if (match) s.revoked = true;
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private async authenticate(req: IncomingMessage): Promise<{ user: UserRow; session: Session; claims: Claims }> {
    const token = bearerToken(req);
    if (!token) throw new AuthError(401, 'no_authorization', 'This endpoint requires a Bearer token');
    const checked = verifyJwt(token, this.opts.jwtSecret);
    if (!checked.ok) {
      const why = checked.failure.kind === 'expired' ? 'token has invalid claims: token is expired' : 'signature is invalid';
      throw new AuthError(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${why}`);
    }
    const claims = checked.claims;
    const session = typeof claims.session_id === 'string' ? this.sessions.get(claims.session_id) : undefined;
    if (!session || session.revoked) throw new AuthError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
    const user = typeof claims.sub === 'string' ? await this.userById(claims.sub) : undefined;
    if (!user) throw new AuthError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    return { user, session, claims };
  }

  private checkBanned(user: UserRow): void {
    if (user.banned_until && user.banned_until.getTime() > Date.now()) throw new AuthError(400, 'user_banned', 'User is banned');
  }

  private async findUser(email: string): Promise<UserRow | undefined> {
    const { rows } = await this.pool.query<UserRow>('select * from auth.users where lower(email) = $1 and deleted_at is null', [email]);
    return rows[0];
  }

  private async userById(id: string): Promise<UserRow | undefined> {
    const { rows } = await this.pool.query<UserRow>('select * from auth.users where id = $1 and deleted_at is null', [id]);
    return rows[0];
  }

  private async touchSignIn(id: string): Promise<UserRow> {
    const { rows } = await this.pool.query<UserRow>('update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1 returning *', [id]);
    await this.pool.query('update auth.identities set last_sign_in_at = now(), updated_at = now() where user_id = $1', [id]);
    return rows[0]!;
  }

  private async createUser(email: string, password: string | null, meta: Record<string, unknown>, confirmed = true): Promise<UserRow> {
    const id = randomUUID();
    const { rows } = await this.pool.query<UserRow>(
      `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at, last_sign_in_at,
                               raw_app_meta_data, raw_user_meta_data, created_at, updated_at, confirmation_token,
                               recovery_token, email_change_token_new, email_change)
       values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2,
               case when $3::text is null then '' else extensions.crypt($3, extensions.gen_salt('bf', $4)) end,
               case when $6 then now() end, case when $6 then now() end,
               '{"provider": "email", "providers": ["email"]}', $5, now(), now(), '', '', '', '')
       returning *`,
      [id, email, password, this.opts.bcryptCost ?? 10, meta, confirmed],
    );
    await this.pool.query(
      `insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
       values ($1, $2, $3, 'email', now(), now(), now())`,
      [id, id, { sub: id, email, email_verified: false, phone_verified: false }],
    );
    return rows[0]!;
  }

  private newRefreshToken(sessionId: string): RefreshToken {
    const rt: RefreshToken = { token: randomBytes(9).toString('base64url'), sessionId, revoked: false };
    this.refreshTokens.set(rt.token, rt);
    return rt;
  }

  private activeDescendant(token: string): RefreshToken {
    let rt = this.refreshTokens.get(token)!;
    while (rt.child) rt = this.refreshTokens.get(rt.child)!;
    return rt;
  }

  private issueSession(user: UserRow, method: string) {
    const session: Session = { id: randomUUID(), userId: user.id, amr: [{ method, timestamp: Math.floor(Date.now() / 1000) }], revoked: false };
    this.sessions.set(session.id, session);
    return this.sessionResponse(user, session, this.newRefreshToken(session.id).token);
  }

  private sessionResponse(user: UserRow, session: Session, refreshToken: string) {
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + this.accessTokenTtl;
    const claims: Claims = {
      iss: this.iss,
      sub: user.id,
      aud: 'authenticated',
      exp,
      iat,
      email: user.email,
      phone: '',
      app_metadata: user.raw_app_meta_data ?? { provider: 'email', providers: ['email'] },
      user_metadata: user.raw_user_meta_data ?? {},
      role: 'authenticated',
      aal: 'aal1',
      amr: session.amr,
      session_id: session.id,
      is_anonymous: false,
    };
    return {
      access_token: signJwt(claims, this.opts.jwtSecret),
      token_type: 'bearer',
      expires_in: this.accessTokenTtl,
      expires_at: exp,
      refresh_token: refreshToken,
      user: this.userJson(user),
    };
  }

  private userJson(u: UserRow) {
    const iso = (d: Date | null) => (d ? d.toISOString() : undefined);
    return {
      id: u.id,
      aud: 'authenticated',
      role: 'authenticated',
      email: u.email,
      email_confirmed_at: iso(u.email_confirmed_at),
      phone: '',
      confirmed_at: iso(u.email_confirmed_at),
      last_sign_in_at: iso(u.last_sign_in_at),
      app_metadata: u.raw_app_meta_data ?? { provider: 'email', providers: ['email'] },
      user_metadata: u.raw_user_meta_data ?? {},
      identities: [{
        identity_id: u.id, id: u.id, user_id: u.id,
        identity_data: { email: u.email, email_verified: !!u.email_confirmed_at, phone_verified: false, sub: u.id },
        provider: 'email', last_sign_in_at: iso(u.last_sign_in_at), created_at: iso(u.created_at), updated_at: iso(u.updated_at),
        email: u.email,
      }],
      created_at: iso(u.created_at),
      updated_at: iso(u.updated_at),
      is_anonymous: false,
    };
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function normaliseEmail(v: unknown): string {
  const email = typeof v === 'string' ? v.trim().toLowerCase() : '';
  if (!email) throw new AuthError(400, 'validation_failed', 'An email address is required');
  if (!EMAIL_RE.test(email)) throw new AuthError(400, 'validation_failed', 'Unable to validate email address: invalid format');
  return email;
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = await readBody(req, 1024 * 1024);
  try {
    const parsed: unknown = raw.trim() ? JSON.parse(raw) : {};
    if (isObject(parsed)) return parsed;
  } catch {
    /* fall through */
  }
  throw new AuthError(400, 'bad_json', 'Could not parse request body as JSON');
}

export interface RunningGotrue {
  url: string;
  port: number;
  gotrue: GotrueStandIn;
  stop(): Promise<void>;
}

/** GoTrue alone on 127.0.0.1 behind the gateway's apikey check: `${url}/auth/v1/...`. */
export async function startGotrue(opts: Omit<GotrueOptions, 'siteUrl'> & { apiKeys: string[]; port?: number }): Promise<RunningGotrue> {
  let gotrue: GotrueStandIn | undefined;
  const http = await listen(async (req, res, url) => {
    if (handlePreflight(req, res)) return;
    if (!checkApiKey(req, res, url, opts.apiKeys)) return;
    if (!url.pathname.startsWith('/auth/v1/')) return sendJson(res, 404, { message: 'no Route matched with those values' }, corsHeaders(req));
    await gotrue!.handle(req, res, url.pathname.slice('/auth/v1'.length), url);
  }, opts.port ?? 0);
  gotrue = new GotrueStandIn({ ...opts, siteUrl: http.url });
  return { url: http.url, port: http.port, gotrue, stop: async () => { await http.close(); await gotrue!.close(); } };
}
