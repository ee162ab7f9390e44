import { z } from 'zod';
import { Id, Millis } from './common';

export const OutboxEntity = z.enum(['prospect', 'touch', 'follow_up', 'stage_change', 'stage', 'cadence', 'team_settings', 'merge', 'company']);
export type OutboxEntity = z.infer<typeof OutboxEntity>;

/** One queued mutation. Written in the same transaction as the entity it describes. */
export const OutboxEntrySchema = z.object({
  seq: z.number().int().optional(),
  mutationId: Id,
  entity: OutboxEntity,
  /** restore lifts a prospect's tombstone (undo of a delete); erase removes a person for good (prospects only). */
  op: z.enum(['upsert', 'delete', 'restore', 'erase']),
  entityId: Id,
  /** Only the fields this mutation changed, so the server can merge field by field. */
  fields: z.record(z.string(), z.unknown()),
  hlc: z.string(),
  createdAt: Millis,
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;
