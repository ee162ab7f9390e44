// Plain message types of merging, duplicate suggestions and bulk actions (no zod here).
import type { Prospect } from '../model';
import type { DuplicateReason } from '../pipeline/duplicates';
import type { BulkAction, BulkResult, BulkUndoResult, BulkUndoToken } from '../store/bulk';
import type { MergePick } from '../store/merge';

export type MergeRequest =
  | { type: 'mergeProspects'; survivorId: string; otherId: string; pick?: MergePick }
  | { type: 'duplicates'; id: string }
  | { type: 'bulkApply'; ids: string[]; action: BulkAction }
  | { type: 'bulkUndo'; token: BulkUndoToken };

/** A likely duplicate as the person view shows it. */
export interface DuplicateItem {
  prospect: Prospect;
  reason: DuplicateReason;
  stageKey: string;
  stageName: string | null;
  touchCount: number;
  openFollowUps: number;
}

export interface MergeResponses {
  mergeProspects: { survivor: Prospect; mergedName: string; moved: { touches: number; followUps: number; stageChanges: number } };
  duplicates: { items: DuplicateItem[] };
  bulkApply: BulkResult;
  bulkUndo: BulkUndoResult;
}

export type { BulkAction, BulkResult, BulkUndoResult, BulkUndoToken, MergePick };
