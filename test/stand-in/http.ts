// Shared HTTP plumbing: what the Supabase API gateway (Kong) does in front of PostgREST and
// GoTrue — CORS and the `apikey` check — plus small request/response helpers.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export function readBody(req: IncomingMessage, limit = 64 * 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, headers);
  res.end();
}

// Kong's cors plugin on a Supabase project: any origin (a chrome-extension:// page included),
// the headers supabase-js sends, and the ones it reads back.
const ALLOW_HEADERS = 'authorization, x-client-info, apikey, content-type, content-profile, accept-profile, prefer, range, x-supabase-api-version, x-retry-count';
const EXPOSE_HEADERS = 'Content-Range, Content-Profile, Content-Location, Preference-Applied, X-Supabase-Api-Version, Range-Unit';

export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return {
    'Access-Control-Allow-Origin': typeof origin === 'string' ? origin : '*',
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': EXPOSE_HEADERS,
    Vary: 'Origin',
  };
}

/** Answers a CORS preflight; returns true when it did. */
export function handlePreflight(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'OPTIONS') return false;
  const requested = req.headers['access-control-request-headers'];
  res.writeHead(200, {
    ...corsHeaders(req),
    'Access-Control-Allow-Methods': 'GET, HEAD, PUT, PATCH, POST, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': typeof requested === 'string' && requested ? requested : ALLOW_HEADERS,
    'Access-Control-Max-Age': '3600',
    'Content-Length': '0',
  });
  res.end();
  return true;
}

/**
 * The gateway's key-auth: `apikey` header (or `?apikey=`) must be one of the project's keys.
 * Returns false after answering 401 like the hosted gateway.
 */
export function checkApiKey(req: IncomingMessage, res: ServerResponse, url: URL, keys: readonly string[]): boolean {
  const header = req.headers.apikey;
  const key = (typeof header === 'string' ? header : undefined) ?? url.searchParams.get('apikey') ?? undefined;
  if (!key) {
    sendJson(res, 401, { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' }, corsHeaders(req));
    return false;
  }
  if (!keys.includes(key)) {
    sendJson(res, 401, { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' }, corsHeaders(req));
    return false;
  }
  return true;
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth !== 'string') return undefined;
  const m = /^bearer\s+(.*)$/i.exec(auth);
  return m ? m[1]!.trim() : undefined;
}

export interface Listening {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (port 0 = any free port). Unexpected handler errors become a bare 500. */
export async function listen(handler: Handler, port = 0, host = '127.0.0.1'): Promise<Listening> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`);
    handler(req, res, url).catch((err: unknown) => {
      console.error('[stand-in] unhandled', err);
      if (!res.headersSent) sendJson(res, 500, { message: 'internal error in the stand-in' });
      else res.end();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    server,
    port: actual,
    url: `http://${host}:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
