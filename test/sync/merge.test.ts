// Merging two people and bulk actions between two devices of a team: the real store commands and
// sync engine, the real supabase-js, the stand-in over the real migrations.
import { describe, expect, it } from 'vitest';
import { bulkApply, bulkUndo } from '../../lib/store/bulk';
import { addFollowUp, captureProspect, logTouch, type CaptureInput } from '../../lib/store/commands';
import { mergeProspects } from '../../lib/store/merge';
import { listStages } from '../../lib/store/queries';
import { toWire } from '../../lib/sync/map-out';
import { device } from './devices';
import { makeTeam, push, useStandIn } from './helpers';

const ctx = useStandIn();

const fromLinkedIn: CaptureInput = {
  slug: 'siti-rahmawati-merge',
  email: null,
  name: 'Siti Rahmawati',
  headline: null,
  title: 'Head of Procurement',
  company: 'Nusantara Logistik',
  location: 'Jakarta',
  photoUrl: null,
  linkedinUrl: 'https://www.linkedin.com/in/siti-rahmawati-merge/',
  source: 'social_selling',
};
const fromMail: CaptureInput = { ...fromLinkedIn, slug: null, linkedinUrl: null, email: 'siti.merge@nusantara.example', name: 'Siti R.', company: null, source: 'email' };

describe('merging in a team', () => {
  it('a rep merges their mail duplicate into a teammate\'s LinkedIn person; the teammate sees one person with everything; a replay changes nothing', async () => {
    const { teamId, owner, reps } = await makeTeam(ctx, 'merge', 1);
    const a = await device(owner, teamId, 'a');
    const b = await device(reps[0]!, teamId, 'b');
    const kept = (await captureProspect(a.ctx, fromLinkedIn)).prospect;
    await a.sync();
    const dup = (await captureProspect(b.ctx, fromMail)).prospect;
    await logTouch(b.ctx, { prospectId: dup.id, channel: 'email', direction: 'in', note: 'Re: pilot' });
    const fu = await addFollowUp(b.ctx, { prospectId: dup.id, title: 'Send the pilot plan', dueAt: Date.now() + 86_400_000 });
    await b.sync();
    await b.sync();

    await mergeProspects(b.ctx, { survivorId: kept.id, otherId: dup.id, pick: { title: 'survivor' } });
    const batch = await b.ctx.db.outbox.toArray();
    expect(batch.map((e) => e.entity)).toEqual(['merge', 'prospect']);
    await b.sync();
    expect(await b.pending()).toBe(0);
    expect(await b.ctx.db.syncIssues.count()).toBe(0);

    await a.sync();
    const tomb = await a.ctx.db.prospects.get(dup.id);
    expect(tomb?.deletedAt).not.toBeNull();
    expect(tomb?.mergedInto).toBe(kept.id);
    const survivor = (await a.ctx.db.prospects.get(kept.id))!;
    expect(survivor.emails).toEqual(['siti.merge@nusantara.example']);
    expect(survivor.touchCount).toBe(1);
    expect((await a.ctx.db.followUps.get(fu.id))?.prospectId).toBe(kept.id);
    expect(await a.ctx.db.touches.where('prospectId').equals(kept.id).count()).toBe(1);

    // The same batch again (a lost reply): the server knows it; nothing moves.
    const replay = await push(reps[0]!.client, teamId, batch.map(toWire).filter(Boolean));
    expect(replay.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    // Another device merging the same pair is told it is done.
    const again = await push(owner.client, teamId, [{ ...toWire(batch[0]!)!, mutation_id: crypto.randomUUID() }]);
    expect(again).toMatchObject([{ status: 'applied', code: 'already_merged' }]);
  });
});

describe('bulk actions in a team', () => {
  it('moves three people in one push, and one undo moves them back for the teammate too', async () => {
    const { teamId, owner, reps } = await makeTeam(ctx, 'bulk', 1);
    const a = await device(owner, teamId, 'a');
    const b = await device(reps[0]!, teamId, 'b');
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push((await captureProspect(a.ctx, { ...fromLinkedIn, slug: `bulk-${n}`, linkedinUrl: null, name: `Bulk ${n}` })).prospect.id);
    await a.sync();
    const r = await bulkApply(a.ctx, ids, { kind: 'stage', stageKey: 'consideration', confirmed: true });
    expect(await a.pending()).toBe(6);
    await a.sync();
    expect(await a.pending()).toBe(0);
    await b.sync();
    const stages = await listStages(b.ctx);
    const key = async (id: string) => {
      const p = (await b.ctx.db.prospects.get(id))!;
      return stages.find((s) => s.id === p.stageId)?.key;
    };
    expect(await Promise.all(ids.map(key))).toEqual(['consideration', 'consideration', 'consideration']);
    await bulkUndo(a.ctx, r.undo!);
    await a.sync();
    await b.sync();
    expect(await Promise.all(ids.map(key))).toEqual(['prospecting', 'prospecting', 'prospecting']);
    expect(await a.ctx.db.syncIssues.count()).toBe(0);
  });
});
