// The extension's sync engine (lib/sync) end to end: two devices with their own stores, the real
// supabase-js, the PostgREST/GoTrue stand-ins over the real migrations. Faults are injected at the
// HTTP layer (test/stand-in/server.ts `faults`, `goDown`).
import { afterEach, describe, expect, it } from 'vitest';
import {
  addFollowUp,
  captureProspect,
  deleteProspect,
  logTouch,
  setStage,
  updateProspect,
} from '../../lib/store/commands';
import { memoryDb, person } from '../unit/store-helpers';
import { enqueue } from '../../lib/store/outbox';
import { findByIdentity, listStages } from '../../lib/store/queries';
import { ensureSeeded } from '../../lib/store/seed';
import { DEFAULT_SETTINGS } from '../../lib/model/settings';
import { enrolProspect, saveSettings, saveStage, setScoreAdjustment, setSqlChecklist } from '../../lib/store/playbook';
import { liveCadences } from '../../lib/store/playbook-queries';
import { teamSettings } from '../../lib/store/settings';
import { adoptLocal } from '../../lib/sync/adopt';
import { pullAll } from '../../lib/sync/pull';
import { supabaseTransport } from '../../lib/sync/supabase-transport';
import { SyncError } from '../../lib/sync/transport';
import { device } from './devices';
import { hlc, makeTeam, mutation, newClient, pullAll as serverPull, push, randomUUID, sleep, useStandIn } from './helpers';

const ctx = useStandIn();

afterEach(() => {
  ctx.standIn.faults.rpc = undefined;
});


async function stageKeyOf(d: { ctx: Parameters<typeof listStages>[0] }, stageId: string) {
  return (await listStages(d.ctx)).find((s) => s.id === stageId)?.key;
}

async function expectFailure(p: Promise<unknown>, kind: string) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SyncError);
  expect((err as SyncError).kind).toBe(kind);
}

describe('push and pull between teammates', () => {
  it('what one rep clips, logs and schedules arrives on the other device with its stage', async () => {
    const { teamId, owner, reps } = await makeTeam(ctx, 'rt', 1);
    const a = await device(owner, teamId, 'a');
    const b = await device(reps[0]!, teamId, 'b');

    const { prospect } = await captureProspect(
      a.ctx,
      person('ratna-dewi-71', 'Ratna Dewi', { title: 'Head of Finance', email: 'ratna@example.co.id' }),
    );
    await logTouch(a.ctx, { prospectId: prospect.id, channel: 'linkedin_message', direction: 'out', note: 'Intro' });
    await addFollowUp(a.ctx, { prospectId: prospect.id, title: 'Call Ratna', dueAt: Date.now() + 86_400_000 });
    await setStage(a.ctx, prospect.id, 'consideration');
    expect(await a.pending()).toBeGreaterThan(4);

    const round = await a.sync();
    expect(round.rejected).toBe(0);
    expect(await a.pending()).toBe(0);

    await b.sync();
    const seen = await findByIdentity(b.ctx, 'ratna-dewi-71', null);
    expect(seen).toMatchObject({
      id: prospect.id,
      name: 'Ratna Dewi',
      title: 'Head of Finance',
      emails: ['ratna@example.co.id'],
      touchCount: 1,
    });
    expect(await stageKeyOf(b, seen!.stageId)).toBe('consideration');
    expect(await b.ctx.db.followUps.where('prospectId').equals(prospect.id).count()).toBe(1);
    expect(await b.ctx.db.stageChanges.where('prospectId').equals(prospect.id).count()).toBe(2);
    // Found by e-mail too: the address index is filled from pulled rows.
    expect((await findByIdentity(b.ctx, null, 'ratna@example.co.id'))?.id).toBe(prospect.id);
  });

  it('a page of a pull lands with its cursor; small pages bring everything exactly once', async () => {
    const { teamId, owner, reps } = await makeTeam(ctx, 'pages', 1);
    const a = await device(owner, teamId, 'a');
    for (let i = 0; i < 12; i++) await captureProspect(a.ctx, person(`paged-${i}`, `Paged Person ${i}`));
    await a.sync();
    const b = await device(reps[0]!, teamId, 'b');
    const fresh = memoryDb(`fresh-${randomUUID()}`);
    const small = { ...b.ctx, db: fresh };
    const applied = await pullAll(small, supabaseTransport(reps[0]!.client), 5);
    expect(applied).toBeGreaterThan(12);
    expect(await fresh.prospects.count()).toBe(12);
    expect((await fresh.meta.get('sync:cursor'))?.value).toBe((await serverPull(reps[0]!.client, teamId)).cursor);
  });

  it('pages the server ends early at its ~1 MB budget are paged on by cursor until every row landed', async () => {
    const { teamId, owner, reps } = await makeTeam(ctx, 'bytes', 1);
    // 30 prospects with a long (but allowed) score breakdown: ~1.7 MB of rows, far fewer than lim.
    const breakdown = Array.from({ length: 250 }, (_, i) => ({ rule: `rule-${i}`, points: 1, detail: 'x'.repeat(190) }));
    const ids = Array.from({ length: 30 }, () => randomUUID());
    const results = await push(
      owner.client,
      teamId,
      ids.map((id, i) => mutation('prospect', id, hlc('big'), { name: `Big Person ${i}`, source: 'event', score_breakdown: breakdown })),
    );
    expect(results.every((r) => r.status === 'applied')).toBe(true);
    const { pages } = await serverPull(reps[0]!.client, teamId, 0, 1000);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]!.has_more).toBe(true);
    expect(pages[0]!.changes.length).toBeLessThan(1000);

    const b = await device(reps[0]!, teamId, 'b');
    const fresh = memoryDb(`fresh-${randomUUID()}`);
    await pullAll({ ...b.ctx, db: fresh }, supabaseTransport(reps[0]!.client), 1000);
    expect((await fresh.prospects.toArray()).map((p) => p.id).sort()).toEqual([...ids].sort());
    expect((await fresh.meta.get('sync:cursor'))?.value).toBe(pages.at(-1)!.next_cursor);
  });
});

