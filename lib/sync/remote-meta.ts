// Team-level rows the store has no table for yet are kept whole in `meta`, keyed by entity, so
// nothing the server sends is lost and later features read them from one place.
export const REMOTE_META = {
  team: 'remote:team',
  team_member: 'remote:members',
} as const;

export type RemoteMetaEntity = keyof typeof REMOTE_META;

export const CURSOR_KEY = 'sync:cursor';

export interface Member {
  userId: string;
  displayName: string | null;
  email: string | null;
  role: string;
  deleted: boolean;
}
