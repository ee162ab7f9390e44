import { describe, expect, it } from 'vitest';
import { BackendConfigSchema } from '../../lib/sync/backend-config';
import { backendProblems } from './backend-problems';

function problems(url: string, anonKey: string) {
  const r = BackendConfigSchema.safeParse({ url, anonKey });
  if (r.success) return {};
  return backendProblems(r.error, { url, anonKey });
}

const jwt = (role: string) => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ role })).toString('base64url')}.c2lnbmF0dXJl`;

describe('backend form problems', () => {
  it('puts each refusal on its own field, as a message key (no "url:" prefixes)', () => {
    expect(problems('', '')).toEqual({ url: { key: 'backendErrUrlEmpty' }, anonKey: { key: 'backendErrKeyEmpty' } });
    expect(problems('not a url', 'sb_secret_abcdefghijkl')).toEqual({ url: { key: 'backendErrUrlInvalid' }, anonKey: { key: 'backendErrKeySecret' } });
    expect(problems('http://abcd.supabase.co', jwt('service_role'))).toEqual({
      url: { key: 'backendErrUrlHttps' },
      anonKey: { key: 'backendErrKeyServiceRole' },
    });
    expect(problems('https://abcd.supabase.co', 'nonsense')).toEqual({ anonKey: { key: 'backendErrKeyFormat' } });
    expect(problems('https://abcd.supabase.co', jwt('authenticated'))).toEqual({ anonKey: { key: 'backendErrKeyNotAnon' } });
  });

  it('accepts a good pair', () => {
    expect(problems('https://abcd1234.supabase.co', jwt('anon'))).toEqual({});
  });
});
