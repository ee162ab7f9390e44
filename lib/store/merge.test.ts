import { describe, expect, it } from 'vitest';
import { markQueuedSent, testStore } from '../../test/unit/store-helpers';
import { toWire } from '../sync/map-out';
import { addFollowUp, captureProspect, logTouch, setStage, type CaptureInput } from './commands';
import { differingFields, duplicatesFor, mergeProspects } from './merge';
import { findByIdentity, listStages, overdueCount } from './queries';

const HOUR = 3_600_000;

const linkedin: CaptureInput = {
  slug: 'siti-rahmawati-8b2a1c3',
  email: null,
  name: 'Siti Rahmawati',
  headline: 'Head of Procurement at Nusantara Logistik',
  title: 'Head of Procurement',
  company: 'Nusantara Logistik',
  location: 'Jakarta',
  photoUrl: null,
  linkedinUrl: 'https://www.linkedin.com/in/siti-rahmawati-8b2a1c3/',
  source: 'social_selling',
};
const mail: CaptureInput = {
  slug: null,
  email: 'siti.r@nusantara-logistik.co.id',
  name: 'Siti R.',
  headline: null,
  title: 'Procurement Lead',
  company: null,
  location: null,
  photoUrl: null,
  linkedinUrl: null,
  source: 'email',
};

async function twoSitis() {
  const store = await testStore();
  const { ctx, advance } = store;
  const a = (await captureProspect(ctx, linkedin)).prospect;
  advance(HOUR);
  const b = (await captureProspect(ctx, mail)).prospect;
  await logTouch(ctx, { prospectId: a.id, channel: 'linkedin_message', direction: 'out', note: 'Hi' });
  await logTouch(ctx, { prospectId: b.id, channel: 'email', direction: 'in', note: 'Re: pricing' });
  const fu = await addFollowUp(ctx, { prospectId: b.id, title: 'Send the deck', dueAt: ctx.now() - HOUR });
  advance(HOUR);
  await setStage(ctx, b.id, 'qualification');
  advance(HOUR);
  return { ...store, a, b, fu };
}

