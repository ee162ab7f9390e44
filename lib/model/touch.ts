import { z } from 'zod';
import { Id, Millis, OptionalText } from './common';
import { Direction, TouchChannel } from './enums';

/** A logged interaction. Append-only: touches are never edited, so none is ever lost in sync. */
export const TouchSchema = z.object({
  id: Id,
  teamId: z.string(),
  prospectId: Id,
  channel: TouchChannel,
  direction: Direction,
  note: OptionalText(2000),
  occurredAt: Millis,
  createdAt: Millis,
  byId: z.string(),
});
export type Touch = z.infer<typeof TouchSchema>;
