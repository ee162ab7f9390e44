import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../model';
import { coalesce, compactOutbox } from './outbox-coalesce';

const P = '00000000-0000-4000-8000-00000000000a';
const Q = '00000000-0000-4000-8000-00000000000b';
let n = 0;
const hlcAt = (i: number) => `${String(1_790_000_000_000 + i).padStart(15, '0')}-0000-t`;

function entry(seq: number | undefined, entityId: string, fields: Record<string, unknown>, over: Partial<OutboxEntry> = {}): OutboxEntry {
  n++;
  return {
    ...(seq !== undefined ? { seq } : {}),
    mutationId: `00000000-0000-4000-9000-${n.toString(16).padStart(12, '0')}`,
    entity: 'prospect',
    op: 'upsert',
    entityId,
    fields,
    hlc: hlcAt(seq ?? 1000 + n),
    createdAt: 1,
    ...over,
  };
}

const creation = (seq: number | undefined, id: string, extra: Record<string, unknown> = {}) =>
  entry(seq, id, { name: 'Siti', title: 'Head', source: 'social_selling', stageId: 'st-1', createdAt: 5, ...extra });

describe('coalesce', () => {
  it('takes a field a newer edit writes out of the older edit, which keeps its other fields and its clock', () => {
    const older = entry(1, P, { title: 'Head', company: 'Nusantara' });
    const next = entry(undefined, P, { title: 'VP' });
    const plan = coalesce([older], [next], 0);
    expect(plan.put).toEqual([{ ...older, fields: { company: 'Nusantara' } }]);
    expect(plan.remove).toEqual([]);
    expect(plan.add).toEqual([next]);
  });

  it('drops an older edit the newer one covers entirely', () => {
    const older = entry(1, P, { title: 'Head' });
    const plan = coalesce([older], [entry(undefined, P, { title: 'VP', company: 'X' })], 0);
    expect(plan.remove).toEqual([1]);
    expect(plan.put).toEqual([]);
    expect(plan.add).toHaveLength(1);
  });

  it('folds later fields into a creation not yet sent, under its own clock; a new stage stays a later change', () => {
    const create = creation(3, P);
    const next = entry(undefined, P, { title: 'VP', score: 40, stageId: 'st-2', stageEnteredAt: 9 });
    const plan = coalesce([create], [next], 2);
    expect(plan.put).toHaveLength(1);
    expect(plan.put[0]).toMatchObject({ seq: 3, mutationId: create.mutationId, hlc: create.hlc });
    expect(plan.put[0]!.fields).toEqual({ ...create.fields, title: 'VP', score: 40, stageEnteredAt: 9 });
    expect(plan.add).toEqual([{ ...next, fields: { stageId: 'st-2' } }]);
  });

  it('leaves a reference set after the creation later than the creation, however much folds in after it', () => {
    // The server stamps every field of the new row with the creation's clock: the enrolment's own entry
    // must stay later, or the row keeps the creation's empty enrolment.
    const create = creation(3, P, { enrolment: null });
    const enrol = entry(4, P, { enrolment: { cadenceId: 'c-1', step: 0 } });
    const rescore = entry(undefined, P, { score: 55 });
    const plan = coalesce([create, enrol], [rescore], 2);
    const folded = plan.put.find((e) => e.seq === 3)!;
    expect(folded.fields.score).toBe(55);
    expect(folded.hlc < enrol.hlc).toBe(true);
    expect(plan.remove).toEqual([]);
  });

  it('keeps identity keys out of an earlier creation: a merge queued in between may be what frees them', () => {
    const create = creation(3, P, { emails: [] });
    const merge = entry(4, Q, { into: P }, { entity: 'merge' });
    const next = entry(undefined, P, { title: 'VP', emails: ['siti@contoh.id'] });
    const plan = coalesce([create], [next], 0);
    void merge;
    expect(plan.put[0]!.fields.emails).toEqual([]);
    expect(plan.add).toEqual([{ ...next, fields: { emails: ['siti@contoh.id'] } }]);
  });

  it('never adds to an entry that may be at the server already; it only takes from it', () => {
    const create = creation(3, P);
    const edit = entry(4, P, { company: 'A', location: 'Jakarta' });
    const next = entry(undefined, P, { title: 'VP', company: 'B' });
    const plan = coalesce([create, edit], [next], 4);
    expect(plan.put).toEqual([{ ...edit, fields: { location: 'Jakarta' } }]);
    expect(plan.add).toEqual([next]);
  });

  it('moves the temperature and its override flag as one', () => {
    const older = entry(1, P, { temperature: 'warm', temperatureSet: false, score: 3 });
    const next = entry(undefined, P, { source: 'referral', temperature: 'warm' });
    const plan = coalesce([older], [next], 0);
    expect(plan.put[0]!.fields).toEqual({ score: 3 });
    expect(plan.add[0]!.fields).toEqual({ source: 'referral', temperature: 'warm', temperatureSet: false });
  });

  it('leaves deletes and restores alone, and folds nothing across an erasure', () => {
    const del = entry(1, P, {}, { op: 'delete' });
    const erase = entry(2, Q, {}, { op: 'erase' });
    const plan = coalesce([del, creation(3, Q), erase], [entry(undefined, P, { title: 'VP' }), entry(undefined, Q, { title: 'VP' })], 0);
    expect(plan.put).toEqual([]);
    expect(plan.remove).toEqual([]);
    expect(plan.add.map((e) => e.entityId)).toEqual([P, Q]);
  });

  it('keeps records apart: the same id under another entity is another record', () => {
    const plan = coalesce([entry(1, P, { title: 'A' }, { entity: 'follow_up' })], [entry(undefined, P, { title: 'B' })], 0);
    expect(plan.put).toEqual([]);
    expect(plan.remove).toEqual([]);
  });
});

