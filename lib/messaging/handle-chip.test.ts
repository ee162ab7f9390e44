// What the inline chip's quick actions get and send: the lookup carries the stages, lost reasons,
// the owner's name when a teammate owns the prospect and the place's time zone; a move to Lost keeps
// the reason given with it.
import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { REMOTE_META } from '../sync/remote-meta';
import { handleRequest } from './handle';
import type { Request, RequestType, ResponseMap } from './types';

async function call<T extends RequestType>(ctx: Parameters<typeof handleRequest>[0], req: Extract<Request, { type: T }>): Promise<ResponseMap[T]> {
  const r = await handleRequest(ctx, req);
  if (!r.ok) throw new Error(r.error);
  return r.data as ResponseMap[T];
}

const rizky = {
  slug: 'rizky-pratama-5e6f7a',
  email: null,
  name: 'Rizky Pratama',
  headline: null,
  title: 'Director of Sales',
  company: 'Kopi Kenangan Digital',
  location: 'Bandung, West Java, Indonesia',
  photoUrl: null,
  linkedinUrl: null,
};

describe('chip lookup', () => {
  it('carries the stages to move between, the built-in lost reasons and the place’s time zone', async () => {
    const { ctx } = await testStore();
    await call(ctx, { type: 'capture', input: rizky });
    const [p] = (await call(ctx, { type: 'lookup', slugs: [rizky.slug], emails: [] })).people;
    expect(p!.stages.map((s) => [s.key, s.kind])).toEqual([
      ['prospecting', 'open'],
      ['qualification', 'open'],
      ['consideration', 'open'],
      ['decision', 'open'],
      ['delivery', 'won'],
      ['lost', 'lost'],
    ]);
    expect(p!.lostReasons).toBeNull();
    expect(p!.place).toEqual({ zone: 'Asia/Jakarta', place: 'Bandung' });
    expect(p!.ownerName).toBeNull(); // mine
    expect(p!.stageKind).toBe('open');
    const detail = await call(ctx, { type: 'detail', slug: rizky.slug });
    expect(detail!.place).toEqual({ zone: 'Asia/Jakarta', place: 'Bandung' });
  });

  it('an unknown place gives no time zone', async () => {
    const { ctx } = await testStore();
    await call(ctx, { type: 'capture', input: { ...rizky, location: 'Remote' } });
    const [p] = (await call(ctx, { type: 'lookup', slugs: [rizky.slug], emails: [] })).people;
    expect(p!.place).toBeNull();
  });

  it('in a team, names the owner when a teammate owns the prospect', async () => {
    const { ctx } = await testStore();
    await call(ctx, { type: 'capture', input: rizky });
    const stored = (await ctx.db.prospects.toArray())[0]!;
    await ctx.db.prospects.put({ ...stored, ownerId: 'user-sara' });
    await ctx.db.meta.put({ key: REMOTE_META.team_member, value: { 'user-sara': { displayName: 'Sara', email: 'sara@example.com', role: 'rep' } } });
    const [p] = (await call(ctx, { type: 'lookup', slugs: [rizky.slug], emails: [] })).people;
    expect(p!.ownerName).toBe('Sara');
  });
});

describe('setStage with a lost reason', () => {
  it('moving to Lost stores the reason given with the move', async () => {
    const { ctx } = await testStore();
    const { prospect } = await call(ctx, { type: 'capture', input: rizky });
    const moved = await call(ctx, { type: 'setStage', prospectId: prospect.id, stageKey: 'lost', lostReason: 'Price: half the budget' });
    expect(moved.needsConfirmation).toBe(false);
    expect(moved.prospect.lostReason).toBe('Price: half the budget');
    expect((await ctx.db.prospects.get(prospect.id))!.lostReason).toBe('Price: half the budget');
  });

  it('a reason sent with a move to an open stage is not stored', async () => {
    const { ctx } = await testStore();
    const { prospect } = await call(ctx, { type: 'capture', input: rizky });
    const moved = await call(ctx, { type: 'setStage', prospectId: prospect.id, stageKey: 'qualification', lostReason: 'stray' });
    expect(moved.prospect.lostReason).toBeNull();
  });

  it('openSidePanel is answered by the background with the sender’s tab, not here', async () => {
    const { ctx } = await testStore();
    const r = await handleRequest(ctx, { type: 'openSidePanel' });
    expect(r.ok).toBe(false);
  });
});
