// Requests of delete, undo, erase and a person's export, validated in the background like every
// request. Extension pages only: none of these is a content script's (lib/messaging/sender-policy.ts).
import { z } from 'zod';
import { Id } from '../model/common';
import { DeleteTokenSchema } from '../store/delete';

/** At most this many people in one delete or erase: a board's bulk selection fits, a runaway loop does not. */
export const MAX_DELETE_IDS = 10_000;

const ids = z.array(Id).min(1).max(MAX_DELETE_IDS);

export const DELETE_REQUESTS = [
  z.object({ type: z.literal('deleteProspects'), ids }).strict(),
  z.object({ type: z.literal('undoDelete'), token: DeleteTokenSchema }).strict(),
  z.object({ type: z.literal('deleteRights'), id: Id }).strict(),
  z.object({ type: z.literal('erasePeople'), ids }).strict(),
  z.object({ type: z.literal('exportPerson'), id: Id }).strict(),
] as const;

export const DELETE_QUERIES = ['deleteRights', 'exportPerson'] as const;