describe('the playbook syncs like everything else', () => {
  it('SQL gate, adjustment, cadence enrolment and its step follow-up, settings and stage edits reach the teammate', async () => {
    const { teamId, owner, reps } = await makeTeam(ctx, 'playbook', 1);
    const a = await device(owner, teamId, 'a');
    const b = await device(reps[0]!, teamId, 'b');
    const { prospect } = await captureProspect(a.ctx, person('kartika-sari', 'Kartika Sari', { company: 'Nusa Kargo' }));
    await setSqlChecklist(a.ctx, prospect.id, { interest_confirmed: true, buying_process: true, decision_maker: true });
    await setScoreAdjustment(a.ctx, prospect.id, 7);
    const [cadence] = await liveCadences(a.ctx);
    await enrolProspect(a.ctx, prospect.id, cadence!.id, 'Asia/Jakarta');
    const { notifications: _n, ...team } = DEFAULT_SETTINGS;
    await saveSettings(a.ctx, { ...team, mqlThreshold: 35 });
    const prospecting = (await listStages(a.ctx)).find((s) => s.key === 'prospecting')!;
    await saveStage(a.ctx, { id: prospecting.id, name: null, probability: 15, staleDays: 3 });
    expect((await a.sync()).rejected).toBe(0);

    await b.sync();
    const seen = (await b.ctx.db.prospects.get(prospect.id))!;
    expect(seen.sqlAt).not.toBeNull();
    expect(seen.sqlChecklist).toMatchObject({ decision_maker: true, accepted_by: owner.userId });
    expect(seen.scoreAdjustment).toBe(7);
    expect(seen.enrolment).toMatchObject({ cadenceId: cadence!.id, status: 'active', step: 0 });
    const step = await b.ctx.db.followUps.where('prospectId').equals(prospect.id).first();
    expect(step).toMatchObject({ cadenceId: cadence!.id, cadenceStep: 0, channel: 'connection_request' });
    expect((await teamSettings(b.ctx)).mqlThreshold).toBe(35);
    expect((await listStages(b.ctx)).find((s) => s.key === 'prospecting')).toMatchObject({ probability: 15, staleDays: 3 });
  });
});

