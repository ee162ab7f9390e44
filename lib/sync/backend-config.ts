// The team's project as the rep types it into options: validated before anything is stored or
// any permission is asked for. Only the anon (publishable) key is accepted; a service-role key
// would give every reader of this browser profile the whole database.
import { z } from 'zod';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function decodeJwtPayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = atob(
      part
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(part.length / 4) * 4, '='),
    );
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export const BackendConfigSchema = z.object({
  url: z
    .string()
    .trim()
    .transform((s, c) => {
      let u: URL;
      try {
        u = new URL(s);
      } catch {
        c.addIssue({ code: 'custom', message: 'Enter the project URL, like https://abcd1234.supabase.co' });
        return z.NEVER;
      }
      const local = u.protocol === 'http:' && LOOPBACK.has(u.hostname);
      if (u.protocol !== 'https:' && !local) {
        c.addIssue({
          code: 'custom',
          message: 'The project URL must start with https:// (http:// only for a stack on this computer)',
        });
        return z.NEVER;
      }
      // Any https origin: Supabase's own (<ref>.supabase.co), a custom domain or a self-hosted stack.
      // Credentials in the URL would be stored and sent with every call; a path or query would be cut off.
      if (u.username || u.password) {
        c.addIssue({ code: 'custom', message: 'Leave the user name and password out of the project URL' });
        return z.NEVER;
      }
      return u.origin;
    }),
  anonKey: z
    .string()
    .trim()
    .transform((s, c) => {
      if (s.startsWith('sb_secret_')) {
        c.addIssue({
          code: 'custom',
          message: 'That is a secret key. Paste the anon (publishable) key: the extension never holds a secret key',
        });
        return z.NEVER;
      }
      if (/^sb_publishable_[A-Za-z0-9_-]{10,}$/.test(s)) return s;
      const payload = decodeJwtPayload(s);
      if (!payload) {
        c.addIssue({ code: 'custom', message: 'That does not look like an anon key (Project Settings → API)' });
        return z.NEVER;
      }
      if (payload.role !== 'anon') {
        c.addIssue({
          code: 'custom',
          message:
            payload.role === 'service_role'
              ? 'That is the service-role key. Paste the anon key: the service-role key must never leave the server'
              : 'That key is not an anon key (Project Settings → API)',
        });
        return z.NEVER;
      }
      return s;
    }),
});
export type BackendConfig = z.infer<typeof BackendConfigSchema>;

/**
 * Where a project may live: any https origin (Supabase's own, a custom domain, a self-hosted stack) or
 * a stack on this computer. The manifest lists these as optional host permissions: none is granted at
 * install, and connecting asks the browser for the one origin the rep typed (permissionOrigin).
 */
export const OPTIONAL_BACKEND_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

/** The one host the extension asks the browser for at connect time (match patterns carry no port). */
export function permissionOrigin(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}
