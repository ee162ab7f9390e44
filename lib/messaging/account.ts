// Requests about the backend connection, the account, the team and sync. They are answered by the
// background's account module (which owns the only supabase-js client), not by the store.
import { z } from 'zod';
import { BackendConfigSchema } from '../sync/backend-config';

const email = z.string().trim().toLowerCase().pipe(z.string().email('Enter an e-mail address').max(254));
const password = z.string().min(6, 'The password needs at least 6 characters').max(200);

// Strict: a request carrying anything it does not name is refused, not quietly trimmed.
const o = z.strictObject;

export const AccountRequestSchema = z.discriminatedUnion('type', [
  o({ type: z.literal('account') }),
  // The project is checked here already (https Supabase host or loopback, anon key only), before it reaches any code.
  o({
    type: z.literal('connect'),
    url: z.string().max(500).pipe(BackendConfigSchema.shape.url),
    anonKey: z.string().max(2000).pipe(BackendConfigSchema.shape.anonKey),
  }),
  o({ type: z.literal('disconnect') }),
  o({ type: z.literal('signIn'), email, password }),
  o({ type: z.literal('signUp'), email, password }),
  o({ type: z.literal('sendCode'), email }),
  o({
    type: z.literal('verifyCode'),
    email,
    code: z
      .string()
      .trim()
      .regex(/^[0-9]{6,10}$/, 'The code is the digits from the e-mail'),
  }),
  o({ type: z.literal('signOut') }),
  o({ type: z.literal('teams') }),
  o({ type: z.literal('createTeam'), name: z.string().trim().min(1, 'Name the team').max(120) }),
  o({ type: z.literal('joinTeam'), code: z.string().trim().min(4, 'Paste the invite code').max(64) }),
  o({ type: z.literal('useTeam'), teamId: z.string().uuid(), bringLocal: z.boolean() }),
  o({ type: z.literal('invite'), role: z.enum(['rep', 'admin']) }),
  o({ type: z.literal('syncStatus') }),
  o({ type: z.literal('syncNow') }),
  o({ type: z.literal('syncIssues') }),
  o({ type: z.literal('clearSyncIssues') }),
  // One issue's held changes back into the send queue, or dropped for good (lib/sync/quarantine.ts).
  o({ type: z.literal('retrySyncIssue'), id: z.number().int().nonnegative() }),
  o({ type: z.literal('discardSyncIssue'), id: z.number().int().nonnegative() }),
]);
export type AccountRequest = z.infer<typeof AccountRequestSchema>;

const TYPES: ReadonlySet<string> = new Set(AccountRequestSchema.options.map((o) => o.shape.type.value));

export function isAccountRequest(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && TYPES.has((raw as { type?: unknown }).type as string);
}
