import { describe, expect, it } from 'vitest';
import { markQueuedSent, testStore } from '../../test/unit/store-helpers';
import { handleRequest, isRequest } from './handle';
import type { Request, RequestType, ResponseMap } from './types';

/** A request that must succeed, typed by its kind. */
async function call<T extends RequestType>(
  ctx: Parameters<typeof handleRequest>[0],
  req: Extract<Request, { type: T }>,
): Promise<ResponseMap[T]> {
  const r = await handleRequest(ctx, req);
  if (!r.ok) throw new Error(r.error);
  return r.data as ResponseMap[T];
}

const capture = (over: Record<string, unknown> = {}) => ({
  type: 'capture',
  input: {
    slug: 'budi-santoso-1a2b3c',
    email: null,
    name: 'Budi Santoso',
    headline: 'Founder at Warung Data',
    title: null,
    company: 'Warung Data',
    location: 'Yogyakarta',
    photoUrl: 'https://media.licdn.com/dms/image/budi.jpg',
    linkedinUrl: 'https://www.linkedin.com/in/budi-santoso-1a2b3c/',
    ...over,
  },
});

describe('handleRequest', () => {
  it('turns malformed requests into a readable error and changes nothing', async () => {
    const { ctx } = await testStore();
    for (const bad of [
      null,
      42,
      'capture',
      { type: 'nope' },
      { type: 'capture' },
      capture({ name: '   ' }),
      capture({ photoUrl: 'javascript:alert(1)' }),
    ]) {
      const r = await handleRequest(ctx, bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/^Invalid request: /);
    }
    expect(await ctx.db.prospects.count()).toBe(0);
    expect(await ctx.db.outbox.count()).toBe(0);
  });

  it('only claims messages it knows, so page notices pass through to other listeners', () => {
    expect(isRequest({ type: 'lookup', slugs: [], emails: [] })).toBe(true);
    expect(isRequest({ type: 'changed' })).toBe(false);
    expect(isRequest({ type: 'pageChanged', url: 'x' })).toBe(false);
    expect(isRequest(undefined)).toBe(false);
  });

  it('takes identity from the (possibly edited) LinkedIn URL and stores the canonical URL', async () => {
    const { ctx } = await testStore();
    const r = await handleRequest(ctx, capture({ linkedinUrl: 'https://id.linkedin.com/in/Budi-Santoso-1A2B3C?trk=x' }));
    expect(r.ok).toBe(true);
    const p = (await ctx.db.prospects.toArray())[0]!;
    expect(p.slug).toBe('budi-santoso-1a2b3c');
    expect(p.linkedinUrl).toBe('https://www.linkedin.com/in/budi-santoso-1a2b3c/');
    expect(p.source).toBe('social_selling');
    const again = await handleRequest(ctx, capture({ slug: 'BUDI-santoso-1a2b3c', linkedinUrl: null }));
    expect(again).toMatchObject({ ok: true, data: { created: false } });
    expect(await ctx.db.prospects.count()).toBe(1);
  });

  it('stores hostile page text as inert, capped, single-line text', async () => {
    const { ctx } = await testStore();
    const r = await handleRequest(ctx, capture({ name: 'Budi\u202e <img src=x onerror=alert(1)>\n\tSantoso', headline: 'x'.repeat(5000) }));
    expect(r.ok).toBe(false); // a 5,000-character headline is refused with a reason, not truncated silently
    const ok = await handleRequest(ctx, capture({ name: 'Budi\u202e <img src=x onerror=alert(1)>\n\tSantoso' }));
    expect(ok.ok).toBe(true);
    const p = (await ctx.db.prospects.toArray())[0]!;
    expect(p.name).toBe('Budi <img src=x onerror=alert(1)> Santoso');
  });

  it('looks people up by slug and e-mail for the chip, with stage, score and next follow-up', async () => {
    const { ctx } = await testStore();
    const created = await handleRequest(ctx, capture({ email: ' Budi@WarungData.example ' }));
    expect(created.ok).toBe(true);
    const id = (await ctx.db.prospects.toArray())[0]!.id;
    await handleRequest(ctx, { type: 'addFollowUp', prospectId: id, title: 'Call', dueAt: ctx.now() - 1000 });
    const { people } = await call(ctx, {
      type: 'lookup',
      slugs: ['budi-santoso-1a2b3c', 'someone-else'],
      emails: ['budi@warungdata.example'],
    });
    expect(people).toHaveLength(2);
    expect(people[0]).toMatchObject({ key: 'budi-santoso-1a2b3c', stageKey: 'prospecting', score: 20, stalled: false });
    expect(people[0]!.nextFollowUp).toMatchObject({ title: 'Call', overdue: true });
    expect(people[1]).toMatchObject({ key: 'budi@warungdata.example', prospectId: id });
    const overdue = await handleRequest(ctx, { type: 'overdue' });
    expect(overdue).toEqual({ ok: true, data: { count: 1 } });
  });

  it('flags a prospect stalled once silence outlasts the stage limit', async () => {
    const { ctx, advance } = await testStore();
    const captured = await handleRequest(ctx, capture());
    const id = captured.ok ? (captured.data as { prospect: { id: string } }).prospect.id : '';
    // Contacted once, then silence: gone dark (someone never contacted is "not contacted yet" instead).
    await handleRequest(ctx, { type: 'logTouch', prospectId: id, channel: 'call', direction: 'out', note: null });
    advance(15 * 86_400_000);
    const r = await handleRequest(ctx, { type: 'lookup', slugs: ['budi-santoso-1a2b3c'], emails: [] });
    expect(r.ok && (r.data as { people: Array<{ stalled: boolean; silenceDays: number }> }).people[0]).toMatchObject({
      stalled: true,
      silenceDays: 15,
    });
  });

  it('refuses an e-mail that already belongs to someone else', async () => {
    const { ctx } = await testStore();
    await handleRequest(ctx, capture({ email: 'shared@example.com' }));
    await handleRequest(ctx, capture({ slug: 'other-person-9z', linkedinUrl: null, name: 'Other Person', email: null }));
    const other = (await ctx.db.prospects.where('slug').equals('other-person-9z').first())!;
    const r = await handleRequest(ctx, { type: 'update', id: other.id, patch: { emails: ['shared@example.com'] } });
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.error).toMatch(/already belongs to Budi Santoso/);
  });
});

