import type { BoardOwner } from '../pipeline/board';

export type MembersRequest = { type: 'teamMembers' };

export interface MembersResponses {
  teamMembers: { members: BoardOwner[] };
}
