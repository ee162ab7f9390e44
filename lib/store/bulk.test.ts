import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { captureProspect, setStage, type CaptureInput } from './commands';
import { bulkApply, bulkUndo } from './bulk';
import { ensureDefaultCadence, enrolProspect } from './playbook';
import { listStages, overdueCount } from './queries';

const HOUR = 3_600_000;
const person = (n: number): CaptureInput => ({
  slug: `person-${n}`,
  email: null,
  name: `Person ${n}`,
  headline: null,
  title: null,
  company: 'Acme',
  location: null,
  photoUrl: null,
  linkedinUrl: null,
  source: 'event',
});

async function three() {
  const store = await testStore();
  const ids: string[] = [];
  for (const n of [1, 2, 3]) ids.push((await captureProspect(store.ctx, person(n))).prospect.id);
  return { ...store, ids };
}

async function stageKeys(ctx: Awaited<ReturnType<typeof testStore>>['ctx'], ids: string[]) {
  const stages = await listStages(ctx);
  const rows = await ctx.db.prospects.bulkGet(ids);
  return rows.map((p) => stages.find((s) => s.id === p!.stageId)?.key);
}

describe('bulkApply / bulkUndo', () => {
  it('moves three people in one transaction and one outbox batch; one undo moves them back with new history', async () => {
    const { ctx, ids, advance } = await three();
    const before = await ctx.db.outbox.count();
    advance(HOUR);
    const r = await bulkApply(ctx, ids, { kind: 'stage', stageKey: 'consideration', confirmed: true });
    expect(r.changed).toBe(3);
    expect(await stageKeys(ctx, ids)).toEqual(['consideration', 'consideration', 'consideration']);
    const batch = (await ctx.db.outbox.toArray()).slice(before);
    expect(batch.map((e) => e.entity)).toEqual(['stage_change', 'prospect', 'stage_change', 'prospect', 'stage_change', 'prospect']);
    advance(HOUR);
    const u = await bulkUndo(ctx, r.undo!);
    expect(u).toEqual({ restored: 3, kept: [] });
    expect(await stageKeys(ctx, ids)).toEqual(['prospecting', 'prospecting', 'prospecting']);
    expect(await ctx.db.stageChanges.count()).toBe(3 + 3 + 3); // created, moved, moved back: history is kept
  });

  it('a move past qualification asks first, as a single move does: nothing moves until confirmed, and who has not passed SQL is named', async () => {
    const { ctx, ids } = await three();
    // Person 3 passed SQL: only the other two need the question.
    await ctx.db.prospects.update(ids[2]!, { sqlAt: ctx.now() });
    const before = await ctx.db.outbox.count();
    const asked = await bulkApply(ctx, ids, { kind: 'stage', stageKey: 'decision' });
    expect(asked).toEqual({ changed: 0, skipped: [], undo: null, needsConfirmation: [{ id: ids[0], name: 'Person 1' }, { id: ids[1], name: 'Person 2' }] });
    expect(await stageKeys(ctx, ids)).toEqual(['prospecting', 'prospecting', 'prospecting']);
    expect(await ctx.db.outbox.count()).toBe(before);
    // Within qualification no question is asked.
    expect((await bulkApply(ctx, ids, { kind: 'stage', stageKey: 'qualification' })).changed).toBe(3);
    const moved = await bulkApply(ctx, ids, { kind: 'stage', stageKey: 'decision', confirmed: true });
    expect(moved.changed).toBe(3);
    expect(moved.needsConfirmation).toBeUndefined();
    expect(await stageKeys(ctx, ids)).toEqual(['decision', 'decision', 'decision']);
  });

  it('undo leaves alone a person a teammate moved meanwhile, and says so', async () => {
    const { ctx, ids } = await three();
    const r = await bulkApply(ctx, ids, { kind: 'stage', stageKey: 'consideration', confirmed: true });
    await setStage(ctx, ids[1]!, 'decision');
    const u = await bulkUndo(ctx, r.undo!);
    expect(u.restored).toBe(2);
    expect(u.kept.map((k) => k.name)).toEqual(['Person 2']);
    expect(await stageKeys(ctx, ids)).toEqual(['prospecting', 'decision', 'prospecting']);
  });

  it('a failure half-way writes nothing: an unknown person refuses the whole batch', async () => {
    const { ctx, ids } = await three();
    const before = await ctx.db.outbox.count();
    await expect(bulkApply(ctx, [...ids, '00000000-0000-4000-8000-0000000000ff'], { kind: 'stage', stageKey: 'decision' })).rejects.toThrow(
      /No prospect/,
    );
    expect(await stageKeys(ctx, ids)).toEqual(['prospecting', 'prospecting', 'prospecting']);
    expect(await ctx.db.outbox.count()).toBe(before);
  });

  it('adds one follow-up each (counted for the badge) and undo removes them', async () => {
    const { ctx, ids } = await three();
    const r = await bulkApply(ctx, ids, { kind: 'follow-up', title: 'Send the case study', dueAt: ctx.now() - HOUR });
    expect(await overdueCount(ctx)).toBe(3);
    await bulkUndo(ctx, r.undo!);
    expect(await overdueCount(ctx)).toBe(0);
  });

  it('enrols in a cadence (skipping someone mid-cadence) and stops it, each with one undo', async () => {
    const { ctx, ids } = await three();
    await ensureDefaultCadence(ctx);
    const cadence = (await ctx.db.cadences.toArray())[0]!;
    await enrolProspect(ctx, ids[0]!, cadence.id, 'Asia/Jakarta');
    const r = await bulkApply(ctx, ids, { kind: 'enrol', cadenceId: cadence.id, timeZone: 'Asia/Jakarta' });
    expect(r.changed).toBe(2);
    expect(r.skipped).toEqual([{ id: ids[0], name: 'Person 1', reason: 'in-cadence' }]);
    const open = async () => (await ctx.db.followUps.toArray()).filter((f) => f.deletedAt === null && f.doneAt === null).length;
    expect(await open()).toBe(3);
    await bulkUndo(ctx, r.undo!);
    expect(await open()).toBe(1);
    expect((await ctx.db.prospects.get(ids[1]!))?.enrolment).toBeNull();

    const stop = await bulkApply(ctx, ids, { kind: 'stop-cadence' });
    expect(stop.changed).toBe(1);
    expect(await open()).toBe(0);
    expect((await ctx.db.prospects.get(ids[0]!))?.enrolment?.status).toBe('stopped');
    await bulkUndo(ctx, stop.undo!);
    expect((await ctx.db.prospects.get(ids[0]!))?.enrolment?.status).toBe('active');
    expect(await open()).toBe(1);
  });

  it('deletes through the delete command and one undo brings everyone back', async () => {
    const { ctx, ids } = await three();
    const r = await bulkApply(ctx, ids, { kind: 'delete' });
    expect((await ctx.db.prospects.bulkGet(ids)).every((p) => p!.deletedAt !== null)).toBe(true);
    expect(await bulkUndo(ctx, r.undo!)).toEqual({ restored: 3, kept: [] });
    expect((await ctx.db.prospects.bulkGet(ids)).every((p) => p!.deletedAt === null)).toBe(true);
  });

  it('reassigns owners in a team only where the rep may; undo gives them back', async () => {
    const { ctx, ids } = await three();
    const team = { ...ctx, teamId: 'team-1', userId: 'u-rep' };
    await ctx.db.prospects.update(ids[2]!, { ownerId: 'u-other' });
    await ctx.db.prospects.update(ids[0]!, { ownerId: 'u-rep' });
    await ctx.db.prospects.update(ids[1]!, { ownerId: 'u-rep' });
    const r = await bulkApply(team, ids, { kind: 'owner', ownerId: 'u-sara' });
    expect(r.changed).toBe(2);
    expect(r.skipped).toEqual([{ id: ids[2], name: 'Person 3', reason: 'not-allowed' }]);
    expect((await ctx.db.prospects.bulkGet(ids)).map((p) => p!.ownerId)).toEqual(['u-sara', 'u-sara', 'u-other']);
    await bulkUndo(team, r.undo!);
    expect((await ctx.db.prospects.bulkGet(ids)).map((p) => p!.ownerId)).toEqual(['u-rep', 'u-rep', 'u-other']);
  });

  it('refuses an empty selection with a clear message', async () => {
    const { ctx } = await three();
    await expect(bulkApply(ctx, [], { kind: 'delete' })).rejects.toThrow(/Nobody|at least one/);
    await expect(bulkApply(ctx, [], { kind: 'stage', stageKey: 'decision' })).rejects.toThrow('Select at least one person first');
  });
});
