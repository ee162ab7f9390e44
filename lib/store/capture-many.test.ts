import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { handleRequest } from '../messaging/handle';
import { PUSH_BATCH } from '../sync/push';
import { captureProspect } from './commands';
import { CAPTURE_MANY_MAX, captureMany } from './capture-many';
import type { StoreContext } from './context';
import { ensureSeeded } from './seed';

/** A team's store: local mode queues nothing, so the outbox is only observable in a team. */
async function teamStore(): Promise<StoreContext> {
  const { ctx } = await testStore();
  const team: StoreContext = { ...ctx, teamId: 'team-a', userId: 'user-1', db: ctx.db };
  await ctx.db.stages.clear();
  await ensureSeeded(team);
  return team;
}

const person = (slug: string, name: string, headline: string | null = null) => ({
  slug,
  email: null,
  name,
  headline,
  title: null,
  company: null,
  location: null,
  photoUrl: null,
  linkedinUrl: null,
  source: 'social_selling' as const,
});

describe('captureMany', () => {
  it('adds the new people, leaves the tracked ones untouched and says how many of each', async () => {
    const ctx = await teamStore();
    const known = await captureProspect(ctx, { ...person('bagus-hartanto-ls24', 'Bagus Hartanto'), title: 'VP Operations', company: 'Sinar Logistik' });
    const before = await ctx.db.outbox.count();
    const out = await captureMany(ctx, [
      { ...person('andini-kusuma-ls24', 'Andini Kusuma', 'Head of Procurement at Nusantara Cargo'), title: 'Head of Procurement', company: 'Nusantara Cargo' },
      { ...person('bagus-hartanto-ls24', 'Bagus Hartanto', 'Something else entirely'), title: 'Intern' },
      person('citra-maharani-ls24', 'Citra Maharani'),
    ]);
    expect(out.added).toBe(2);
    expect(out.alreadyTracked).toBe(1);
    expect(out.people.map((p) => [p.key, p.created])).toEqual([
      ['andini-kusuma-ls24', true],
      ['bagus-hartanto-ls24', false],
      ['citra-maharani-ls24', true],
    ]);
    expect(out.people[1]!.prospectId).toBe(known.prospect.id);
    const bagus = await ctx.db.prospects.get(known.prospect.id);
    expect([bagus!.title, bagus!.headline]).toEqual(['VP Operations', null]);
    const andini = await ctx.db.prospects.where('slug').equals('andini-kusuma-ls24').first();
    expect([andini!.title, andini!.company, andini!.source]).toEqual(['Head of Procurement', 'Nusantara Cargo', 'social_selling']);
    // Two new people: each a prospect and its first stage change, nothing for the one already tracked.
    expect((await ctx.db.outbox.count()) - before).toBe(4);
  });

  it('is all or nothing: a refused row leaves no one added and nothing queued', async () => {
    const ctx = await teamStore();
    const before = { prospects: await ctx.db.prospects.count(), outbox: await ctx.db.outbox.count() };
    await expect(
      captureMany(ctx, [person('andini-kusuma-ls24', 'Andini Kusuma'), { ...person('x-ls24', 'X'), linkedinUrl: 'https://evil.example/in/x' }]),
    ).rejects.toThrow();
    expect(await ctx.db.prospects.count()).toBe(before.prospects);
    expect(await ctx.db.outbox.count()).toBe(before.outbox);
  });

  it('counts the same person twice in one batch once', async () => {
    const ctx = await teamStore();
    const out = await captureMany(ctx, [person('andini-kusuma-ls24', 'Andini Kusuma'), person('andini-kusuma-ls24', 'Andini Kusuma')]);
    expect([out.added, out.alreadyTracked]).toEqual([1, 0]);
    expect(out.people[0]!.prospectId).toBe(out.people[1]!.prospectId);
    expect(await ctx.db.prospects.where('slug').equals('andini-kusuma-ls24').count()).toBe(1);
  });

  it('the largest batch fits one sync push', async () => {
    const ctx = await teamStore();
    const many = Array.from({ length: CAPTURE_MANY_MAX }, (_, i) => person(`bulk-person-${i}-ls24`, `Bulk Person ${i}`));
    const out = await captureMany(ctx, many);
    expect(out.added).toBe(CAPTURE_MANY_MAX);
    const queued = await ctx.db.outbox.count();
    expect(queued).toBe(2 * CAPTURE_MANY_MAX);
    expect(queued).toBeLessThanOrEqual(PUSH_BATCH);
    await expect(captureMany(ctx, [...many, person('one-too-many-ls24', 'One Too Many')])).rejects.toThrow(/At most 200/);
  });

  it('refuses a row with no key to add the person by', async () => {
    const ctx = await teamStore();
    await expect(captureMany(ctx, [{ ...person('a', 'Nobody'), slug: null }])).rejects.toThrow(/no LinkedIn profile/);
  });
});

describe('the captureMany request', () => {
  it('normalises each row like a single capture (the LinkedIn URL wins, slugs are canonical) and validates every row', async () => {
    const { ctx } = await testStore();
    const reply = await handleRequest(ctx, {
      type: 'captureMany',
      inputs: [{ ...person('ignored', 'Andini Kusuma'), linkedinUrl: 'https://id.linkedin.com/in/Andini-Kusuma-LS24?trk=x' }],
    });
    expect(reply.ok && reply.data).toMatchObject({ added: 1, alreadyTracked: 0, people: [{ key: 'andini-kusuma-ls24', created: true }] });
    const bad = await handleRequest(ctx, { type: 'captureMany', inputs: [person('ok-ls24', 'Ok'), { ...person('b', '') }] });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/inputs\.1\.name/);
    expect(await ctx.db.prospects.where('slug').equals('ok-ls24').count()).toBe(0);
    const empty = await handleRequest(ctx, { type: 'captureMany', inputs: [] });
    expect(!empty.ok && empty.error).toMatch(/at least one/);
  });
});
