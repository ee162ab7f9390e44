import { z } from 'zod';
import { Id, Millis } from './common';

export const FollowUpSchema = z.object({
  id: Id,
  teamId: z.string(),
  prospectId: Id,
  assigneeId: z.string(),
  title: z.string().min(1).max(300),
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
