// LinkedIn's hosts served by a real HTTPS server on loopback, for benches that time a page load.
//
// `context.route()` serves a page through Playwright: every request of the page (the document and each
// of its images) pauses in the browser, crosses the DevTools protocol to Node and back. On the 2-core
// machine that round trip is most of a small page's load-time noise (per-load spread ~13 %, so two
// builds of the same code read 3–5 % apart in 30 loads), and it falls on every browser alike, so it
// says nothing about an extension. Here Chromium resolves the hosts to a local server instead, over its
// own network stack with nothing paused, and every other host resolves to nothing (no internet, and
// nothing Jalur could fetch itself).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The hosts a LinkedIn page of the fixtures asks for: the page itself and its images. */
export const SITE_HOSTS = ['www.linkedin.com', 'media.licdn.com'] as const;

/** A 1×1 transparent PNG: what every image URL answers, so images load (and decode) as on a real page. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

export interface LocalSite {
  /** Chromium flags: the hosts above to the server, every other host to nothing. */
  args: string[];
  close: () => Promise<void>;
}

/** A throwaway self-signed certificate (the browser is told to accept it: `ignoreHTTPSErrors`). */
function certificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'jalur-site-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '2',
        '-subj',
        '/CN=www.linkedin.com',
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `page(url)`: the HTML for a document URL of www.linkedin.com, or null for a 404. */
export async function serveSite(page: (url: URL) => string | null): Promise<LocalSite> {
  const server: Server = createServer(certificate(), (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? SITE_HOSTS[0]}`);
    if (url.hostname === 'media.licdn.com') {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': PIXEL.length, 'cache-control': 'no-store' });
      return res.end(PIXEL);
    }
    const body = url.hostname === 'www.linkedin.com' ? page(url) : null;
    if (body === null) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end();
    }
    const bytes = Buffer.from(body, 'utf8');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': bytes.length, 'cache-control': 'no-store' });
    res.end(bytes);
  });
  // Every connection kept alive across loads, as a browser keeps its connection to a site.
  server.keepAliveTimeout = 600_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // Rules apply in order, the first match wins: the site's hosts to the server, then everything else to
  // a name that does not resolve.
  const rules = [...SITE_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND'].join(', ');
  return {
    args: [`--host-resolver-rules=${rules}`],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