describe('isMutation', () => {
  it('classifies every request: reads are queries, the rest refresh the badge and views', async () => {
    const { isMutation, RequestSchema } = await import('./schemas');
    const types = RequestSchema.options.map((o) => o.shape.type.value);
    const reads = types.filter((t) => !isMutation(t)).sort();
    const extension = [...(await import('./board-schemas')).BOARD_QUERIES, ...(await import('./data-schemas')).DATA_QUERIES, ...(await import('./delete-schemas')).DELETE_QUERIES, ...(await import('./merge-schemas')).MERGE_QUERIES, ...(await import('./company-schemas')).COMPANY_QUERIES, ...(await import('./members-schemas')).MEMBERS_QUERIES, ...(await import('./conversation-schemas')).CONVERSATION_QUERIES];
    expect(reads).toEqual(
      ['cadences', 'detail', 'due', 'lookup', 'openSidePanel', 'overdue', 'previewSettings', 'search', 'settings', 'stages', 'stalled', 'today', ...extension].sort(),
    );
    expect(isMutation('linkEmail')).toBe(true);
  });
});

describe('scores as time passes', () => {
  it('a score decays with silence and is brought up to date (and queued) when the person is shown', async () => {
    const { ctx, advance } = await testStore();
    await handleRequest(ctx, capture({ title: 'VP Sales', headline: null }));
    await markQueuedSent(ctx); // the creation went out: the refreshed score is a change of its own
    const queued = await ctx.db.outbox.count();
    expect((await call(ctx, { type: 'lookup', slugs: ['budi-santoso-1a2b3c'], emails: [] })).people[0]!.score).toBe(20);
    expect(await ctx.db.outbox.count()).toBe(queued); // nothing moved, nothing written
    advance(45 * 86_400_000);
    const { people } = await call(ctx, { type: 'lookup', slugs: ['budi-santoso-1a2b3c'], emails: [] });
    expect(people[0]!.score).toBe(5); // 20 for seniority, −5 for each started week past the 30-day grace (15 days: 3)
    const stored = (await ctx.db.prospects.toArray())[0]!;
    expect(stored.score).toBe(5);
    expect(stored.scoreBreakdown.find((l) => l.rule === 'inactivity')?.points).toBe(-15);
    const last = (await ctx.db.outbox.toArray()).at(-1)!;
    expect(last).toMatchObject({ entity: 'prospect', fields: { score: 5 } });
  });
});