describe('faults lose nothing and duplicate nothing', () => {
  it('a reply lost after the server committed (worker stopped, network cut): the retry is all duplicates', async () => {
    const { teamId, owner } = await makeTeam(ctx, 'drop');
    const a = await device(owner, teamId, 'a');
    const { prospect } = await captureProspect(a.ctx, person('bagus-santoso', 'Bagus Santoso'));
    await logTouch(a.ctx, { prospectId: prospect.id, channel: 'call', direction: 'out', note: null });
    const queued = await a.pending();

    let calls = 0;
    ctx.standIn.faults.rpc = (fn) => (fn === 'sync_push' && calls++ === 0 ? 'drop-reply' : undefined);
    await expectFailure(a.sync(), 'offline');
    expect(await a.pending()).toBe(queued);

    await a.sync();
    expect(await a.pending()).toBe(0);
    const server = await serverPull(owner.client, teamId);
    expect(server.changes.filter((c) => c.entity === 'prospect')).toHaveLength(1);
    expect(server.changes.filter((c) => c.entity === 'touch')).toHaveLength(1);
  });

  it('a 500 keeps the outbox; the next round sends it', async () => {
    const { teamId, owner } = await makeTeam(ctx, 'e500');
    const a = await device(owner, teamId, 'a');
    await captureProspect(a.ctx, person('citra-lestari', 'Citra Lestari'));
    ctx.standIn.faults.rpc = (fn) => (fn === 'sync_push' ? 500 : undefined);
    await expectFailure(a.sync(), 'server');
    expect(await a.pending()).toBe(2);
    ctx.standIn.faults.rpc = undefined;
    await a.sync();
    expect(await a.pending()).toBe(0);
  });

  it('an unreachable server is "offline" and the work waits; it goes out when the server is back', async () => {
    const { teamId, owner } = await makeTeam(ctx, 'down');
    const a = await device(owner, teamId, 'a');
    await ctx.standIn.goDown();
    try {
      await captureProspect(a.ctx, person('dewi-anggraini', 'Dewi Anggraini'));
      await expectFailure(a.sync(), 'offline');
      expect(await a.pending()).toBe(2);
    } finally {
      await ctx.standIn.comeBack();
    }
    await a.sync();
    expect(await a.pending()).toBe(0);
  });

  it('a session that cannot be refreshed is "auth": the queued work waits for the next sign-in', async () => {
    ctx.standIn.gotrue.setAccessTokenTtl(2);
    try {
      const { teamId, owner } = await makeTeam(ctx, 'expiry');
      const a = await device(owner, teamId, 'a');
      await captureProspect(a.ctx, person('eko-prasetyo', 'Eko Prasetyo'));
      const elsewhere = newClient(ctx);
      await elsewhere.auth.signInWithPassword({ email: owner.email, password: owner.password });
      await elsewhere.auth.signOut(); // everywhere: the refresh token dies
      await sleep(3200);
      await expectFailure(a.sync(), 'auth');
      expect(await a.pending()).toBe(2);

      await owner.client.auth.signInWithPassword({ email: owner.email, password: owner.password });
      await a.sync();
      expect(await a.pending()).toBe(0);
    } finally {
      ctx.standIn.gotrue.setAccessTokenTtl(3600);
    }
  });
});

describe('conflicts', () => {
  it('two devices editing one prospect offline end equal, whichever syncs first', async () => {
    for (const order of [
      ['a', 'b'],
      ['b', 'a'],
    ] as const) {
      const { teamId, owner, reps } = await makeTeam(ctx, `conv-${order.join('')}`, 1);
      const devices = { a: await device(owner, teamId, 'a'), b: await device(reps[0]!, teamId, 'b') };
      const { prospect } = await captureProspect(devices.a.ctx, person('fajar-nugroho', 'Fajar Nugroho'));
      await devices.a.sync();
      await devices.b.sync();
      await updateProspect(devices.a.ctx, prospect.id, { title: 'CFO', company: 'Maju Bersama' });
      await sleep(5);
      await updateProspect(devices.b.ctx, prospect.id, { title: 'Chief Financial Officer', location: 'Surabaya' });
      await devices[order[0]].sync();
      await devices[order[1]].sync();
      await devices[order[0]].sync();
      const pa = await devices.a.ctx.db.prospects.get(prospect.id);
      const pb = await devices.b.ctx.db.prospects.get(prospect.id);
      const pick = (p: typeof pa) => ({ title: p?.title, company: p?.company, location: p?.location, name: p?.name });
      expect(pick(pa)).toEqual({ title: 'Chief Financial Officer', company: 'Maju Bersama', location: 'Surabaya', name: 'Fajar Nugroho' });
      expect(pick(pb)).toEqual(pick(pa));
    }
  });

  it('the same person clipped on two devices offline becomes one prospect with both histories', async () => {
    const { teamId, owner, reps } = await makeTeam(ctx, 'dupe', 1);
    const a = await device(owner, teamId, 'a');
    const b = await device(reps[0]!, teamId, 'b');
    const { prospect: pa } = await captureProspect(a.ctx, person('gita-permata', 'Gita Permata'));
    await logTouch(a.ctx, { prospectId: pa.id, channel: 'linkedin_message', direction: 'out', note: 'from A' });
    const { prospect: pb } = await captureProspect(
      b.ctx,
      person('gita-permata', 'Gita Permata', { email: 'gita@example.com', company: 'Sinar Jaya' }),
    );
    await logTouch(b.ctx, { prospectId: pb.id, channel: 'email', direction: 'in', note: 'from B' });
    await addFollowUp(b.ctx, { prospectId: pb.id, title: 'Send deck', dueAt: Date.now() + 3_600_000 });
    await setStage(b.ctx, pb.id, 'qualification');

    await a.sync();
    const round = await b.sync();
    expect(round.merged).toBe(1);
    expect(round.rejected).toBe(0);
    expect(await b.pending()).toBe(0);
    expect(await b.ctx.db.prospects.get(pb.id)).toBeUndefined();
    const merged = await b.ctx.db.prospects.get(pa.id);
    expect(merged).toMatchObject({ touchCount: 2, company: 'Sinar Jaya', emails: ['gita@example.com'] });
    expect(await stageKeyOf(b, merged!.stageId)).toBe('qualification');

    await a.sync();
    const onA = await a.ctx.db.prospects.get(pa.id);
    expect(onA).toMatchObject({ touchCount: 2, company: 'Sinar Jaya', emails: ['gita@example.com'] });
    expect(await stageKeyOf(a, onA!.stageId)).toBe('qualification');
    expect(await a.ctx.db.followUps.where('prospectId').equals(pa.id).count()).toBe(1);
    expect(await a.ctx.db.prospects.count()).toBe(1);
  });

  it('a tombstone arriving for a prospect being edited: it stays deleted on both, nothing is left queued', async () => {
    const { teamId, owner, reps } = await makeTeam(ctx, 'tomb', 1);
    const a = await device(owner, teamId, 'a');
    const b = await device(reps[0]!, teamId, 'b');
    const { prospect } = await captureProspect(a.ctx, person('hana-wijaya', 'Hana Wijaya'));
    await a.sync();
    await b.sync();
    await deleteProspect(a.ctx, prospect.id);
    await updateProspect(b.ctx, prospect.id, { title: 'Owner' });
    await a.sync();
    await b.sync();
    expect(await b.pending()).toBe(0);
    expect((await b.ctx.db.prospects.get(prospect.id))?.deletedAt).not.toBeNull();
    expect(await findByIdentity(b.ctx, 'hana-wijaya', null)).toBeUndefined();
  });

  it('a mutation the server refuses is kept as a sync issue, not retried forever and not lost silently', async () => {
    const { teamId, reps } = await makeTeam(ctx, 'refused', 1);
    const rep = await device(reps[0]!, teamId, 'r');
    // Only admins edit stages: a rep's stage edit is refused with "forbidden".
    await rep.ctx.db.transaction('rw', rep.ctx.db.outbox, rep.ctx.db.meta, () =>
      enqueue(rep.ctx, 'stage', 'upsert', randomUUID(), { key: 'rep_made', name: 'Rep made' }),
    );
    const round = await rep.sync();
    expect(round.rejected).toBe(1);
    expect(await rep.pending()).toBe(0);
    const issues = await rep.ctx.db.syncIssues.toArray();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ entity: 'stage', code: 'forbidden' });
  });
});

