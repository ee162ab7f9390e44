import { z } from 'zod';
import { Id, Millis } from './common';

/** Append-only stage history; the current stage is the latest change, analytics read the rest. */
export const StageChangeSchema = z.object({
  id: Id,
  teamId: z.string(),
  prospectId: Id,
  fromStageId: Id.nullable(),
  toStageId: Id,
  changedAt: Millis,
  byId: z.string(),
});
export type StageChange = z.infer<typeof StageChangeSchema>;
