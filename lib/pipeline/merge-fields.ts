// The fields a rep picks between when merging two people (lib/store/merge.ts), pure so the merge
// dialog can show them without the store.
import type { Prospect } from '../model';

/** The fields a rep chooses between, one by one; everything else is combined (below). */
export const MERGE_FIELDS = ['name', 'headline', 'title', 'company', 'location', 'photoUrl', 'linkedinUrl', 'source', 'stage', 'deal', 'owner'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergePick = Partial<Record<MergeField, 'survivor' | 'other'>>;

/** Whether two people differ in a field the rep picks (the dialog shows only these). */
export function mergeFieldValue(p: Prospect, field: MergeField): unknown {
  switch (field) {
    case 'stage':
      return p.stageId;
    case 'deal':
      return p.dealValue === null ? null : `${p.dealValue} ${p.currency ?? ''}`;
    case 'owner':
      return p.ownerId;
    default:
      return p[field];
  }
}

export function differingFields(a: Prospect, b: Prospect): MergeField[] {
  return MERGE_FIELDS.filter((f) => mergeFieldValue(a, f) !== mergeFieldValue(b, f));
}

