import type { StoreContext } from '../store/context';
import { teamMembers } from '../store/team-members';
import type { ValidRequest } from './schemas';
import type { RequestType, ResponseMap } from './types';

export async function dispatchMembers(ctx: StoreContext, req: ValidRequest): Promise<ResponseMap[RequestType] | undefined> {
  if (req.type === 'teamMembers') return { members: await teamMembers(ctx) };
  return undefined;
}