describe('mergeProspects', () => {
  it('keeps every touch, follow-up, stage change and e-mail on the survivor; the other is a tombstone pointing at it', async () => {
    const { ctx, a, b, fu } = await twoSitis();
    await markQueuedSent(ctx); // both went out: the merge's changes are queued on their own
    const before = await ctx.db.outbox.count();
    const out = await mergeProspects(ctx, { survivorId: a.id, otherId: b.id, pick: { title: 'other', stage: 'other' } });
    expect(out.moved).toEqual({ touches: 1, followUps: 1, stageChanges: 2 });
    const s = (await ctx.db.prospects.get(a.id))!;
    expect(s.emails).toEqual(['siti.r@nusantara-logistik.co.id']);
    expect(s.slug).toBe('siti-rahmawati-8b2a1c3');
    expect(s.name).toBe('Siti Rahmawati'); // not picked: the survivor's
    expect(s.title).toBe('Procurement Lead'); // picked from the other
    expect(s.company).toBe('Nusantara Logistik'); // the other had none
    expect(s.touchCount).toBe(2);
    const stages = await listStages(ctx);
    expect(stages.find((x) => x.id === s.stageId)?.key).toBe('qualification');
    expect(await ctx.db.touches.where('prospectId').equals(a.id).count()).toBe(2);
    expect((await ctx.db.followUps.get(fu.id))?.prospectId).toBe(a.id);
    expect(await ctx.db.stageChanges.where('prospectId').equals(a.id).count()).toBe(3);
    expect(await overdueCount(ctx)).toBe(1);
    const t = (await ctx.db.prospects.get(b.id))!;
    expect(t.deletedAt).toBe(ctx.now());
    expect(t.mergedInto).toBe(a.id);
    // The address now finds the survivor.
    expect((await findByIdentity(ctx, null, 'siti.r@nusantara-logistik.co.id'))?.id).toBe(a.id);
    // One outbox batch: the merge first (it frees the other's keys on the server), then the survivor.
    const queued = (await ctx.db.outbox.toArray()).slice(before);
    expect(queued.map((e) => `${e.entity}:${e.op}`)).toEqual(['merge:upsert', 'prospect:upsert']);
    expect(toWire(queued[0]!)).toMatchObject({ entity: 'merge', op: 'upsert', id: b.id, fields: { into: a.id } });
    expect(queued[1]!.fields).toMatchObject({ title: 'Procurement Lead', emails: ['siti.r@nusantara-logistik.co.id'] });
  });

  it('puts the survivor in the stage the rep picked even when the other moved later', async () => {
    const { ctx, a, b } = await twoSitis();
    await mergeProspects(ctx, { survivorId: a.id, otherId: b.id, pick: { stage: 'survivor' } });
    const s = (await ctx.db.prospects.get(a.id))!;
    const stages = await listStages(ctx);
    expect(stages.find((x) => x.id === s.stageId)?.key).toBe('prospecting');
    const history = await ctx.db.stageChanges.where('prospectId').equals(a.id).toArray();
    expect(history).toHaveLength(4); // both histories and the move back, nothing rewritten
  });

  it('refuses a merge of a person with themselves, and one whose survivor was deleted meanwhile, changing nothing', async () => {
    const { ctx, a, b } = await twoSitis();
    const outbox = await ctx.db.outbox.count();
    await expect(mergeProspects(ctx, { survivorId: a.id, otherId: a.id })).rejects.toThrow('cannot be merged with themselves');
    await ctx.db.prospects.update(a.id, { deletedAt: ctx.now() });
    await expect(mergeProspects(ctx, { survivorId: a.id, otherId: b.id })).rejects.toThrow(/deleted or merged meanwhile; nothing was merged/);
    expect((await ctx.db.prospects.get(b.id))?.deletedAt).toBeNull();
    expect(await ctx.db.touches.where('prospectId').equals(b.id).count()).toBe(1);
    expect(await ctx.db.outbox.count()).toBe(outbox);
  });

  it('merging again is refused with a clear message: the other is already a tombstone', async () => {
    const { ctx, a, b } = await twoSitis();
    await mergeProspects(ctx, { survivorId: a.id, otherId: b.id });
    const outbox = await ctx.db.outbox.count();
    await expect(mergeProspects(ctx, { survivorId: a.id, otherId: b.id })).rejects.toThrow(/merged meanwhile/);
    expect(await ctx.db.outbox.count()).toBe(outbox);
  });

  it('in a team, a rep cannot merge away a teammate\'s person (the delete rule), and nothing changes', async () => {
    const { ctx, a, b } = await twoSitis();
    await ctx.db.prospects.update(b.id, { ownerId: 'u-sara' });
    const team = { ...ctx, teamId: 'team-1', userId: 'u-rep' };
    await expect(mergeProspects(team, { survivorId: a.id, otherId: b.id })).rejects.toThrow(/owner or a team admin can merge them/);
    expect((await ctx.db.prospects.get(b.id))?.deletedAt).toBeNull();
    // The other way round is theirs to choose: keep the teammate's person and merge one's own into it.
    await ctx.db.prospects.update(a.id, { ownerId: 'u-rep' });
    await mergeProspects(team, { survivorId: b.id, otherId: a.id });
    expect((await ctx.db.prospects.get(a.id))?.mergedInto).toBe(b.id);
  });

  it('lists the fields in which two people differ', async () => {
    const { a, b } = await twoSitis();
    expect(differingFields(a, b)).toEqual(expect.arrayContaining(['name', 'title', 'company', 'source']));
    expect(differingFields(a, b)).not.toContain('owner');
  });
});

describe('duplicatesFor', () => {
  it('suggests the mail contact whose address is at the LinkedIn person\'s company, and never merges', async () => {
    const { ctx, a, b } = await twoSitis();
    const other = await captureProspect(ctx, { ...mail, email: 'budi@nusantara-logistik.co.id', name: 'Budi Santoso' });
    const found = await duplicatesFor(ctx, a.id);
    expect(found.map((d) => [d.prospect.id, d.reason])).toEqual([[b.id, 'email-domain']]);
    expect(found.some((d) => d.prospect.id === other.prospect.id)).toBe(false);
    expect((await ctx.db.prospects.get(b.id))?.deletedAt).toBeNull();
  });
});
