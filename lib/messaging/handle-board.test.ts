import { describe, expect, it, vi } from 'vitest';
import { T0, sameDbAgain, testStore } from '../../test/unit/store-helpers';
import { unpackCards, type PackedCards } from '../pipeline/board-pack';
import { DAY_MS } from '../pipeline/staleness';
import { handleRequest } from './handle';
import { isMutation } from './schemas';
import type { Request, RequestType, ResponseMap } from './types';

async function call<T extends RequestType>(
  ctx: Parameters<typeof handleRequest>[0],
  req: Extract<Request, { type: T }>,
): Promise<ResponseMap[T]> {
  const r = await handleRequest(ctx, req);
  if (!r.ok) throw new Error(r.error);
  return r.data as ResponseMap[T];
}

/** The board as the side panel sees it, cards unpacked. */
async function board(ctx: Parameters<typeof handleRequest>[0]) {
  const r = await call(ctx, { type: 'board' });
  const packed = JSON.parse(r.cards) as PackedCards;
  return { ...r, packed, cards: unpackCards(packed, r.stages, r.owners, r.asOf) };
}

const input = (slug: string, name: string, company: string | null) => ({
  slug,
  email: null,
  name,
  headline: null,
  title: null,
  company,
  location: null,
  photoUrl: null,
  linkedinUrl: `https://www.linkedin.com/in/${slug}/`,
});

