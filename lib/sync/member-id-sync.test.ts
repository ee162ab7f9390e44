// The member id through sync: a teammate's row that names the same member as a prospect this
// device has not pushed yet is one person (merged into the team's), and the merge fills the id in.
import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { captureProspect, type CaptureInput } from '../store/commands';
import { prospectFromRow } from './map-in';
import { fillBlanks, settleIdentityClashes } from './merge';

const ID = 'ACoAABCdEfGhIjKlMnOpQrStUvWxYz0123456';
const TEAM = '6f1c1c1e-1111-4111-8111-0000000000aa';

const row = (extra: Record<string, unknown> = {}) => ({
  id: '6f1c1c1e-1111-4111-8111-111111111111',
  team_id: TEAM,
  linkedin_slug: null,
  linkedin_member_id: ID,
  emails: [],
  name: 'Dewi Anggraini',
  source: 'social_selling',
  temperature: 'cold',
  stage_id: '6f1c1c1e-1111-4111-8111-111111111112',
  owner_id: 'u',
  created_at: '2026-11-01T00:00:00Z',
  updated_at: '2026-11-01T00:00:00Z',
  deleted_at: null,
  ...extra,
});

const mine: CaptureInput = {
  slug: 'dewi-anggraini-77',
  memberId: ID,
  email: null,
  name: 'Dewi (mine)',
  headline: null,
  title: null,
  company: 'Kopi Kita',
  location: null,
  photoUrl: null,
  linkedinUrl: 'https://www.linkedin.com/in/dewi-anggraini-77/',
  source: 'social_selling',
};

async function teamStore() {
  const store = await testStore();
  // A team's store queues changes for the server (the local pipeline does not).
  store.ctx.teamId = TEAM;
  return store;
}

describe('member id in sync', () => {
  it("a teammate's row with the same member id merges this device's unpushed prospect into it, slug filled in", async () => {
    const { ctx } = await teamStore();
    const stage = (await ctx.db.stages.toArray())[0]!;
    const local = await captureProspect(ctx, mine);
    await ctx.db.prospects.put({ ...prospectFromRow(row({ stage_id: stage.id })), touchCount: 0, lastTouchAt: null });
    expect(await settleIdentityClashes(ctx)).toBe(1);
    const live = (await ctx.db.prospects.toArray()).filter((p) => p.deletedAt === null);
    expect(live.map((p) => p.id)).toEqual(['6f1c1c1e-1111-4111-8111-111111111111']);
    expect(live[0]!.slug).toBe('dewi-anggraini-77');
    expect(live[0]!.company).toBe('Kopi Kita');
    expect(await ctx.db.prospects.get(local.prospect.id)).toBeUndefined();
  });

  it('fills a missing member id from the duplicate, unless another live prospect holds it', async () => {
    const { ctx } = await teamStore();
    const stage = (await ctx.db.stages.toArray())[0]!;
    const team = { ...prospectFromRow(row({ stage_id: stage.id, linkedin_member_id: null, linkedin_slug: 'dewi-anggraini-77' })), touchCount: 0, lastTouchAt: null };
    await ctx.db.prospects.put(team);
    expect(await fillBlanks(ctx, team, { ...team, memberId: ID })).toMatchObject({ memberId: ID });
    await ctx.db.prospects.put({ ...team, id: '6f1c1c1e-1111-4111-8111-222222222222', slug: null, memberId: ID });
    expect(await fillBlanks(ctx, team, { ...team, memberId: ID })).not.toHaveProperty('memberId');
  });
});
