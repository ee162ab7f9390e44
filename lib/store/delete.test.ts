import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { REMOTE_META } from '../sync/remote-meta';
import { addFollowUp, captureProspect, logTouch, patchFollowUp, setStage, type CaptureInput } from './commands';
import { deleteProspects, deleteRights, erasePeople, exportPerson, undoDelete } from './delete';
import { enrolProspect, ensureDefaultCadence } from './playbook';
import { liveCadences } from './playbook-queries';
import { overdueCount, searchProspects } from './queries';

const HOUR = 3_600_000;

function person(slug: string, name: string, email: string | null = null): CaptureInput {
  return {
    slug,
    email,
    name,
    headline: null,
    title: 'Chief Financial Officer',
    company: 'Nusantara Logistik',
    location: 'Jakarta',
    photoUrl: null,
    linkedinUrl: `https://www.linkedin.com/in/${slug}/`,
    source: 'social_selling',
  };
}

async function twoPeopleWithWork() {
  const store = await testStore();
  const { ctx, advance } = store;
  const a = (await captureProspect(ctx, person('ayu-lestari-1', 'Ayu Lestari', 'ayu@nusantara.example'))).prospect;
  const b = (await captureProspect(ctx, person('budi-santoso-2', 'Budi Santoso'))).prospect;
  await addFollowUp(ctx, { prospectId: a.id, title: 'Call about the pilot', dueAt: ctx.now() + HOUR });
  await addFollowUp(ctx, { prospectId: b.id, title: 'Send pricing', dueAt: ctx.now() + HOUR });
  advance(2 * HOUR); // both follow-ups overdue now
  return { ...store, a, b };
}

