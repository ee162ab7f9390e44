import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { boardSources, forgetBoardCache, saveBoardSnapshot } from '../messaging/board-cache';
import { PROSPECTS_STAMP_KEY } from './change-stamp';
import { captureProspect, logTouch, updateProspect, type CaptureInput } from './commands';
import type { StoreContext } from './context';

const person = (i: number): CaptureInput => ({
  slug: `person-${i}`,
  email: null,
  name: `Person ${i}`,
  headline: null,
  title: null,
  company: 'Karya Abadi',
  location: null,
  photoUrl: null,
  linkedinUrl: `https://www.linkedin.com/in/person-${i}/`,
  source: 'social_selling',
});

const stampOf = async (ctx: StoreContext) => (await ctx.db.caches.get(PROSPECTS_STAMP_KEY))?.value;

describe('the prospects’ change stamp', () => {
  it('changes with every write to the prospects, in any way, and with nothing else', async () => {
    const { ctx } = await testStore(undefined, { queue: false });
    const seen = new Set<unknown>([await stampOf(ctx)]);
    const { prospect } = await captureProspect(ctx, person(1));
    seen.add(await stampOf(ctx));
    await updateProspect(ctx, prospect.id, { title: 'Director' });
    seen.add(await stampOf(ctx));
    await ctx.db.prospects.bulkPut([{ ...prospect, name: 'Written around the commands' }]);
    seen.add(await stampOf(ctx));
    await ctx.db.prospects.clear();
    seen.add(await stampOf(ctx));
    expect(seen.size).toBe(5);
    const before = await stampOf(ctx);
    await ctx.db.stages.toCollection().modify({ name: null });
    expect(await stampOf(ctx)).toBe(before);
  });
});

describe('the board’s snapshot', () => {
  it('gives a worker that just woke the card fields in one read, and is passed over once a prospect changed', async () => {
    const { ctx } = await testStore(undefined, { queue: false });
    for (let i = 0; i < 3; i++) await captureProspect(ctx, person(i));
    const first = await boardSources(ctx.db);
    expect(first.read).toBe('rows');
    const firstRows = [...first.prospects];
    expect(await saveBoardSnapshot(ctx.db)).toBe(true);

    forgetBoardCache(ctx.db.name);
    const woke = await boardSources(ctx.db);
    expect(woke.read).toBe('snapshot');
    const kept = [...woke.prospects];
    expect(kept.map((p) => p.name).sort()).toEqual(['Person 0', 'Person 1', 'Person 2']);
    expect(kept).toEqual(firstRows);
    expect((await boardSources(ctx.db)).read).toBe('memory');

    // A change while the worker sleeps (here: a touch moves lastTouchAt; then a new person).
    forgetBoardCache(ctx.db.name);
    const someone = kept[0]!;
    await logTouch(ctx, { prospectId: someone.id, channel: 'call', direction: 'out', note: null });
    await captureProspect(ctx, person(9));
    const after = await boardSources(ctx.db);
    expect(after.read).toBe('rows');
    const rows = [...after.prospects];
    expect(rows).toHaveLength(4);
    expect(rows.find((p) => p.id === someone.id)!.lastTouchAt).not.toBeNull();
  });
});
