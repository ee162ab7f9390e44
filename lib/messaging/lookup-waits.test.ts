// How many times a chip's lookup waits for the database. While an import writes, each wait queues
// behind the slice holding the database, so a lookup that reads one thing after another pays that
// queue once per read; the lookup asks for what does not depend on an earlier answer at once.
import { describe, expect, it } from 'vitest';
import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import { sameDbAgain, testStore } from '../../test/unit/store-helpers';
import type { Company } from '../model/company';
import type { StoreContext } from '../store/context';
import { REMOTE_META } from '../sync/remote-meta';
import { handleRequest } from './handle';

/**
 * A second connection whose reads are numbered by how many waits came before them: a read asked for
 * after an answer of depth d arrived has depth d + 1; reads asked for together share one depth.
 */
function countedWaits(ctx: StoreContext): { ctx: StoreContext; deepest: () => number; reset: () => void } {
  let answered = 0;
  let deepest = 0;
  const db = sameDbAgain(ctx.db);
  const counting: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'countedWaits',
    create: (down) => ({
      ...down,
      table(name): DBCoreTable {
        const t = down.table(name);
        const wait =
          <A, R>(read: (req: A) => Promise<R>) =>
          async (req: A): Promise<R> => {
            const depth = answered + 1;
            deepest = Math.max(deepest, depth);
            const r = await read(req);
            answered = Math.max(answered, depth);
            return r;
          };
        return {
          ...t,
          get: wait(t.get.bind(t)),
          getMany: wait(t.getMany.bind(t)),
          query: wait(t.query.bind(t)),
          openCursor: wait(t.openCursor.bind(t)),
          count: wait(t.count.bind(t)),
        };
      },
    }),
  };
  db.use(counting);
  return {
    ctx: { ...ctx, db },
    deepest: () => deepest,
    reset: () => {
      answered = 0;
      deepest = 0;
    },
  };
}

const person = (slug: string, name: string) => ({
  slug,
  email: `${slug}@contoh.co.id`,
  name,
  headline: null,
  title: 'Head of Procurement',
  company: 'Kopi Kenangan Digital',
  location: 'Bandung, West Java, Indonesia',
  photoUrl: null,
  linkedinUrl: null,
});

async function lookup(ctx: StoreContext, req: { slugs: string[]; emails: string[]; memberIds?: string[] }) {
  const r = await handleRequest(ctx, { type: 'lookup', ...req });
  if (!r.ok) throw new Error(r.error);
  return (r.data as { people: { key: string; name: string; ownerName: string | null; nextFollowUp: unknown; score: number }[] }).people;
}

describe('a chip lookup waits for the database twice', () => {
  it('for a tracked person with an account, a teammate owner and a follow-up', async () => {
    const { ctx } = await testStore();
    const captured = await handleRequest(ctx, { type: 'capture', input: person('rizky-pratama-5e6f7a', 'Rizky Pratama') });
    if (!captured.ok) throw new Error(captured.error);
    const id = (captured.data as { prospect: { id: string } }).prospect.id;
    const stored = (await ctx.db.prospects.get(id))!;
    const account: Company = {
      id: 'co-1',
      teamId: 'local',
      slug: 'kopi-kenangan',
      name: 'Kopi Kenangan Digital',
      industry: 'Food & Beverages',
      size: '201-500 employees',
      headquarters: null,
      website: null,
      followers: null,
      createdAt: stored.createdAt,
      updatedAt: stored.createdAt,
      deletedAt: null,
    };
    await ctx.db.companies.put(account);
    await ctx.db.prospects.put({ ...stored, companyId: 'co-1', ownerId: 'user-sara' });
    await ctx.db.meta.put({
      key: REMOTE_META.team_member,
      value: { 'user-sara': { displayName: 'Sara', email: 'sara@example.com', role: 'rep' } },
    });
    const due = await handleRequest(ctx, {
      type: 'addFollowUp',
      prospectId: id,
      title: 'Send the pricing deck',
      dueAt: stored.createdAt + 86_400_000,
    });
    expect(due.ok).toBe(true);
    // Settle the score once (the account's industry feeds it), so the lookup below only reads.
    await lookup(ctx, { slugs: ['rizky-pratama-5e6f7a'], emails: [] });

    const counted = countedWaits(ctx);
    const [p] = await lookup(counted.ctx, { slugs: ['rizky-pratama-5e6f7a'], emails: [] });
    expect(p!.name).toBe('Rizky Pratama');
    expect(p!.ownerName).toBe('Sara');
    expect(p!.nextFollowUp).toMatchObject({ title: 'Send the pricing deck' });
    expect(counted.deepest()).toBe(2);
  });

  it('for a page of people, found by slug and e-mail, in the order asked', async () => {
    const { ctx } = await testStore();
    for (const [slug, name] of [
      ['ayu-lestari-0c9d8e', 'Ayu Lestari'],
      ['budi-santoso-1a2b3c', 'Budi Santoso'],
      ['citra-dewi-4d5e6f', 'Citra Dewi'],
    ] as const)
      await handleRequest(ctx, { type: 'capture', input: person(slug, name) });
    await lookup(ctx, { slugs: ['ayu-lestari-0c9d8e', 'budi-santoso-1a2b3c'], emails: ['citra-dewi-4d5e6f@contoh.co.id'] });

    const counted = countedWaits(ctx);
    const people = await lookup(counted.ctx, {
      slugs: ['budi-santoso-1a2b3c', 'nobody-here-9z9z9z', 'ayu-lestari-0c9d8e'],
      emails: ['CITRA-DEWI-4D5E6F@contoh.co.id'],
    });
    expect(people.map((p) => [p.key, p.name])).toEqual([
      ['budi-santoso-1a2b3c', 'Budi Santoso'],
      ['ayu-lestari-0c9d8e', 'Ayu Lestari'],
      ['citra-dewi-4d5e6f@contoh.co.id', 'Citra Dewi'],
    ]);
    expect(counted.deepest()).toBe(2);
  });

  it('once for a page of people none of whom is tracked', async () => {
    const { ctx } = await testStore();
    const counted = countedWaits(ctx);
    expect(await lookup(counted.ctx, { slugs: ['nobody-here-9z9z9z', 'no-one-else-8y8y8y'], emails: ['x@contoh.co.id'] })).toEqual([]);
    expect(counted.deepest()).toBe(1);
  });
});
