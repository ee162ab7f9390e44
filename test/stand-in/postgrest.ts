// Test stand-in for PostgREST 12's RPC endpoint (`POST /rpc/<fn>`), over the real database.
//
// Per request, as PostgREST does: verify the JWT (HS256, project secret), take the role from its
// `role` claim (the anon role without one), then in ONE transaction on a pooled connection logged
// in as `authenticator`: set role, search_path, request.jwt.claims / method / path / headers /
// cookies, apply the role's own settings (pg_db_role_setting, e.g. statement_timeout), call the
// function with named arguments decoded by json_to_record (PostgREST's own query shape), and
// render the body in SQL with json_agg. SQLSTATEs map to HTTP statuses with PostgREST's table.
import type { IncomingMessage, ServerResponse } from 'node:http';
import pg from 'pg';
import { verifyJwt, type Claims, type JwtFailure } from './jwt';
import { bearerToken, checkApiKey, corsHeaders, handlePreflight, listen, readBody, sendEmpty, sendJson } from './http';

export interface PostgrestOptions {
  /** Connection string; the stand-in logs in as `authenticator` (user/password replaced). */
  databaseUrl: string;
  jwtSecret: string;
  /** db-schemas: the exposed schema (Supabase: public). */
  schema?: string;
  /** db-extra-search-path (Supabase: public, extensions). */
  extraSearchPath?: string[];
  anonRole?: string;
  poolSize?: number;
}

export interface PgrstErrorBody {
  code: string;
  details: string | null;
  hint: string | null;
  message: string;
}

interface RoutineArg {
  name: string;
  type: string;
  required: boolean;
  variadic: boolean;
}

interface Routine {
  schema: string;
  name: string;
  args: RoutineArg[];
  volatile: boolean;
  setOf: boolean;
  composite: boolean;
  isVoid: boolean;
  /** The function's own settings PostgREST 12.2 applies to the call's transaction (db-hoisted-tx-settings). */
  hoisted: [string, string][];
}

/** db-hoisted-tx-settings' default (PostgREST 12.2). */
const HOISTED = new Set(['statement_timeout', 'plan_filter.statement_cost_limit', 'default_transaction_isolation']);

/** PostgREST 12's SQLSTATE → HTTP status table (docs "Errors", v12). */
export function httpStatusForSqlState(code: string, authenticated: boolean): number {
  if (code === '42501') return authenticated ? 403 : 401;
  if (/^PT\d{3}$/.test(code)) return Number(code.slice(2));
  const exact: Record<string, number> = {
    '23503': 409, '23505': 409, '25006': 405, '53400': 500, P0001: 400,
    '42883': 404, '42P01': 404, '42P17': 500,
  };
  if (code in exact) return exact[code]!;
  const byClass: Record<string, number> = {
    '08': 503, '09': 500, '0L': 403, '0P': 403, '25': 500, '28': 403, '2D': 500, '38': 500, '39': 500,
    '3B': 500, '40': 500, '53': 503, '54': 500, '55': 500, '57': 500, '58': 500, F0: 500, HV: 500, P0: 500, XX: 500,
  };
  return byClass[code.slice(0, 2)] ?? 400;
}

function jwtErrorMessage(f: JwtFailure): string {
  // PostgREST 12.2's wording (jose error text); 13 rewrote these.
  switch (f.kind) {
    case 'parts': return `JWSError (CompactDecodeError Invalid number of parts: Expected 3 parts; got ${f.parts})`;
    case 'decode': return 'JWSError (CompactDecodeError Invalid base64url or JSON)';
    case 'alg': return 'JWSError JWSInvalidSignature';
    case 'signature': return 'JWSError JWSInvalidSignature';
    case 'expired': return 'JWT expired';
    case 'not_yet_valid': return 'JWTNotYetValid';
    case 'issued_in_future': return 'JWTIssuedAtFuture';
  }
}

function quoteIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function authenticatorUrl(databaseUrl: string): string {
  const u = new URL(databaseUrl);
  u.username = 'authenticator';
  u.password = 'authenticator';
  return u.toString();
}

export class PostgrestStandIn {
  readonly pool: pg.Pool;
  private readonly schema: string;
  private readonly searchPath: string;
  private readonly anonRole: string;
  private readonly routines = new Map<string, Routine[]>();
  private readonly roleSettings = new Map<string, [string, string][]>();