describe('board request', () => {
  it('is a query, takes no parameters and is validated like every request', async () => {
    const { ctx } = await testStore();
    expect(isMutation('board')).toBe(false);
    const r = await handleRequest(ctx, { type: 'board', limit: 5 });
    expect(r.ok).toBe(false);
    expect((await handleRequest(ctx, { type: 'boardPing' })).ok).toBe(false);
  });

  it('returns the ordered stages and a compact card for every live prospect', async () => {
    const { ctx, advance } = await testStore();
    const ayu = (await call(ctx, { type: 'capture', input: input('ayu-lestari', 'Ayu Lestari', 'Samudra Freight') })).prospect;
    const budi = (await call(ctx, { type: 'capture', input: input('budi-santoso', 'Budi Santoso', null) })).prospect;
    const gone = (await call(ctx, { type: 'capture', input: input('gone-person', 'Gone Person', null) })).prospect;
    await call(ctx, { type: 'deleteProspect', id: gone.id });
    await ctx.db.prospects.update(ayu.id, { dealValue: 1500, currency: 'IDR' });
    await call(ctx, { type: 'addFollowUp', prospectId: ayu.id, title: 'Later', dueAt: T0 + 3 * DAY_MS });
    await call(ctx, { type: 'addFollowUp', prospectId: ayu.id, title: 'Sooner', dueAt: T0 + DAY_MS });
    const done = await call(ctx, { type: 'addFollowUp', prospectId: ayu.id, title: 'Done already', dueAt: T0 - DAY_MS });
    await call(ctx, { type: 'completeFollowUp', id: done.followUp.id });
    await call(ctx, { type: 'setStage', prospectId: budi.id, stageKey: 'qualification' });
    // Contacted once: gone dark is silence after contact (never contacted is a list of its own).
    for (const p of [ayu, budi]) await call(ctx, { type: 'logTouch', prospectId: p.id, channel: 'call', direction: 'out', note: null });
    advance(15 * DAY_MS);

    const view = await board(ctx);
    expect(view.asOf).toBe(T0 + 15 * DAY_MS);
    expect(view.defaultCurrency).toBe('USD');
    expect(view.stages.map((s) => s.key)).toEqual(['prospecting', 'qualification', 'consideration', 'decision', 'delivery', 'lost']);
    expect(view.owners).toEqual([{ id: 'local', name: null, you: true }]);
    const byName = new Map(view.cards.map((c) => [c.name, c]));
    expect([...byName.keys()].sort()).toEqual(['Ayu Lestari', 'Budi Santoso']);
    const prospecting = view.stages[0]!.id;
    expect(byName.get('Ayu Lestari')).toMatchObject({
      id: ayu.id,
      company: 'Samudra Freight',
      stageId: prospecting,
      dealValue: 1500,
      currency: 'IDR',
      ownerId: 'local',
      source: 'social_selling',
      temperature: 'cold',
      mql: false,
      sql: false,
      // 15 days quiet in prospecting (stale after 14).
      stalled: true,
      silenceDays: 15,
      nextDueAt: T0 + DAY_MS,
    });
    expect(byName.get('Budi Santoso')).toMatchObject({ stageId: view.stages[1]!.id, nextDueAt: null, stalled: true });
    // Lean: parallel arrays, stage and owner by position, no prospect internals.
    expect(Object.keys(view.packed).sort()).toEqual(
      ['company', 'currency', 'flags', 'id', 'name', 'nextDue', 'owner', 'score', 'since', 'source', 'stage', 'value'].sort(),
    );
    expect(view.packed.stage.sort()).toEqual([0, 1]);
  });

  it('shows a move made through setStage, and a move past qualification waits for confirmation', async () => {
    const { ctx } = await testStore();
    const ayu = (await call(ctx, { type: 'capture', input: input('ayu-lestari', 'Ayu Lestari', null) })).prospect;
    const asked = await call(ctx, { type: 'setStage', prospectId: ayu.id, stageKey: 'decision' });
    expect(asked.needsConfirmation).toBe(true);
    let view = await board(ctx);
    expect(view.cards[0]!.stageId).toBe(view.stages[0]!.id);
    await call(ctx, { type: 'setStage', prospectId: ayu.id, stageKey: 'decision', confirmed: true });
    view = await board(ctx);
    expect(view.cards[0]!.stageId).toBe(view.stages.find((s) => s.key === 'decision')!.id);
  });

  it('stays exact across every kind of write after the first read (the background keeps card fields)', async () => {
    const { ctx, advance } = await testStore();
    const ayu = (await call(ctx, { type: 'capture', input: input('ayu-lestari', 'Ayu Lestari', null) })).prospect;
    const names = async () => (await board(ctx)).cards.map((c) => `${c.name}|${c.company ?? ''}|${c.score}|${c.nextDueAt ?? ''}`).sort();
    expect(await names()).toEqual(['Ayu Lestari||0|']);
    const fullReads = vi.spyOn(ctx.db.prospects, 'toArray');

    // One row through a command, one written directly: re-read alone, not the whole table.
    await call(ctx, { type: 'update', id: ayu.id, patch: { company: 'Samudra Freight' } });
    expect(await names()).toEqual(['Ayu Lestari|Samudra Freight|0|']);
    await ctx.db.prospects.update(ayu.id, { score: 77 });
    expect(await names()).toEqual(['Ayu Lestari|Samudra Freight|77|']);
    expect(fullReads).not.toHaveBeenCalled();

    // A bulk write (Dexie does not itemise 50 and more) and a collection-wide modify.
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...ayu,
      id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      slug: `p-${i}`,
      name: `P ${i}`,
    }));
    await ctx.db.prospects.bulkPut(many);
    expect((await board(ctx)).cards).toHaveLength(61);
    expect(fullReads).toHaveBeenCalledTimes(1);
    await ctx.db.prospects.where('slug').startsWith('p-').modify({ deletedAt: ctx.now() });
    expect((await board(ctx)).cards).toHaveLength(1);
    await ctx.db.prospects.where('slug').startsWith('p-').delete();
    expect((await board(ctx)).cards).toHaveLength(1);

    // Follow-ups: added, done; and a deleted prospect.
    const f = await call(ctx, { type: 'addFollowUp', prospectId: ayu.id, title: 'Call', dueAt: T0 + DAY_MS });
    expect(await names()).toEqual([`Ayu Lestari|Samudra Freight|77|${T0 + DAY_MS}`]);
    await call(ctx, { type: 'completeFollowUp', id: f.followUp.id });
    expect(await names()).toEqual(['Ayu Lestari|Samudra Freight|77|']);
    advance(DAY_MS);
    await call(ctx, { type: 'deleteProspect', id: ayu.id });
    expect(await names()).toEqual([]);
  });

  it("a preview answers with each column's totals under a filter and its first cards", async () => {
    const { ctx } = await testStore();
    for (const [slug, name, company] of [
      ['ayu-lestari', 'Ayu Lestari', 'Samudra Freight'],
      ['budi-santoso', 'Budi Santoso', 'Garuda Data'],
      ['citra-wijaya', 'Citra Wijaya', 'Samudra Freight'],
    ] as const)
      await call(ctx, { type: 'capture', input: input(slug, name, company) });
    const filter = { ownerId: null, source: null, temperature: null, stalledOnly: false, gate: 'all' as const, query: 'samudra' };
    const r = await call(ctx, { type: 'board', preview: { filter, perColumn: 1 } });
    expect(r.preview?.columns[0]).toEqual({ stageId: r.stages[0]!.id, count: 2, value: [], stalled: 0 });
    expect(r.preview?.columns.slice(1).every((c) => c.count === 0)).toBe(true);
    expect([r.preview?.shown, r.preview?.total]).toEqual([2, 3]);
    const first = unpackCards(JSON.parse(r.cards) as PackedCards, r.stages, r.owners, r.asOf);
    expect(first.map((c) => c.name)).toEqual(['Ayu Lestari']);
    // A malformed filter is refused at the boundary.
    const bad = await handleRequest(ctx, { type: 'board', preview: { filter: { ...filter, gate: 'maybe' }, perColumn: 1 } });
    expect(bad.ok).toBe(false);
    expect((await handleRequest(ctx, { type: 'board', preview: { filter, perColumn: 10_000 } })).ok).toBe(false);
  });

  it('follows stage limits, stage order, the default currency and rescoring made after the first read', async () => {
    const { ctx, advance } = await testStore();
    const ayu = (await call(ctx, { type: 'capture', input: input('ayu-lestari', 'Ayu Lestari', null) })).prospect;
    await call(ctx, { type: 'logTouch', prospectId: ayu.id, channel: 'call', direction: 'out', note: null });
    advance(5 * DAY_MS);
    let view = await board(ctx);
    expect(view.cards[0]!.stalled).toBe(false);
    const prospecting = view.stages[0]!;
    await call(ctx, { type: 'saveStage', stage: { id: prospecting.id, name: 'Cold list', probability: 10, staleDays: 3 } });
    view = await board(ctx);
    expect(view.cards[0]!.stalled).toBe(true);
    expect(view.stages[0]!.name).toBe('Cold list');
    await call(ctx, { type: 'reorderStage', id: view.stages[1]!.id, delta: -1 });
    view = await board(ctx);
    expect(view.stages.map((s) => s.key).slice(0, 2)).toEqual(['qualification', 'prospecting']);
    expect(view.cards[0]!.stageId).toBe(prospecting.id);
    const { settings } = await call(ctx, { type: 'settings' });
    await call(ctx, { type: 'saveSettings', settings: { ...settings, defaultCurrency: 'IDR' } });
    expect((await board(ctx)).defaultCurrency).toBe('IDR');
    const before = (await board(ctx)).cards[0]!.score;
    await call(ctx, { type: 'setScoreAdjustment', prospectId: ayu.id, points: 15 });
    expect((await board(ctx)).cards[0]!.score).toBe(before + 15);
  });

  it('a write from another connection to the same database is seen too', async () => {
    const { ctx } = await testStore();
    const ayu = (await call(ctx, { type: 'capture', input: input('ayu-lestari', 'Ayu Lestari', null) })).prospect;
    expect((await board(ctx)).cards[0]!.name).toBe('Ayu Lestari');
    const other = sameDbAgain(ctx.db);
    await other.prospects.update(ayu.id, { name: 'Ayu L.' });
    other.close();
    expect((await board(ctx)).cards[0]!.name).toBe('Ayu L.');
  });
});