describe('compactOutbox', () => {
  it('replays a queue onto itself: superseded fields go, creations not yet sent take what followed, the rest keeps its place', () => {
    const queue = [
      entry(1, Q, { title: 'A' }),
      entry(2, Q, { title: 'B' }),
      creation(3, P),
      entry(4, P, { title: 'VP' }),
      entry(5, P, { title: 'CEO', stageId: 'st-9' }),
      entry(6, Q, { company: 'X' }),
    ];
    const plan = compactOutbox(queue, 2);
    expect(plan.remove.sort()).toEqual([1, 4]);
    expect(plan.put.find((e) => e.seq === 3)!.fields).toMatchObject({ title: 'CEO', stageId: 'st-1' });
    expect(plan.put.find((e) => e.seq === 5)!.fields).toEqual({ stageId: 'st-9' });
    expect(plan.add).toEqual([]);
    // Compacting what compaction left changes nothing.
    const after = queue
      .filter((e) => !plan.remove.includes(e.seq!))
      .map((e) => plan.put.find((p) => p.seq === e.seq) ?? e);
    expect(compactOutbox(after, 2)).toEqual({ put: [], remove: [], add: [] });
  });

  it('keeps every field at its latest value, in at most one entry not yet sent, over a long random run', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const ids = [P, Q];
    const keys = ['title', 'company', 'score', 'stageId', 'emails', 'note'];
    let stored: OutboxEntry[] = [];
    let nextSeq = 1;
    let sentThrough = 0;
    const truth = new Map<string, unknown>();
    for (const id of ids) {
      const c = creation(undefined, id);
      const plan = coalesce(stored, [c], sentThrough);
      stored = [...stored, ...plan.add.map((e) => ({ ...e, seq: nextSeq++ }))];
      for (const [k, v] of Object.entries(c.fields)) truth.set(`${id}.${k}`, v);
    }
    for (let i = 0; i < 400; i++) {
      if (rand() < 0.05) sentThrough = nextSeq - 1; // a push hands the queue over
      if (rand() < 0.03) {
        // ...and the server answers for the oldest few it was handed.
        const answered = new Set(stored.slice(0, Math.floor(rand() * 3)).filter((e) => e.seq! <= sentThrough).map((e) => e.seq));
        stored = stored.filter((e) => !answered.has(e.seq));
        continue;
      }
      const id = ids[Math.floor(rand() * ids.length)]!;
      const fields: Record<string, unknown> = {};
      for (const k of keys) if (rand() < 0.3) fields[k] = `${k}-${i}`;
      if (Object.keys(fields).length === 0) continue;
      const plan = coalesce(
        stored.filter((e) => e.entityId === id),
        [entry(undefined, id, fields)],
        sentThrough,
      );
      stored = stored
        .filter((e) => !plan.remove.includes(e.seq!))
        .map((e) => plan.put.find((p) => p.seq === e.seq) ?? e)
        .concat(plan.add.map((e) => ({ ...e, seq: nextSeq++ })));
      for (const [k, v] of Object.entries(fields)) truth.set(`${id}.${k}`, v);
    }
    // Applying what is still queued, in order, over what the server already took gives the latest value of
    // every field written after the last answered entry; and no field sits in two unsent entries.
    for (const id of ids) {
      const unsent = stored.filter((e) => e.entityId === id && e.seq! > sentThrough);
      // A stage or address set after the creation is the one field that may also sit in the creation itself.
      for (const k of keys) expect(unsent.filter((e) => k in e.fields).length, k).toBeLessThanOrEqual(k === 'stageId' || k === 'emails' ? 2 : 1);
      const applied: Record<string, unknown> = {};
      for (const e of stored.filter((x) => x.entityId === id)) Object.assign(applied, e.fields);
      for (const k of keys) if (k in applied) expect(applied[k]).toBe(truth.get(`${id}.${k}`));
    }
  });
});
