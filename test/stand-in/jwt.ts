// HS256 JSON Web Tokens with node:crypto, as GoTrue issues them and PostgREST verifies them.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type Claims = Record<string, unknown>;

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export function signJwt(claims: Claims, secret: string): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify(claims));
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

export type JwtFailure =
  | { kind: 'parts'; parts: number }
  | { kind: 'decode' }
  | { kind: 'alg'; alg: unknown }
  | { kind: 'signature' }
  | { kind: 'expired' }
  | { kind: 'not_yet_valid' }
  | { kind: 'issued_in_future' };

export type JwtResult = { ok: true; claims: Claims } | { ok: false; failure: JwtFailure };

/**
 * Verifies signature and time claims. `skewSeconds` is the clock skew allowed on exp/nbf/iat
 * (PostgREST 12 allows 1 second; GoTrue none).
 */
export function verifyJwt(token: string, secret: string, nowSeconds = Date.now() / 1000, skewSeconds = 0): JwtResult {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, failure: { kind: 'parts', parts: parts.length } };
  const [head, body, sig] = parts as [string, string, string];
  let header: { alg?: unknown };
  let claims: Claims;
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: unknown };
    const parsed: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, failure: { kind: 'decode' } };
    claims = parsed as Claims;
  } catch {
    return { ok: false, failure: { kind: 'decode' } };
  }
  if (header.alg !== 'HS256') return { ok: false, failure: { kind: 'alg', alg: header.alg } };
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, failure: { kind: 'signature' } };
  }
  if (typeof claims.exp === 'number' && nowSeconds > claims.exp + skewSeconds) return { ok: false, failure: { kind: 'expired' } };
  if (typeof claims.nbf === 'number' && nowSeconds + skewSeconds < claims.nbf) return { ok: false, failure: { kind: 'not_yet_valid' } };
  if (typeof claims.iat === 'number' && nowSeconds + skewSeconds < claims.iat) return { ok: false, failure: { kind: 'issued_in_future' } };
  return { ok: true, claims };
}

/** Supabase's local-development secret (`supabase start`); any ≥ 32-character string works. */
export const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';

/** An API key like the dashboard's: a long-lived JWT whose role is `anon` or `service_role`. */
export function mintApiKey(role: 'anon' | 'service_role', secret: string): string {
  const iat = Math.floor(Date.now() / 1000);
  return signJwt({ iss: 'supabase-demo', role, iat, exp: iat + 10 * 365 * 24 * 3600 }, secret);
}
