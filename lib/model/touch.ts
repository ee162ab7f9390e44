import { z } from 'zod';
import { Id, Millis, OptionalText } from './common';
import { Direction, Engagement, TouchChannel } from './enums';

/** A logged interaction. Append-only: touches are never edited, so none is ever lost in sync. */
export const TouchSchema = z.object({
  id: Id,
  teamId: z.string(),
  prospectId: Id,
  channel: TouchChannel,
  direction: Direction,
  note: OptionalText(2000),
  // Rows stored before social engagements existed have no such field: they read as null.
  engagement: Engagement.nullable().default(null),
  occurredAt: Millis,
  createdAt: Millis,
  byId: z.string(),
});
export type Touch = z.infer<typeof TouchSchema>;

/** Only a social-engagement touch says what the engagement was; the server checks the same. */
export function engagementFits(channel: string, engagement: string | null | undefined): boolean {
  return engagement == null || channel === 'social_engagement';
}
