// What the server sends back (supabase/README.md "API"), validated before anything is applied:
// a reply that does not look like this is an error the rep sees, never a half-applied page.
import { z } from 'zod';

export const PushResultSchema = z.object({
  mutation_id: z.string(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  code: z.string().nullish(),
  reason: z.string().nullish(),
  conflict_id: z.string().nullish(),
});
export type PushResult = z.infer<typeof PushResultSchema>;

export const PushReplySchema = z.object({ results: z.array(PushResultSchema) });

export const PULL_ENTITIES = [
  'team',
  'team_member',
  'team_settings',
  'stage',
  'cadence',
  'company',
  'prospect',
  'follow_up',
  'touch',
  'stage_change',
] as const;

export const PullChangeSchema = z.object({
  // A newer server may send entities this client does not know; they are skipped, not fatal.
  entity: z.string(),
  id: z.string(),
  seq: z.number(),
  data: z.record(z.string(), z.unknown()),
});
export type PullChange = z.infer<typeof PullChangeSchema>;

export const PullPageSchema = z.object({
  changes: z.array(PullChangeSchema),
  next_cursor: z.number(),
  has_more: z.boolean(),
});
export type PullPage = z.infer<typeof PullPageSchema>;

export const TeamRowSchema = z.object({
  team_id: z.string(),
  name: z.string(),
  role: z.enum(['owner', 'admin', 'rep']),
  joined_at: z.string().nullish(),
  member_count: z.number().nullish(),
});
export type TeamRow = z.infer<typeof TeamRowSchema>;

export const InviteRowSchema = z.object({ code: z.string(), expires_at: z.string() });

/** One mutation as `sync_push` takes it. */
export interface WireMutation {
  mutation_id: string;
  entity: string;
  op: 'upsert' | 'delete' | 'restore' | 'erase';
  id: string;
  hlc: string;
  fields?: Record<string, unknown>;
}
