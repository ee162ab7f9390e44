// A "Supabase project URL" for tests: the GoTrue stand-in under /auth/v1 and the PostgREST
// stand-in under /rest/v1 on one 127.0.0.1 port, behind what the API gateway does (CORS,
// apikey check), with anon and service-role keys minted from the project's JWT secret.
import { checkApiKey, corsHeaders, handlePreflight, listen, sendJson, type Handler } from './http';
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
  /** Fault injection for sync tests; empty by default. */
  faults: Faults;
  /** Stops listening (connections refused, as when a project is unreachable), keeping sessions. */
  goDown(): Promise<void>;
  /** Listens again on the same port. */
  comeBack(): Promise<void>;
  stop(): Promise<void>;
}

export type Fault = number | 'drop-reply' | undefined;

export interface Faults {
  /**
   * Decides per RPC call (`/rpc/<fn>`): a status to answer with instead of calling the function, or
   * 'drop-reply' to run the call (it commits) and then cut the connection before the reply, as a
   * network dropping mid-request does. May wait (e.g. while a test stops the caller) before deciding.
   */
  rpc?: (fn: string) => Fault | Promise<Fault>;
}

export async function startStandIn(opts: StandInOptions): Promise<StandIn> {
  const jwtSecret = opts.jwtSecret ?? DEFAULT_JWT_SECRET;
  const anonKey = mintApiKey('anon', jwtSecret);
  const serviceRoleKey = mintApiKey('service_role', jwtSecret);
  const postgrest = new PostgrestStandIn({ databaseUrl: opts.databaseUrl, jwtSecret });
  const faults: Faults = {};
  let gotrue: GotrueStandIn | undefined;
  const handler: Handler = async (req, res, url) => {
    if (handlePreflight(req, res)) return;
    const path = url.pathname;
    if (!path.startsWith('/rest/v1/') && !path.startsWith('/auth/v1/')) {
      return sendJson(res, 404, { message: 'no Route matched with those values' }, corsHeaders(req));
    }
    if (!checkApiKey(req, res, url, [anonKey, serviceRoleKey])) return;
    if (path.startsWith('/rest/v1/')) {
      const fault = path.startsWith('/rest/v1/rpc/') ? await faults.rpc?.(path.slice('/rest/v1/rpc/'.length)) : undefined;
      if (typeof fault === 'number') {
        return sendJson(res, fault, { code: 'XX000', details: null, hint: null, message: `injected fault ${fault}` }, corsHeaders(req));
      }
      if (fault === 'drop-reply') {
        // Let the call run and commit, then cut the connection instead of answering.
        res.writeHead = (() => res) as typeof res.writeHead;
        res.end = (() => {
          req.socket.destroy();
          return res;
        }) as typeof res.end;
      }
      return postgrest.handle(req, res, path.slice('/rest/v1'.length));
    }
    return gotrue!.handle(req, res, path.slice('/auth/v1'.length), url);
  };
  let http = await listen(handler, opts.port ?? 0);
  const port = http.port;
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
    faults,
    async goDown() {
      await http.close();
    },
    async comeBack() {
      http = await listen(handler, port);
    },
    async stop() {
      await http.close();
      await Promise.all([postgrest.close(), g.close()]);
    },
  };
}
