import type { StoreContext } from '../store/context';
import type { ValidRequest } from './schemas';
import type { RequestType, ResponseMap } from './types';

export async function dispatchData(_ctx: StoreContext, req: ValidRequest): Promise<ResponseMap[RequestType] | undefined> {
  switch (req.type) {
    case 'dataPing':
      return { ok: true };
    default:
      return undefined;
  }
}
