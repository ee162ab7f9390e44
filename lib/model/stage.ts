import { z } from 'zod';
import { Id, Millis, RequiredText } from './common';
import { StageKind } from './enums';

export const StageSchema = z.object({
  id: Id,
  teamId: z.string(),
  key: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9_-]+$/),
  /** null for a default stage the team has not renamed: the UI shows the localised default name. */
  name: RequiredText(60).nullable(),
  order: z.number().int(),
  kind: StageKind,
  probability: z.number().min(0).max(100),
  /** Days without a touch after which an open-stage prospect counts as stalled; null = never. */
  staleDays: z.number().int().positive().nullable(),
  updatedAt: Millis,
  deletedAt: Millis.nullable(),
});
export type Stage = z.infer<typeof StageSchema>;
