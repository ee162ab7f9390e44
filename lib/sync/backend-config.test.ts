import { describe, expect, it } from 'vitest';
import { BackendConfigSchema, OPTIONAL_BACKEND_ORIGINS, permissionOrigin } from './backend-config';

const key = 'sb_publishable_abcdefghijkl';

/** A match pattern as the browser reads it (scheme://host/path, `*.` host wildcard, `*` any host). */
function matches(pattern: string, url: string): boolean {
  const m = /^(https?|\*):\/\/([^/]+)\/(.*)$/.exec(pattern);
  if (!m) return false;
  const u = new URL(url);
  const [, scheme, host] = m as unknown as [string, string, string];
  if (scheme !== '*' && `${scheme}:` !== u.protocol) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) return u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1));
  return u.hostname === host;
}

describe('project URL: Supabase-hosted, custom domain or self-hosted', () => {
  it.each([
    ['https://abcd1234.supabase.co', 'https://abcd1234.supabase.co'],
    ['https://db.example.org/', 'https://db.example.org'],
    ['https://supabase.team.example:8443/rest/v1?x=1', 'https://supabase.team.example:8443'],
    ['http://127.0.0.1:54321', 'http://127.0.0.1:54321'],
    ['http://localhost:8000', 'http://localhost:8000'],
  ])('accepts %s as the origin %s', (url, origin) => {
    const r = BackendConfigSchema.safeParse({ url, anonKey: key });
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.url).toBe(origin);
  });

  it.each([
    ['http://db.example.org', /https:\/\//],
    ['http://192.168.1.10:8000', /https:\/\//],
    ['ftp://db.example.org', /https:\/\//],
    ['https://user:secret@db.example.org', /user name and password/],
  ])('refuses %s', (url, message) => {
    const r = BackendConfigSchema.safeParse({ url, anonKey: key });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]!.message).toMatch(message);
  });

  it('asks the browser for exactly that origin, which the optional host permissions allow', () => {
    for (const url of ['https://db.example.org:8443', 'https://abcd.supabase.co', 'http://127.0.0.1:54321']) {
      const asked = permissionOrigin(url);
      expect(asked).toBe(`${new URL(url).protocol}//${new URL(url).hostname}/*`);
      expect(OPTIONAL_BACKEND_ORIGINS.some((p) => matches(p, url))).toBe(true);
    }
  });

  it('allows no plain-http host beyond this computer, and grants nothing broad (all optional)', () => {
    expect(OPTIONAL_BACKEND_ORIGINS.filter((p) => p.startsWith('http:'))).toEqual(['http://localhost/*', 'http://127.0.0.1/*']);
    expect(OPTIONAL_BACKEND_ORIGINS.some((p) => matches(p, 'http://db.example.org'))).toBe(false);
  });
});
