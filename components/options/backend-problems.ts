// The project URL and anon key are checked by lib/sync/backend-config.ts (the same schema the background
// uses); here each refusal is placed on its own field and said in the UI language. Pure: unit-tested.
import type { z } from 'zod';
import type { MessageKey } from '../shared/i18n';

export type BackendField = 'url' | 'anonKey';

/** The schema's sentences (stable beginnings) and what the options page says instead. */
const KNOWN: Array<[BackendField, string, MessageKey]> = [
  ['url', 'Enter the project URL', 'backendErrUrlInvalid'],
  ['url', 'The project URL must start with https://', 'backendErrUrlHttps'],
  ['url', 'Leave the user name and password out', 'backendErrUrlCredentials'],
  ['url', 'Jalur connects to Supabase-hosted projects', 'backendErrUrlHost'],
  ['anonKey', 'That is a secret key', 'backendErrKeySecret'],
  ['anonKey', 'That does not look like an anon key', 'backendErrKeyFormat'],
  ['anonKey', 'That is the service-role key', 'backendErrKeyServiceRole'],
  ['anonKey', 'That key is not an anon key', 'backendErrKeyNotAnon'],
];

/** One problem per field: a message key, or the schema's own sentence where no key says it yet. */
export type BackendProblems = Partial<Record<BackendField, { key: MessageKey } | { text: string }>>;

export function backendProblems(error: z.ZodError, values: Record<BackendField, string>): BackendProblems {
  const out: BackendProblems = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (field !== 'url' && field !== 'anonKey') continue;
    if (out[field]) continue;
    // An empty field: say what to paste, not that its value is wrong.
    if (values[field].trim() === '') {
      out[field] = { key: field === 'url' ? 'backendErrUrlEmpty' : 'backendErrKeyEmpty' };
      continue;
    }
    const known = KNOWN.find(([f, start]) => f === field && issue.message.startsWith(start));
    out[field] = known ? { key: known[2] } : { text: issue.message };
  }
  return out;
}
