// Requests of merging, duplicate suggestions and bulk actions (./merge-schemas.ts).
import type { StoreContext } from '../store/context';
import { bulkApply, bulkUndo } from '../store/bulk';
import { duplicatesFor, mergeProspects } from '../store/merge';
import { listStages, openFollowUpsFor } from '../store/queries';
import type { DuplicateItem } from './merge-types';
import type { ValidRequest } from './schemas';
import type { RequestType, ResponseMap } from './types';

export async function dispatchMerge(ctx: StoreContext, req: ValidRequest): Promise<ResponseMap[RequestType] | undefined> {
  switch (req.type) {
    case 'mergeProspects': {
      const out = await mergeProspects(ctx, { survivorId: req.survivorId, otherId: req.otherId, pick: req.pick });
      return { survivor: out.survivor, mergedName: out.merged.name, moved: out.moved };
    }
    case 'duplicates': {
      const found = await duplicatesFor(ctx, req.id);
      const stages = await listStages(ctx);
      const items: DuplicateItem[] = [];
      for (const d of found) {
        const stage = stages.find((s) => s.id === d.prospect.stageId);
        items.push({
          prospect: d.prospect,
          reason: d.reason,
          stageKey: stage?.key ?? 'unknown',
          stageName: stage?.name ?? null,
          touchCount: d.prospect.touchCount,
          openFollowUps: (await openFollowUpsFor(ctx, d.prospect.id)).filter((f) => f.doneAt === null).length,
        });
      }
      return { items };
    }
    case 'bulkApply':
      return bulkApply(ctx, req.ids, req.action);
    case 'bulkUndo':
      return bulkUndo(ctx, req.token);
    default:
      return undefined;
  }
}
