import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { handleRequest } from '../messaging/handle';
import { REMOTE_META } from '../sync/remote-meta';
import { teamMembers } from './team-members';

describe('team members, for choosing an owner', () => {
  it('local mode: only the rep', async () => {
    const { ctx } = await testStore();
    expect(await teamMembers(ctx)).toEqual([{ id: 'local', name: null, you: true }]);
  });

  it('in a team: every current member, owners of no card included, the rep first, people who left not offered', async () => {
    const { ctx: local } = await testStore();
    const ctx = { ...local, teamId: 'team-1', userId: 'u-rep' };
    await ctx.db.meta.put({
      key: REMOTE_META.team_member,
      value: {
        'u-rep': { userId: 'u-rep', displayName: 'Rina', email: 'rina@example.test', role: 'rep', deleted: false },
        'u-sara': { userId: 'u-sara', displayName: 'Sara', email: null, role: 'rep', deleted: false },
        'u-budi': { userId: 'u-budi', displayName: null, email: 'budi@example.test', role: 'admin', deleted: false },
        'u-gone': { userId: 'u-gone', displayName: 'Gone', email: null, role: 'rep', deleted: true },
      },
    });
    const members = [
      { id: 'u-rep', name: 'Rina', you: true },
      { id: 'u-budi', name: 'budi@example.test', you: false },
      { id: 'u-sara', name: 'Sara', you: false },
    ];
    expect(await teamMembers(ctx)).toEqual(members);
    expect(await handleRequest(ctx, { type: 'teamMembers' })).toEqual({ ok: true, data: { members } });
  });
});
