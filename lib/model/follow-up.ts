import { z } from 'zod';
import { Id, Millis, OptionalText, RequiredText } from './common';
import { TouchChannel } from './enums';

export const FollowUpSchema = z.object({
  id: Id,
  teamId: z.string(),
  prospectId: Id,
  assigneeId: z.string(),
  title: RequiredText(300),
  note: OptionalText(4000),
  /** How the touch is meant to be made (cadence steps say which channel). */
  channel: TouchChannel.nullable(),
  /** Set when the follow-up is a cadence step: which cadence, which step (0-based). */
  cadenceId: Id.nullable(),
  cadenceStep: z.number().int().min(0).max(49).nullable(),
  dueAt: Millis,
  doneAt: Millis.nullable(),
  snoozedUntil: Millis.nullable(),
  createdAt: Millis,
  updatedAt: Millis,
  deletedAt: Millis.nullable(),
  /**
   * Index key for "open and due": the later of due and snooze time while open, absent once done or
   * deleted. It lets the badge count overdue follow-ups with one index range instead of a scan.
   */
  openDueAt: Millis.optional(),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

export const FOLLOW_UP_CADENCE_DEFAULTS = { note: null, channel: null, cadenceId: null, cadenceStep: null } satisfies Partial<FollowUp>;
