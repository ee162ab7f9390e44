// A "Supabase project URL" for tests: the GoTrue stand-in under /auth/v1 and the PostgREST
// stand-in under /rest/v1 on one 127.0.0.1 port, behind what the API gateway does (CORS,
// apikey check), with anon and service-role keys minted from the project's JWT secret.
import { checkApiKey, corsHeaders, handlePreflight, listen, sendJson } from './http';
import { GotrueStandIn } from './gotrue';
import { DEFAULT_JWT_SECRET, mintApiKey } from './jwt';
import { PostgrestStandIn } from './postgrest';

export interface StandInOptions {
  /** The database, as a superuser (GoTrue's side); PostgREST's side logs in as `authenticator`. */
  databaseUrl: string;
  jwtSecret?: string;
  port?: number;
  /** Access token lifetime in seconds (default 3600). */
  accessTokenTtl?: number;
  bcryptCost?: number;
  onOtp?: (email: string, code: string) => void;
}

export interface StandIn {
  /** The project URL to give createClient(). */
  url: string;
  port: number;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  gotrue: GotrueStandIn;
  postgrest: PostgrestStandIn;
  stop(): Promise<void>;
}

export async function startStandIn(opts: StandInOptions): Promise<StandIn> {
  const jwtSecret = opts.jwtSecret ?? DEFAULT_JWT_SECRET;
  const anonKey = mintApiKey('anon', jwtSecret);
  const serviceRoleKey = mintApiKey('service_role', jwtSecret);
  const postgrest = new PostgrestStandIn({ databaseUrl: opts.databaseUrl, jwtSecret });
  let gotrue: GotrueStandIn | undefined;
  const http = await listen(async (req, res, url) => {
    if (handlePreflight(req, res)) return;
    const path = url.pathname;
    if (!path.startsWith('/rest/v1/') && !path.startsWith('/auth/v1/')) {
      return sendJson(res, 404, { message: 'no Route matched with those values' }, corsHeaders(req));
    }
    if (!checkApiKey(req, res, url, [anonKey, serviceRoleKey])) return;
    if (path.startsWith('/rest/v1/')) return postgrest.handle(req, res, path.slice('/rest/v1'.length));
    return gotrue!.handle(req, res, path.slice('/auth/v1'.length), url);
  }, opts.port ?? 0);
  gotrue = new GotrueStandIn({
    databaseUrl: opts.databaseUrl,
    jwtSecret,
    siteUrl: http.url,
    accessTokenTtl: opts.accessTokenTtl,
    bcryptCost: opts.bcryptCost,
    onOtp: opts.onOtp,
  });
  const g = gotrue;
  return {
    url: http.url,
    port: http.port,
    anonKey,
    serviceRoleKey,
    jwtSecret,
    gotrue: g,
    postgrest,
    async stop() {
      await http.close();
      await Promise.all([postgrest.close(), g.close()]);
    },
  };
}
