// Delete, undo and erase between two devices of a team: the real store commands and sync engine,
// the real supabase-js, the stand-in over the real migrations.
import { describe, expect, it } from 'vitest';
import { addFollowUp, captureProspect, logTouch, setStage, updateProspect, type CaptureInput } from '../../lib/store/commands';
import { deleteProspects, erasePeople, undoDelete } from '../../lib/store/delete';
import { overdueCount } from '../../lib/store/queries';
import type { Device } from './devices';
import { device } from './devices';
import { makeTeam, useStandIn } from './helpers';

const ctx = useStandIn();

const ayu: CaptureInput = {
  slug: 'ayu-lestari-sync',
  email: 'ayu.sync@nusantara.example',
  name: 'Ayu Lestari',
  headline: null,
  title: 'Chief Financial Officer',
  company: 'Nusantara Logistik',
  location: 'Jakarta',
  photoUrl: null,
  linkedinUrl: 'https://www.linkedin.com/in/ayu-lestari-sync/',
  source: 'social_selling',
};

async function everything(d: Device, prospectId: string) {
  const db = d.ctx.db;
  return {
    prospect: await db.prospects.get(prospectId),
    followUps: await db.followUps.where('prospectId').equals(prospectId).toArray(),
    touches: await db.touches.where('prospectId').equals(prospectId).count(),
    stageChanges: await db.stageChanges.where('prospectId').equals(prospectId).count(),
  };
}

async function setUp(label: string) {
  const { teamId, owner, reps } = await makeTeam(ctx, label, 1);
  const a = await device(owner, teamId, 'a');
  const b = await device(reps[0]!, teamId, 'b');
  const { prospect } = await captureProspect(a.ctx, ayu);
  const followUp = await addFollowUp(a.ctx, { prospectId: prospect.id, title: 'Call about the pilot', dueAt: Date.now() - 60_000 });
  await a.sync();
  await b.sync();
  return { a, b, prospect, followUp };
}

describe('delete and undo in a team', () => {
  it('a teammate sees the person gone, then back with their follow-up after undo', async () => {
    const { a, b, prospect, followUp } = await setUp('del-undo');
    expect((await everything(b, prospect.id)).prospect?.deletedAt).toBeNull();

    const { token } = await deleteProspects(a.ctx, [prospect.id]);
    await a.sync();
    await b.sync();
    const gone = await everything(b, prospect.id);
    expect(gone.prospect?.deletedAt).not.toBeNull();
    expect(gone.followUps.every((f) => f.deletedAt !== null)).toBe(true);
    expect(await overdueCount(a.ctx)).toBe(0);

    const undone = await undoDelete(a.ctx, token);
    expect(undone.restored.map((r) => r.id)).toEqual([prospect.id]);
    await a.sync();
    expect(await a.pending()).toBe(0);
    expect(await a.ctx.db.syncIssues.count()).toBe(0);
    await b.sync();
    const back = await everything(b, prospect.id);
    expect(back.prospect?.deletedAt).toBeNull();
    expect(back.followUps.find((f) => f.id === followUp.id)?.deletedAt).toBeNull();
    // And on the deleting device after it pulled the server's rows, still back and overdue again.
    expect((await everything(a, prospect.id)).prospect?.deletedAt).toBeNull();
    expect(await overdueCount(a.ctx)).toBe(1);
  });

  it('an undo that never left the device needs no round trip: the delete is simply not sent', async () => {
    const { a, b, prospect } = await setUp('del-local');
    const { token } = await deleteProspects(a.ctx, [prospect.id]);
    await undoDelete(a.ctx, token);
    await a.sync();
    await b.sync();
    expect((await everything(b, prospect.id)).prospect?.deletedAt).toBeNull();
    expect(await a.ctx.db.syncIssues.count()).toBe(0);
  });

  it('a rep cannot delete the owner’s prospect: refused on the device with the reason, nothing queued', async () => {
    const { b, prospect } = await setUp('del-rep');
    const before = await b.pending();
    await expect(deleteProspects(b.ctx, [prospect.id])).rejects.toThrow(/owner or a team admin/);
    expect(await b.pending()).toBe(before);
  });

  it('undo after a teammate changed the person meanwhile keeps the teammate’s change', async () => {
    const { a, b, prospect } = await setUp('del-changed');
    const { token } = await deleteProspects(a.ctx, [prospect.id]);
    await a.sync();
    // B has not pulled yet and edits Ayu; the server merges the edit into the tombstone.
    await updateProspect(b.ctx, prospect.id, { company: 'Garuda Freight' });
    await b.sync();
    await undoDelete(a.ctx, token);
    await a.sync();
    await b.sync();
    for (const d of [a, b]) {
      const p = (await everything(d, prospect.id)).prospect;
      expect(p?.deletedAt).toBeNull();
      expect(p?.company).toBe('Garuda Freight');
    }
  });
});

describe('erase in a team', () => {
  it('removes the person and everything about them on the teammate’s device too', async () => {
    const { a, b, prospect } = await setUp('erase');
    await logTouch(a.ctx, { prospectId: prospect.id, channel: 'call', direction: 'out', note: 'Intro call with Ayu' });
    await setStage(a.ctx, prospect.id, 'qualification');
    await a.sync();
    await b.sync();
    expect((await everything(b, prospect.id)).touches).toBe(1);

    await erasePeople(a.ctx, [prospect.id]);
    await a.sync();
    expect(await a.pending()).toBe(0);
    expect(await a.ctx.db.syncIssues.count()).toBe(0);
    await b.sync();
    expect(await everything(b, prospect.id)).toEqual({ prospect: undefined, followUps: [], touches: 0, stageChanges: 0 });
    expect(await b.ctx.db.prospects.where('emails').equals('ayu.sync@nusantara.example').count()).toBe(0);
    expect(await overdueCount(b.ctx)).toBe(0);
  });

  it('a rep cannot erase the owner’s prospect', async () => {
    const { b, prospect } = await setUp('erase-rep');
    await expect(erasePeople(b.ctx, [prospect.id])).rejects.toThrow(/owner or a team admin/);
    expect((await everything(b, prospect.id)).prospect?.deletedAt).toBeNull();
  });
});
