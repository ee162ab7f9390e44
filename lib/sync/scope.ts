// Whose pipeline the extension is showing: the local one (no account), or one team's as one user.
// Each scope has its own IndexedDB database, so signing out returns to the local pipeline intact
// and a team's queued work waits in its own outbox until that user signs in again.
import { z } from 'zod';

export const ScopeSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('local') }),
  z.object({
    mode: z.literal('team'),
    userId: z.string().uuid(),
    email: z.string().max(254).nullable(),
    teamId: z.string().uuid(),
    teamName: z.string().max(200),
  }),
]);
export type Scope = z.infer<typeof ScopeSchema>;

export const LOCAL_SCOPE: Scope = { mode: 'local' };
export const LOCAL_DB = 'jalur';

export function dbNameFor(scope: Scope): string {
  return scope.mode === 'local' ? LOCAL_DB : `jalur-team-${scope.teamId}-${scope.userId}`;
}

export function parseScope(value: unknown): Scope {
  const parsed = ScopeSchema.safeParse(value);
  return parsed.success ? parsed.data : LOCAL_SCOPE;
}