  constructor(private readonly opts: PostgrestOptions) {
    this.pool = new pg.Pool({ connectionString: authenticatorUrl(opts.databaseUrl), max: opts.poolSize ?? 10, application_name: 'postgrest-stand-in' });
    this.pool.on('error', () => {}); // an idle client dying is not a request failure
    this.schema = opts.schema ?? 'public';
    this.searchPath = [this.schema, ...(opts.extraSearchPath ?? ['public', 'extensions'])]
      .filter((s, i, all) => all.indexOf(s) === i).map(quoteIdent).join(', ');
    this.anonRole = opts.anonRole ?? 'anon';
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** Forget cached functions and role settings (PostgREST's schema cache reload, NOTIFY pgrst). */
  reloadSchemaCache(): void {
    this.routines.clear();
    this.roleSettings.clear();
  }

  /** Handles a request whose path is relative to /rest/v1 (e.g. "/rpc/sync_push"). */
  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const cors = corsHeaders(req);
    const fail = (status: number, body: PgrstErrorBody, extra: Record<string, string> = {}) =>
      sendJson(res, status, body, { ...cors, ...extra });

    // Authentication first, as PostgREST does it for every request.
    let claims: Claims = {};
    let role = this.anonRole;
    const token = bearerToken(req);
    if (token !== undefined) {
      const checked = verifyJwt(token, this.opts.jwtSecret, Date.now() / 1000, 1);
      if (!checked.ok) {
        const message = jwtErrorMessage(checked.failure);
        return fail(401, { code: 'PGRST301', details: null, hint: null, message }, {
          'WWW-Authenticate': `Bearer error="invalid_token", error_description="${message}"`,
        });
      }
      claims = checked.claims;
      if (typeof claims.role === 'string' && claims.role) role = claims.role;
    }
    const authenticated = role !== this.anonRole;

    const m = /^\/rpc\/([^/]+)$/.exec(path);
    if (!m) {
      return fail(404, { code: 'PGRST125', details: null, hint: null, message: `Invalid path specified in request URL` });
    }
    if (req.method !== 'POST') {
      // GET/HEAD calls of stable functions exist in PostgREST; the extension only POSTs.
      return fail(405, { code: 'PGRST101', details: null, hint: null, message: 'Only POST is implemented by this stand-in for RPC' });
    }
    const profile = req.headers['content-profile'];
    if (typeof profile === 'string' && profile !== this.schema) {
      return fail(406, { code: 'PGRST106', details: null, hint: null, message: `The schema must be one of the following: ${this.schema}` });
    }
    const fnName = decodeURIComponent(m[1]!);

    const raw = await readBody(req);
    let args: Record<string, unknown>;
    try {
      const parsed: unknown = raw.trim() === '' ? {} : JSON.parse(raw);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      args = parsed as Record<string, unknown>;
    } catch {
      return fail(400, { code: 'PGRST102', details: null, hint: null, message: 'Empty or invalid json' });
    }

    const prefer = parsePrefer(req.headers.prefer);
    const candidates = await this.lookup(fnName);
    const keys = Object.keys(args);
    const routine = candidates.find((r) =>
      keys.every((k) => r.args.some((a) => a.name === k)) && r.args.every((a) => !a.required || keys.includes(a.name)));
    if (!routine) {
      const sorted = [...keys].sort();
      return fail(404, {
        code: 'PGRST202',
        details: `Searched for the function ${this.schema}.${fnName} with parameter${sorted.length === 1 ? '' : 's'} ${sorted.join(', ') || ''}${sorted.length ? ' ' : ''}or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`.replace('with parameters or', 'without parameters or'),
        hint: candidates.length
          ? `Perhaps you meant to call the function ${this.schema}.${fnName}(${candidates[0]!.args.map((a) => a.name).join(', ')})`
          : null,
        message: `Could not find the function ${this.schema}.${fnName}${sorted.length ? `(${sorted.join(', ')})` : ' without parameters'} in the schema cache`,
      });
    }

    const sql = buildCallSql(routine, keys);
    const client = await this.pool.connect();
    let released = false;
    try {
      await client.query(routine.volatile ? 'begin isolation level read committed read write' : 'begin isolation level read committed read only');
      const headersJson: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headersJson[k.toLowerCase()] = v;
      await client.query(
        `select set_config('search_path', $1, true), set_config('role', $2, true), set_config('request.jwt.claims', $3, true),
                set_config('request.method', $4, true), set_config('request.path', $5, true),
                set_config('request.headers', $6, true), set_config('request.cookies', $7, true)`,
        [this.searchPath, role, JSON.stringify(claims), 'POST', `/rpc/${fnName}`, JSON.stringify(headersJson), '{}'],
      );
      // The role's settings, then the function's hoisted ones over them (PostgREST 12.2).
      const settings = [...(await this.settingsFor(role)), ...routine.hoisted];
      if (settings.length) {
        await client.query(
          `select ${settings.map((_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, true)`).join(', ')}`,
          settings.flat(),
        );
      }
      const result = await client.query<{ page_total: string; body: string | null; total: string | null }>(sql, [JSON.stringify(args)]);
      const responseGucs = await client.query<{ status: string | null; headers: string | null }>(
        "select nullif(current_setting('response.status', true), '') as status, nullif(current_setting('response.headers', true), '') as headers",
      );
      await client.query(prefer.txRollback ? 'rollback' : 'commit');
      const row = result.rows[0]!;
      const headers: Record<string, string> = { ...cors };
      const applied: string[] = [];
      const pageTotal = Number(row.page_total);
      if (prefer.count) applied.push(`count=${prefer.count}`);
      headers['Content-Range'] = pageTotal > 0 ? `0-${pageTotal - 1}/${prefer.count ? pageTotal : '*'}` : `*/${prefer.count ? 0 : '*'}`;
      if (applied.length) headers['Preference-Applied'] = applied.join(', ');
      let status = 200;
      const gucStatus = responseGucs.rows[0]?.status;
      if (gucStatus && /^\d{3}$/.test(gucStatus)) status = Number(gucStatus);
      if (routine.isVoid || prefer.returnMinimal) {
        return sendEmpty(res, status === 200 ? 204 : status, headers);
      }
      return sendJson(res, status, row.body ?? 'null', headers);
    } catch (err) {
      await client.query('rollback').catch(() => {});
      const e = err as pg.DatabaseError;
      if (typeof e?.code !== 'string') {
        client.release(err as Error);
        released = true;
        return fail(503, { code: 'PGRST000', details: String((err as Error)?.message ?? err), hint: null, message: 'Database connection error. Retrying the connection.' });
      }
      const status = httpStatusForSqlState(e.code, authenticated);
      return fail(status, { code: e.code, details: e.detail ?? null, hint: e.hint ?? null, message: e.message },
        status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {});
    } finally {
      if (!released) client.release();
    }
  }

  /** The schema cache's view of public functions with this name (procedures, aggregates excluded). */
  private async lookup(name: string): Promise<Routine[]> {
    const cached = this.routines.get(name);
    if (cached) return cached;
    const { rows } = await this.pool.query<{
      argnames: string[] | null; argmodes: string[] | null; argtypes: string[]; nargs: number; ndefaults: number;
      provolatile: string; proretset: boolean; typtype: string; rettype: string; proconfig: string[] | null;
    }>(
      `select p.proargnames as argnames, p.proargmodes::text[] as argmodes,
              array(select pg_catalog.format_type(t, null)
                      from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality u(t, o) order by o) as argtypes,
              p.pronargs as nargs, p.pronargdefaults as ndefaults, p.provolatile, p.proretset,
              t.typtype, pg_catalog.format_type(p.prorettype, null) as rettype, p.proconfig
         from pg_catalog.pg_proc p
         join pg_catalog.pg_namespace n on n.oid = p.pronamespace
         join pg_catalog.pg_type t on t.oid = p.prorettype
        where n.nspname = $1 and p.proname = $2 and p.prokind = 'f' and p.prorettype <> 'pg_catalog.trigger'::regtype`,
      [this.schema, name],
    );
    const routines = rows.map((r): Routine => {
      const modes = r.argmodes ?? r.argtypes.map(() => 'i');
      const inputs: RoutineArg[] = [];
      r.argtypes.forEach((type, i) => {
        const mode = modes[i] ?? 'i';
        if (mode === 'i' || mode === 'b' || mode === 'v') {
          inputs.push({ name: r.argnames?.[i] ?? '', type, required: false, variadic: mode === 'v' });
        }
      });
      inputs.forEach((a, i) => { a.required = i < r.nargs - r.ndefaults; });
      const hasOut = modes.some((md) => md === 'o' || md === 'b' || md === 't');
      return {
        schema: this.schema,
        name,
        args: inputs.filter((a) => a.name !== ''),
        volatile: r.provolatile === 'v',
        setOf: r.proretset,
        composite: r.typtype === 'c' || (r.rettype === 'record' && hasOut),
        isVoid: r.rettype === 'void',
        hoisted: (r.proconfig ?? [])
          .map((c): [string, string] => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)])
          .filter(([k]) => HOISTED.has(k)),
      };
    });
    this.routines.set(name, routines);
    return routines;
  }

  /** ALTER ROLE … SET values for the role (this database's first, as PostgreSQL applies them). */
  private async settingsFor(role: string): Promise<[string, string][]> {
    const cached = this.roleSettings.get(role);
    if (cached) return cached;
    const { rows } = await this.pool.query<{ setting: string }>(
      `select unnest(s.setconfig) as setting
         from pg_catalog.pg_db_role_setting s
         join pg_catalog.pg_roles r on r.oid = s.setrole
        where r.rolname = $1 and s.setdatabase in (0, (select oid from pg_catalog.pg_database where datname = current_database()))
        order by s.setdatabase`,
      [role],
    );
    const map = new Map<string, string>();
    for (const { setting } of rows) {
      const eq = setting.indexOf('=');
      map.set(setting.slice(0, eq), setting.slice(eq + 1));
    }
    const settings = [...map.entries()];
    this.roleSettings.set(role, settings);
    return settings;
  }
}

interface Prefer {
  count?: 'exact' | 'planned' | 'estimated';
  returnMinimal: boolean;
  txRollback: boolean;
}

function parsePrefer(header: string | string[] | undefined): Prefer {
  const all = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((s) => s.trim());
  const count = all.find((p) => /^count=(exact|planned|estimated)$/.test(p))?.slice(6) as Prefer['count'];
  // Supabase runs PostgREST with db-tx-end = commit, so `Prefer: tx=rollback` is ignored there.
  return { count, returnMinimal: all.includes('return=minimal'), txRollback: false };
}

/** PostgREST 12's call query: args through json_to_record, result rendered with json_agg. */
function buildCallSql(r: Routine, keys: string[]): string {
  const fn = `${quoteIdent(r.schema)}.${quoteIdent(r.name)}`;
  const passed = r.args.filter((a) => keys.includes(a.name));
  const recordDef = passed.map((a) => `${quoteIdent(a.name)} ${a.type}`).join(', ');
  const callArgs = passed.map((a) => `${a.variadic ? 'VARIADIC ' : ''}${quoteIdent(a.name)} := pgrst_body.${quoteIdent(a.name)}`).join(', ');
  const from = passed.length
    ? `(select $1::json as json_data) pgrst_payload,
       lateral (select * from json_to_record(pgrst_payload.json_data) as _(${recordDef}) limit 1) pgrst_body, lateral `
    : `(select $1::json as json_data) pgrst_payload, lateral `;
  const scalar = !r.composite;
  const call = scalar
    ? `(select ${fn}(${callArgs}) pgrst_scalar) pgrst_call`
    : r.setOf ? `${fn}(${callArgs}) pgrst_call` : `(select (${fn}(${callArgs})).*) pgrst_call`;
  const source = scalar ? `select pgrst_call.pgrst_scalar from ${from}${call}` : `select pgrst_call.* from ${from}${call}`;
  let body: string;
  if (r.isVoid) body = `null::text`;
  else if (scalar && !r.setOf) body = `coalesce((json_agg(_postgrest_t.pgrst_scalar) -> 0)::text, 'null')`;
  else if (scalar) body = `coalesce(json_agg(_postgrest_t.pgrst_scalar), '[]')::text`;
  else if (r.setOf) body = `coalesce(json_agg(_postgrest_t), '[]')::text`;
  else body = `coalesce((json_agg(_postgrest_t) -> 0)::text, 'null')`;
  return `with pgrst_source as (${source})
          select pg_catalog.count(_postgrest_t) as page_total, ${body} as body, null::bigint as total
            from (select * from pgrst_source) _postgrest_t`;
}

export interface RunningPostgrest {
  url: string;
  port: number;
  postgrest: PostgrestStandIn;
  stop(): Promise<void>;
}

/** PostgREST alone on 127.0.0.1 behind the gateway's apikey check: `${url}/rest/v1/rpc/<fn>`. */
export async function startPostgrest(opts: PostgrestOptions & { apiKeys: string[]; port?: number }): Promise<RunningPostgrest> {
  const postgrest = new PostgrestStandIn(opts);
  const http = await listen(async (req, res, url) => {
    if (handlePreflight(req, res)) return;
    if (!checkApiKey(req, res, url, opts.apiKeys)) return;
    if (!url.pathname.startsWith('/rest/v1/')) return sendJson(res, 404, { message: 'no Route matched with those values' }, corsHeaders(req));
    await postgrest.handle(req, res, url.pathname.slice('/rest/v1'.length));
  }, opts.port ?? 0);
  return { url: http.url, port: http.port, postgrest, stop: async () => { await http.close(); await postgrest.close(); } };
}
