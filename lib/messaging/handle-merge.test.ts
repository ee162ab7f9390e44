import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { captureProspect, logTouch } from '../store/commands';
import { handleRequest } from './handle';
import { isMutation } from './schemas';
import { CONTENT_SCRIPT_REQUESTS } from './sender-policy';

const base = {
  slug: null,
  email: null,
  headline: null,
  title: null,
  location: null,
  photoUrl: null,
  linkedinUrl: null,
};

async function pair() {
  const store = await testStore();
  const a = (await captureProspect(store.ctx, { ...base, slug: 'ayu-lestari-1', name: 'Ayu Lestari', company: 'Nusantara Logistik', source: 'social_selling' }))
    .prospect;
  const b = (await captureProspect(store.ctx, { ...base, email: 'ayu@nusantara-logistik.co.id', name: 'Ayu L.', company: null, source: 'email' })).prospect;
  await logTouch(store.ctx, { prospectId: b.id, channel: 'email', direction: 'in', note: null });
  return { ...store, a, b };
}

describe('merge and bulk requests', () => {
  it('suggests the duplicate, merges it through the message boundary and says what moved', async () => {
    const { ctx, a, b } = await pair();
    const dup = await handleRequest(ctx, { type: 'duplicates', id: a.id });
    expect(dup).toMatchObject({ ok: true, data: { items: [{ prospect: { id: b.id }, reason: 'email-domain', touchCount: 1 }] } });
    const r = await handleRequest(ctx, { type: 'mergeProspects', survivorId: a.id, otherId: b.id, pick: { name: 'survivor' } });
    expect(r).toMatchObject({ ok: true, data: { mergedName: 'Ayu L.', moved: { touches: 1 }, survivor: { id: a.id, touchCount: 1 } } });
    expect(await handleRequest(ctx, { type: 'duplicates', id: a.id })).toEqual({ ok: true, data: { items: [] } });
    // A view still open on the person merged away shows the survivor.
    expect(await handleRequest(ctx, { type: 'detail', id: b.id })).toMatchObject({ ok: true, data: { prospect: { id: a.id } } });
  });

  it('a merge with oneself or with a bad pick is refused with a sentence, and nothing changes', async () => {
    const { ctx, a, b } = await pair();
    const self = await handleRequest(ctx, { type: 'mergeProspects', survivorId: a.id, otherId: a.id });
    expect(self).toMatchObject({ ok: false, error: 'A person cannot be merged with themselves.', code: 'merge_self' });
    const bad = await handleRequest(ctx, { type: 'mergeProspects', survivorId: a.id, otherId: b.id, pick: { name: 'both' } } as never);
    expect(bad.ok).toBe(false);
    expect((await ctx.db.prospects.get(b.id))?.deletedAt).toBeNull();
  });

  it('bulk move and its undo round-trip the token through the boundary', async () => {
    const { ctx, a, b } = await pair();
    const r = await handleRequest(ctx, { type: 'bulkApply', ids: [a.id, b.id], action: { kind: 'stage', stageKey: 'decision', confirmed: true } });
    if (!r.ok) throw new Error(r.error);
    const undo = await handleRequest(ctx, { type: 'bulkUndo', token: JSON.parse(JSON.stringify((r.data as { undo: unknown }).undo)) });
    expect(undo).toEqual({ ok: true, data: { restored: 2, kept: [] } });
    expect(await handleRequest(ctx, { type: 'bulkApply', ids: [], action: { kind: 'delete' } })).toMatchObject({ ok: false });
  });

  it('merge and bulk requests change data and are for extension pages only', () => {
    expect(isMutation('mergeProspects') && isMutation('bulkApply') && isMutation('bulkUndo')).toBe(true);
    expect(isMutation('duplicates')).toBe(false);
    for (const t of ['mergeProspects', 'duplicates', 'bulkApply', 'bulkUndo']) expect(CONTENT_SCRIPT_REQUESTS as readonly string[]).not.toContain(t);
  });
});
