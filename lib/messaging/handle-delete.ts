// Requests of delete, undo, erase and a person's export (./delete-schemas.ts).
import { mustGetProspect } from '../store/commands';
import type { StoreContext } from '../store/context';
import { deleteProspects, deleteRights, erasePeople, exportPerson, undoDelete } from '../store/delete';
import type { ValidRequest } from './schemas';
import type { RequestType, ResponseMap } from './types';

/** A file name from a person's name: letters and digits only, so no path or odd character gets through. */
export function exportFileName(name: string, at: number): string {
  const base = name
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `jalur-person-${base || 'person'}-${new Date(at).toISOString().slice(0, 10)}.json`;
}

export async function dispatchDelete(ctx: StoreContext, req: ValidRequest): Promise<ResponseMap[RequestType] | undefined> {
  switch (req.type) {
    case 'deleteProspects':
      return deleteProspects(ctx, req.ids);
    case 'undoDelete':
      return undoDelete(ctx, req.token);
    case 'deleteRights':
      return deleteRights(ctx, await mustGetProspect(ctx, req.id));
    case 'erasePeople':
      return erasePeople(ctx, req.ids);
    case 'exportPerson': {
      const data = await exportPerson(ctx, req.id);
      return { json: JSON.stringify(data, null, 2), fileName: exportFileName(data.prospect.name, ctx.now()) };
    }
    default:
      return undefined;
  }
}
