// Requests about the backend connection, the account, the team and sync. They are answered by the
// background's account module (which owns the only supabase-js client), not by the store.
import { z } from 'zod';

const email = z.string().trim().toLowerCase().pipe(z.string().email('Enter an e-mail address').max(254));
const password = z.string().min(6, 'The password needs at least 6 characters').max(200);

export const AccountRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('account') }),
  z.object({ type: z.literal('connect'), url: z.string().max(500), anonKey: z.string().max(2000) }),
  z.object({ type: z.literal('disconnect') }),
  z.object({ type: z.literal('signIn'), email, password }),
  z.object({ type: z.literal('signUp'), email, password }),
  z.object({ type: z.literal('sendCode'), email }),
  z.object({
    type: z.literal('verifyCode'),
    email,
    code: z
      .string()
      .trim()
      .regex(/^[0-9]{6,10}$/, 'The code is the digits from the e-mail'),
  }),
  z.object({ type: z.literal('signOut') }),
  z.object({ type: z.literal('teams') }),
  z.object({ type: z.literal('createTeam'), name: z.string().trim().min(1, 'Name the team').max(120) }),
  z.object({ type: z.literal('joinTeam'), code: z.string().trim().min(4, 'Paste the invite code').max(64) }),
  z.object({ type: z.literal('useTeam'), teamId: z.string().uuid(), bringLocal: z.boolean() }),
  z.object({ type: z.literal('invite'), role: z.enum(['rep', 'admin']) }),
  z.object({ type: z.literal('syncStatus') }),
  z.object({ type: z.literal('syncNow') }),
  z.object({ type: z.literal('syncIssues') }),
  z.object({ type: z.literal('clearSyncIssues') }),
]);
export type AccountRequest = z.infer<typeof AccountRequestSchema>;

const TYPES: ReadonlySet<string> = new Set(AccountRequestSchema.options.map((o) => o.shape.type.value));

export function isAccountRequest(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && TYPES.has((raw as { type?: unknown }).type as string);
}
