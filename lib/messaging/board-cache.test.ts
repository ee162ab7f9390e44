import { afterEach, describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { unpackCards, type PackedCards } from '../pipeline/board-pack';
import { CACHE_LIMITS } from '../store/cache-limits';
import { captureProspect } from '../store/commands';
import { LruMap } from '../store/lru-map';
import { indexedProspects, searchIndexed } from '../store/search-index';
import { boardSources, cachedDatabases, cachedProspects } from './board-cache';
import { boardReply } from './handle-board';

const saved = { ...CACHE_LIMITS };
afterEach(() => Object.assign(CACHE_LIMITS, saved));

async function storeWith(people: number) {
  const { ctx } = await testStore(undefined, { queue: false });
  for (let i = 0; i < people; i++) {
    await captureProspect(ctx, {
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
  }
  return ctx;
}

describe('LruMap', () => {
  it('keeps at most its bound, forgetting the least recently used', () => {
    const m = new LruMap<string, number>(() => 2);
    m.set('a', 1).set('b', 2);
    expect(m.get('a')).toBe(1); // a is now the most recent
    m.set('c', 3);
    expect([...m.keys()]).toEqual(['a', 'c']);
    expect(m.get('b')).toBeUndefined();
  });
});

describe('the background’s caches are bounded', () => {
  it('keeps the board cards of at most two pipelines', async () => {
    const stores = [await storeWith(1), await storeWith(1), await storeWith(1)];
    for (const s of stores) await boardSources(s.db);
    expect(cachedDatabases()).toEqual([stores[1]!.db.name, stores[2]!.db.name]);
    expect(cachedProspects(stores[0]!.db.name)).toBe(0);
    // Asked again, the first pipeline is read again and the least recently used one goes.
    await boardSources(stores[0]!.db);
    expect(cachedDatabases()).toEqual([stores[2]!.db.name, stores[0]!.db.name]);
  });

  it('answers a pipeline larger than the bound in full but does not keep its cards or search index', async () => {
    const ctx = await storeWith(5);
    CACHE_LIMITS.prospects = 3;
    const sources = await boardSources(ctx.db);
    expect([...sources.prospects]).toHaveLength(5);
    expect(cachedProspects(ctx.db.name)).toBe(0);
    const board = await boardReply(ctx);
    expect(unpackCards(JSON.parse(board.cards) as PackedCards, board.stages, board.owners, board.asOf)).toHaveLength(5);
    expect((await searchIndexed(ctx, 'person', 10)).length).toBe(5);
    expect(indexedProspects(ctx.db.name)).toBe(0);
    // Under the bound, both are kept.
    CACHE_LIMITS.prospects = 10;
    await boardSources(ctx.db);
    expect(cachedProspects(ctx.db.name)).toBe(5);
    await searchIndexed(ctx, 'person', 10);
    expect(indexedProspects(ctx.db.name)).toBe(5);
  });
});