describe('bringing the local pipeline into a team', () => {
  it('adds new people, merges known ones by identity key, and adds nothing when run twice', async () => {
    const { teamId, owner, reps } = await makeTeam(ctx, 'adopt', 1);
    const teammate = await device(owner, teamId, 'o');
    await captureProspect(teammate.ctx, person('indah-sari', 'Indah Sari', { company: null }));
    await teammate.sync();

    const local = {
      db: memoryDb(`local-${randomUUID()}`),
      now: Date.now,
      newId: () => randomUUID(),
      userId: 'local',
      teamId: 'local',
      nodeId: 'l',
    };
    await ensureSeeded(local);
    const known = await captureProspect(local, person('indah-sari', 'Indah Sari', { company: 'Karya Abadi' }));
    await logTouch(local, { prospectId: known.prospect.id, channel: 'call', direction: 'out', note: 'local call' });
    const fresh = await captureProspect(local, person('joko-susilo', 'Joko Susilo'));
    await setStage(local, fresh.prospect.id, 'decision');
    await addFollowUp(local, { prospectId: fresh.prospect.id, title: 'Close Joko', dueAt: Date.now() - 60_000 });

    const me = await device(reps[0]!, teamId, 'me');
    const report = await adoptLocal(local, me.ctx);
    expect(report).toMatchObject({ added: 1, merged: 1, touches: 1, followUps: 1 });
    const queued = await me.pending();
    expect(await adoptLocal(local, me.ctx)).toMatchObject({ added: 0, touches: 0, followUps: 0 });
    expect(await me.pending()).toBe(queued);
    const round = await me.sync();
    expect(round.rejected).toBe(0);

    await teammate.sync();
    const indah = await findByIdentity(teammate.ctx, 'indah-sari', null);
    expect(indah).toMatchObject({ company: 'Karya Abadi', touchCount: 1 });
    const joko = await findByIdentity(teammate.ctx, 'joko-susilo', null);
    expect(await stageKeyOf(teammate, joko!.stageId)).toBe('decision');
    const followUp = await teammate.ctx.db.followUps.where('prospectId').equals(joko!.id).first();
    expect(followUp).toMatchObject({ title: 'Close Joko', assigneeId: reps[0]!.userId });
    expect(await teammate.ctx.db.prospects.count()).toBe(2);
  });
});