describe('deleteProspects', () => {
  it('deletes the people and their follow-ups in one transaction with one outbox batch; they leave search and the badge', async () => {
    const { ctx, a, b } = await twoPeopleWithWork();
    expect(await overdueCount(ctx)).toBe(2);
    const before = await ctx.db.outbox.count();
    const { token, deleted } = await deleteProspects(ctx, [a.id, b.id]);
    expect(deleted.map((d) => d.name)).toEqual(['Ayu Lestari', 'Budi Santoso']);
    expect(token.ids).toEqual([a.id, b.id]);
    expect(await overdueCount(ctx)).toBe(0);
    expect(await searchProspects(ctx, 'lestari', 10)).toEqual([]);
    const queued = (await ctx.db.outbox.toArray()).slice(before);
    expect(queued.map((e) => `${e.entity}:${e.op}`)).toEqual(['prospect:delete', 'follow_up:delete', 'prospect:delete', 'follow_up:delete']);
    const fus = await ctx.db.followUps.toArray();
    expect(fus.every((f) => f.deletedAt === token.at && f.openDueAt === undefined)).toBe(true);
  });

  it('is all or nothing: one unknown id deletes nobody', async () => {
    const { ctx, a } = await twoPeopleWithWork();
    await expect(deleteProspects(ctx, [a.id, '00000000-0000-4000-8000-00000000ffff'])).rejects.toThrow(/No prospect/);
    expect((await ctx.db.prospects.get(a.id))!.deletedAt).toBeNull();
    expect(await overdueCount(ctx)).toBe(2);
  });

  it('in a team follows the backend rule: a rep may delete their own prospect, not a teammate’s; an admin may', async () => {
    const { ctx, a } = await twoPeopleWithWork();
    const team = { ...ctx, teamId: 'team-1', userId: 'rep-2' };
    await ctx.db.meta.put({
      key: REMOTE_META.team_member,
      value: { 'rep-2': { userId: 'rep-2', displayName: 'Rina', email: null, role: 'rep', deleted: false } },
    });
    expect(await deleteRights(team, a)).toEqual({ allowed: false, reason: 'not-owner' });
    await expect(deleteProspects(team, [a.id])).rejects.toThrow(/Only Ayu Lestari's owner or a team admin/);
    expect((await ctx.db.prospects.get(a.id))!.deletedAt).toBeNull();
    expect(await deleteRights(team, { ownerId: 'rep-2' })).toEqual({ allowed: true, reason: null });
    await ctx.db.meta.put({
      key: REMOTE_META.team_member,
      value: { 'rep-2': { userId: 'rep-2', displayName: 'Rina', email: null, role: 'admin', deleted: false } },
    });
    await deleteProspects(team, [a.id]);
    expect((await ctx.db.prospects.get(a.id))!.deletedAt).not.toBeNull();
  });
});

describe('undoDelete', () => {
  it('restores the people, the follow-ups the delete took and the cadence enrolment, and the badge counts them again', async () => {
    const { ctx, a, advance } = await twoPeopleWithWork();
    await ensureDefaultCadence(ctx);
    const [cadence] = await liveCadences(ctx);
    await enrolProspect(ctx, a.id, cadence!.id, 'Asia/Jakarta');
    // A follow-up finished before the delete stays as it was (done), and one deleted earlier stays deleted.
    const earlier = await addFollowUp(ctx, { prospectId: a.id, title: 'Old idea', dueAt: ctx.now() });
    await patchFollowUp(ctx, earlier.id, { deletedAt: ctx.now() });
    advance(1000);
    const openBefore = (await ctx.db.followUps.where('prospectId').equals(a.id).toArray()).filter((f) => f.deletedAt === null).map((f) => f.id);
    const { token } = await deleteProspects(ctx, [a.id]);
    expect(await overdueCount(ctx)).toBe(1);
    advance(5000);
    const res = await undoDelete(ctx, token);
    expect(res.restored.map((r) => r.name)).toEqual(['Ayu Lestari']);
    expect(res.refused).toEqual([]);
    const back = await ctx.db.prospects.get(a.id);
    expect(back!.deletedAt).toBeNull();
    expect(back!.enrolment?.cadenceId).toBe(cadence!.id);
    const openAfter = (await ctx.db.followUps.where('prospectId').equals(a.id).toArray()).filter((f) => f.deletedAt === null).map((f) => f.id);
    expect(openAfter.sort()).toEqual(openBefore.sort());
    expect((await ctx.db.followUps.get(earlier.id))!.deletedAt).not.toBeNull();
    expect(await overdueCount(ctx)).toBe(2);
    expect(await searchProspects(ctx, 'lestari', 10)).toHaveLength(1);
  });

  it('drops the queued deletes and queues one restore per person', async () => {
    const { ctx, a } = await twoPeopleWithWork();
    const before = await ctx.db.outbox.count();
    const { token } = await deleteProspects(ctx, [a.id]);
    await undoDelete(ctx, token);
    const queued = (await ctx.db.outbox.toArray()).slice(before);
    expect(queued.map((e) => `${e.entity}:${e.op}:${e.entityId === a.id}`)).toEqual(['prospect:restore:true']);
  });

  it('undone twice is harmless; a person whose profile a live prospect has taken meanwhile stays deleted and is named', async () => {
    const { ctx, a, b } = await twoPeopleWithWork();
    const { token } = await deleteProspects(ctx, [a.id, b.id]);
    // Meanwhile Ayu is clipped again: a new live prospect holds her LinkedIn profile.
    const again = (await captureProspect(ctx, person('ayu-lestari-1', 'Ayu L.'))).prospect;
    const res = await undoDelete(ctx, token);
    expect(res.restored.map((r) => r.id)).toEqual([b.id]);
    expect(res.refused).toEqual([{ id: a.id, name: 'Ayu Lestari', reason: 'key-taken', holder: 'Ayu L.' }]);
    expect((await ctx.db.prospects.get(a.id))!.deletedAt).not.toBeNull();
    expect((await ctx.db.prospects.get(again.id))!.deletedAt).toBeNull();
    const twice = await undoDelete(ctx, token);
    expect(twice.alreadyLive.map((r) => r.id)).toEqual([b.id]);
    expect(twice.restored).toEqual([]);
  });

  it('keeps a change that arrived while the person was deleted (undo lifts the tombstone, it does not write old values back)', async () => {
    const { ctx, a } = await twoPeopleWithWork();
    const { token } = await deleteProspects(ctx, [a.id]);
    // A teammate's edit lands on the tombstone (what a pull does).
    const dead = (await ctx.db.prospects.get(a.id))!;
    await ctx.db.prospects.put({ ...dead, company: 'Garuda Freight' });
    await undoDelete(ctx, token);
    expect((await ctx.db.prospects.get(a.id))!.company).toBe('Garuda Freight');
  });

  it('an erased person cannot come back and is reported', async () => {
    const { ctx, a } = await twoPeopleWithWork();
    const { token } = await deleteProspects(ctx, [a.id]);
    await erasePeople(ctx, [a.id]);
    const res = await undoDelete(ctx, token);
    expect(res.refused).toEqual([{ id: a.id, name: '', reason: 'erased', holder: null }]);
  });
});

describe('erasePeople', () => {
  it('removes the person, touches, follow-ups, stage history, e-mails and every queued change about them; queues the id alone', async () => {
    const { ctx, a, b } = await twoPeopleWithWork();
    await logTouch(ctx, { prospectId: a.id, channel: 'email', direction: 'out', note: 'Sent the deck to ayu@nusantara.example' });
    await setStage(ctx, a.id, 'qualification');
    expect(await overdueCount(ctx)).toBe(2);
    await erasePeople(ctx, [a.id]);
    expect(await ctx.db.prospects.get(a.id)).toBeUndefined();
    expect(await ctx.db.touches.where('prospectId').equals(a.id).count()).toBe(0);
    expect(await ctx.db.followUps.where('prospectId').equals(a.id).count()).toBe(0);
    expect(await ctx.db.stageChanges.where('prospectId').equals(a.id).count()).toBe(0);
    expect(await ctx.db.prospects.where('emails').equals('ayu@nusantara.example').count()).toBe(0);
    expect(await overdueCount(ctx)).toBe(1);
    const outbox = await ctx.db.outbox.toArray();
    const dump = JSON.stringify(outbox);
    expect(dump).not.toContain('Ayu');
    expect(dump).not.toContain('ayu@nusantara.example');
    expect(dump).not.toContain('ayu-lestari-1');
    const erase = outbox.filter((e) => e.op === 'erase');
    expect(erase).toEqual([expect.objectContaining({ entity: 'prospect', entityId: a.id, fields: {} })]);
    // Budi and his work are untouched.
    expect((await ctx.db.prospects.get(b.id))!.deletedAt).toBeNull();
    expect(dump).toContain('Budi Santoso');
  });

  it('erases a deleted person too, and refuses a teammate’s prospect for a rep', async () => {
    const { ctx, a, b } = await twoPeopleWithWork();
    await deleteProspects(ctx, [a.id]);
    await erasePeople(ctx, [a.id]);
    expect(await ctx.db.prospects.get(a.id)).toBeUndefined();
    await ctx.db.meta.put({
      key: REMOTE_META.team_member,
      value: { 'rep-2': { userId: 'rep-2', displayName: 'Rina', email: null, role: 'rep', deleted: false } },
    });
    await expect(erasePeople({ ...ctx, teamId: 'team-1', userId: 'rep-2' }, [b.id])).rejects.toThrow(/owner or a team admin/);
    expect(await ctx.db.prospects.get(b.id)).toBeDefined();
  });
});

describe('exportPerson', () => {
  it('holds the prospect with touches, follow-ups and stage history, and nobody else', async () => {
    const { ctx, a } = await twoPeopleWithWork();
    await logTouch(ctx, { prospectId: a.id, channel: 'call', direction: 'out', note: 'Intro call' });
    await setStage(ctx, a.id, 'qualification');
    const out = await exportPerson(ctx, a.id);
    expect(out.format).toBe('jalur-person');
    expect(out.prospect.name).toBe('Ayu Lestari');
    expect(out.touches).toHaveLength(1);
    expect(out.followUps).toHaveLength(1);
    expect(out.stageChanges).toHaveLength(2);
    expect(JSON.stringify(out)).not.toContain('Budi');
    expect(JSON.stringify(out)).not.toContain('openDueAt');
  });
});
