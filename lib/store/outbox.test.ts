import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { markQueuedSent, testStore } from '../../test/unit/store-helpers';
import type { OutboxEntry } from '../model';
import { pushOutbox } from '../sync/push';
import { LOCAL_DB } from '../sync/scope';
import { SyncError } from '../sync/transport';
import { addFollowUp, captureProspect, logTouch, setStage, snoozeFollowUp, updateProspect, type CaptureInput } from './commands';
import { openDb } from './db';
import { sentThrough } from './outbox';
import { SENT_THROUGH_KEY } from './outbox-coalesce';

const siti: CaptureInput = {
  slug: 'siti-rahmawati-8b2a1c3',
  email: null,
  name: 'Siti Rahmawati',
  headline: null,
  title: 'Head of Procurement',
  company: 'Nusantara Logistik',
  location: 'Jakarta',
  photoUrl: null,
  linkedinUrl: 'https://www.linkedin.com/in/siti-rahmawati-8b2a1c3/',
  source: 'social_selling',
};

describe('the local pipeline', () => {
  it('queues nothing, whatever the rep does, and keeps no sync clock', async () => {
    const { ctx, advance } = await testStore(undefined, { queue: false });
    const { prospect } = await captureProspect(ctx, siti);
    await updateProspect(ctx, prospect.id, { title: 'VP Procurement' });
    await setStage(ctx, prospect.id, 'qualification');
    await logTouch(ctx, { prospectId: prospect.id, channel: 'email', direction: 'out', note: 'Intro' });
    const f = await addFollowUp(ctx, { prospectId: prospect.id, title: 'Call', dueAt: ctx.now() + 1000 });
    advance(5000);
    await snoozeFollowUp(ctx, f.id, ctx.now() + 3_600_000);
    expect(await ctx.db.outbox.count()).toBe(0);
    expect(await ctx.db.meta.get('hlc')).toBeUndefined();
    // The records are all there: bringing the pipeline into a team reads them (lib/sync/adopt.ts).
    expect(await ctx.db.touches.count()).toBe(1);
    expect(await ctx.db.stageChanges.count()).toBe(2);
  });
});

describe('a team store', () => {
  it('holds one pending entry per record field: later edits fold into the unsent creation', async () => {
    const { ctx, advance } = await testStore();
    const { prospect } = await captureProspect(ctx, siti);
    for (let i = 0; i < 20; i++) {
      advance(1000);
      await updateProspect(ctx, prospect.id, { title: `Title ${i}`, company: i % 2 ? 'A' : 'B' });
    }
    const queued = await ctx.db.outbox.toArray();
    expect(queued.map((e) => e.entity)).toEqual(['prospect', 'stage_change']);
    expect(queued[0]!.fields).toMatchObject({ name: 'Siti Rahmawati', title: 'Title 19', company: 'A' });
  });

  it('after a push handed the queue over, edits queue on their own and supersede each other', async () => {
    const { ctx, advance } = await testStore();
    const { prospect } = await captureProspect(ctx, siti);
    await markQueuedSent(ctx);
    for (let i = 0; i < 20; i++) {
      advance(1000);
      await updateProspect(ctx, prospect.id, { title: `Title ${i}` });
    }
    advance(1000);
    await updateProspect(ctx, prospect.id, { location: 'Bandung' });
    const queued = await ctx.db.outbox.toArray();
    expect(queued.map((e) => e.entity)).toEqual(['prospect', 'stage_change', 'prospect', 'prospect']);
    // The creation is as it was sent; each field waits in one entry, at its latest value.
    expect(queued[0]!.fields.title).toBe('Head of Procurement');
    expect(queued[2]!.fields).toMatchObject({ title: 'Title 19' });
    expect(queued[3]!.fields).toMatchObject({ location: 'Bandung' });
    expect('location' in queued[2]!.fields).toBe(false);
  });

  it('a push records what it hands to the network before the answer, even when none comes', async () => {
    const { ctx } = await testStore();
    const { prospect } = await captureProspect(ctx, siti);
    const offline = {
      push: async () => {
        throw new SyncError('offline', 'no network', 0);
      },
      pull: async () => ({ changes: [], next_cursor: 0, has_more: false }),
    };
    await expect(pushOutbox(ctx, offline)).rejects.toThrow('no network');
    const last = (await ctx.db.outbox.orderBy('seq').last())!;
    expect(await sentThrough(ctx)).toBe(last.seq);
    // The creation may be at the server: an edit now is a change of its own, the creation unchanged.
    await updateProspect(ctx, prospect.id, { title: 'VP' });
    const queued = await ctx.db.outbox.toArray();
    expect(queued).toHaveLength(3);
    expect(queued[0]!.fields.title).toBe('Head of Procurement');
  });
});

