import type { StoreContext } from '../store/context';
import type { ValidRequest } from './schemas';
import type { RequestType, ResponseMap } from './types';

export async function dispatchBoard(_ctx: StoreContext, req: ValidRequest): Promise<ResponseMap[RequestType] | undefined> {
  switch (req.type) {
    case 'boardPing':
      return { ok: true };
    default:
      return undefined;
  }
}
