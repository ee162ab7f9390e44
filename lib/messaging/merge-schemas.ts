// Requests of merging two people, duplicate suggestions and bulk actions, validated in the background
// like every request. Extension pages only: none of these is a content script's
// (lib/messaging/sender-policy.ts).
import { z } from 'zod';
import { Id } from '../model/common';
import { BULK_MAX, BulkActionSchema, BulkUndoTokenSchema } from '../store/bulk';
import { MERGE_FIELDS } from '../store/merge';

const side = z.enum(['survivor', 'other']);

export const MERGE_REQUESTS = [
  z
    .object({
      type: z.literal('mergeProspects'),
      survivorId: Id,
      otherId: Id,
      pick: z.partialRecord(z.enum(MERGE_FIELDS), side).optional(),
    })
    .strict(),
  z.object({ type: z.literal('duplicates'), id: Id }).strict(),
  z.object({ type: z.literal('bulkApply'), ids: z.array(Id).min(1, 'Select at least one person first').max(BULK_MAX), action: BulkActionSchema }).strict(),
  z.object({ type: z.literal('bulkUndo'), token: BulkUndoTokenSchema }).strict(),
] as const;

export const MERGE_QUERIES = ['duplicates'] as const;