/** A store as version 5 left it (the schema before the outbox was compacted), with `outbox` written raw. */
async function versionFiveStore(name: string, env: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }, outbox: OutboxEntry[]) {
  const old = new Dexie(name, env);
  old.version(5).stores({
    stages: 'id, key, order',
    prospects: 'id, slug, *emails, memberId, stageId, updatedAt, name, companyId',
    touches: 'id, prospectId, occurredAt',
    followUps: 'id, prospectId, [assigneeId+openDueAt]',
    stageChanges: 'id, prospectId, changedAt',
    outbox: '++seq, mutationId, entityId',
    meta: 'key',
    syncIssues: '++id, at',
    cadences: 'id',
    companies: 'id, slug, name, updatedAt',
  });
  await old.table('outbox').bulkAdd(outbox);
  old.close();
}

let m = 0;
function queued(entityId: string, fields: Record<string, unknown>, entity: OutboxEntry['entity'] = 'prospect'): OutboxEntry {
  m++;
  return {
    mutationId: `00000000-0000-4000-9000-${m.toString(16).padStart(12, '0')}`,
    entity,
    op: 'upsert',
    entityId,
    fields,
    hlc: `${String(1_790_000_000_000 + m).padStart(15, '0')}-0000-t`,
    createdAt: 1,
  };
}

describe('Dexie version 6', () => {
  it('empties the local pipeline’s outbox, which nothing would ever send', async () => {
    const env = { indexedDB: new IDBFactory(), IDBKeyRange };
    const id = '00000000-0000-4000-8000-0000000000aa';
    await versionFiveStore(LOCAL_DB, env, Array.from({ length: 1000 }, (_, i) => queued(id, { title: `t${i}` })));
    const db = openDb(LOCAL_DB, env);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });

  it('compacts a team’s outbox: superseded fields go, creations past the head take what followed', async () => {
    const env = { indexedDB: new IDBFactory(), IDBKeyRange };
    const p = '00000000-0000-4000-8000-0000000000bb';
    const q = '00000000-0000-4000-8000-0000000000cc';
    const head = [queued(q, { title: 'A' }), queued(q, { title: 'B', company: 'X' })];
    // 500 entries may have been on their way when the worker stopped: nothing is added to those.
    const filler = Array.from({ length: 498 }, (_, i) => queued(`00000000-0000-4000-8000-${(0x1000 + i).toString(16).padStart(12, '0')}`, { note: 'n', createdAt: 1 }, 'touch'));
    const tail = [
      queued(p, { name: 'Siti', source: 'social_selling', stageId: 's1', createdAt: 1, title: 'Head' }),
      queued(p, { title: 'VP', score: 10 }),
      queued(p, { title: 'CEO' }),
      queued(q, { company: 'Y' }),
    ];
    await versionFiveStore('jalur-team-x-y', env, [...head, ...filler, ...tail]);
    const db = openDb('jalur-team-x-y', env);
    const rows = await db.outbox.toArray();
    // q's first edit is gone (superseded), p's two edits folded into its creation, q's last edit stays.
    expect(rows).toHaveLength(1 + 498 + 1 + 1);
    expect(rows.find((e) => e.seq === 1)).toBeUndefined();
    expect(rows.find((e) => e.seq === 2)!.fields).toEqual({ title: 'B' }); // its company waits in the later edit
    expect(rows.find((e) => e.seq === 501)!.fields).toMatchObject({ name: 'Siti', title: 'CEO', score: 10 });
    expect(rows.filter((e) => e.entityId === p)).toHaveLength(1);
    expect((await db.meta.get(SENT_THROUGH_KEY))?.value).toBe(500);
    db.close();
  });
});
