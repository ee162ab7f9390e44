// Social engagement touches (the feed's "Log engagement"): what the rep did is kept, only on that
// channel, and the score and gone-dark rules count it like any other touch.
import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { handleRequest } from './handle';
import { computeScore } from '../pipeline/score';
import { isContacted, isStalled } from '../pipeline/staleness';
import { touchFromRow } from '../sync/map-in';
import { toWire } from '../sync/map-out';
import type { Prospect, Touch } from '../model';

const DAY = 86_400_000;
const person = {
  slug: 'sekar-wulandari',
  email: null,
  name: 'Sekar Wulandari',
  headline: null,
  title: 'Procurement Lead',
  company: 'PT Contoh',
  location: null,
  photoUrl: null,
  linkedinUrl: 'https://www.linkedin.com/in/sekar-wulandari/',
  source: 'social_selling',
};

async function call<T>(ctx: Awaited<ReturnType<typeof testStore>>['ctx'], req: unknown): Promise<T> {
  const r = await handleRequest(ctx, req);
  if (!r.ok) throw new Error(r.error);
  return r.data as T;
}

describe('logTouch with a social engagement', () => {
  it('stores what the engagement was, counts it on the prospect and queues it for the team with its kind', async () => {
    const { ctx } = await testStore();
    const p = (await call<{ prospect: Prospect }>(ctx, { type: 'capture', input: person })).prospect;
    const { touch } = await call<{ touch: Touch }>(ctx, {
      type: 'logTouch',
      prospectId: p.id,
      channel: 'social_engagement',
      direction: 'out',
      note: null,
      engagement: 'commented',
    });
    expect([touch.channel, touch.engagement]).toEqual(['social_engagement', 'commented']);
    expect((await ctx.db.touches.get(touch.id))?.engagement).toBe('commented');
    const after = await ctx.db.prospects.get(p.id);
    expect([after?.touchCount, after?.lastTouchAt]).toEqual([1, touch.occurredAt]);
    expect(after?.scoreBreakdown.find((l) => l.rule === 'touches')).toMatchObject({ points: 3, detail: '1' });
    const queued = (await ctx.db.outbox.toArray()).find((e) => e.entity === 'touch');
    expect(toWire(queued!)?.fields).toMatchObject({ channel: 'social_engagement', engagement: 'commented' });
  });

  it('takes an engagement whose kind the rep did not say', async () => {
    const { ctx } = await testStore();
    const p = (await call<{ prospect: Prospect }>(ctx, { type: 'capture', input: person })).prospect;
    const { touch } = await call<{ touch: Touch }>(ctx, { type: 'logTouch', prospectId: p.id, channel: 'social_engagement', direction: 'out', note: null });
    expect(touch.engagement).toBeNull();
  });

  it('refuses a kind of engagement on another channel, and an unknown kind', async () => {
    const { ctx } = await testStore();
    const p = (await call<{ prospect: Prospect }>(ctx, { type: 'capture', input: person })).prospect;
    const onCall = await handleRequest(ctx, { type: 'logTouch', prospectId: p.id, channel: 'call', direction: 'out', note: null, engagement: 'liked' });
    expect(onCall.ok).toBe(false);
    const poked = await handleRequest(ctx, { type: 'logTouch', prospectId: p.id, channel: 'social_engagement', direction: 'out', note: null, engagement: 'poked' });
    expect(poked.ok).toBe(false);
    expect(await ctx.db.touches.count()).toBe(0);
  });

  it('sends no engagement field for other touches, so a team database from before engagements still takes them', async () => {
    const { ctx } = await testStore();
    const p = (await call<{ prospect: Prospect }>(ctx, { type: 'capture', input: person })).prospect;
    await call(ctx, { type: 'logTouch', prospectId: p.id, channel: 'call', direction: 'out', note: null });
    const queued = (await ctx.db.outbox.toArray()).find((e) => e.entity === 'touch');
    expect(toWire(queued!)?.fields).not.toHaveProperty('engagement');
  });

  it('is a gone-dark prospect again after its stage limit, and not gone dark while the engagement is recent', async () => {
    const { ctx, advance } = await testStore();
    const p = (await call<{ prospect: Prospect }>(ctx, { type: 'capture', input: person })).prospect;
    advance(20 * DAY);
    await call(ctx, { type: 'logTouch', prospectId: p.id, channel: 'social_engagement', direction: 'out', note: null, engagement: 'liked' });
    advance(5 * DAY);
    let r = await call<{ items: Array<{ prospectId: string }>; notContacted: Array<{ prospectId: string }> }>(ctx, { type: 'stalled', limit: 10, all: true });
    // Without the engagement the person would be "not contacted yet" 25 days after capture.
    expect([r.items.length, r.notContacted.length]).toEqual([0, 0]);
    advance(15 * DAY);
    r = await call(ctx, { type: 'stalled', limit: 10, all: true });
    expect(r.items.map((i) => i.prospectId)).toEqual([p.id]);
  });
});

describe('pipeline rules', () => {
  const base = { title: 'Head of Procurement', headline: null, source: 'social_selling' as const, temperature: 'cold' as const, createdAt: 0 };
  // ScoreInput takes touches whatever their channel: an engagement two days ago is one of them.
  it('counts an engagement as a touch in the score and keeps inactivity decay away', () => {
    const now = 60 * DAY;
    const without = computeScore({ ...base, touches: [] }, now);
    const engaged = computeScore({ ...base, touches: [{ direction: 'out', occurredAt: now - 2 * DAY }] }, now);
    expect(without.breakdown.map((l) => l.rule)).toContain('inactivity');
    expect(engaged.breakdown.map((l) => l.rule)).not.toContain('inactivity');
    expect(engaged.breakdown.find((l) => l.rule === 'touches')?.points).toBe(3);
  });

  it('makes the person contacted, and resets the silence that gone dark measures', () => {
    const at = 10 * DAY;
    const p = { stageKind: 'open' as const, staleDays: 14, stageEnteredAt: 0, createdAt: 0, lastTouchAt: at };
    expect(isContacted(p)).toBe(true);
    expect(isStalled(p, at + 13 * DAY)).toBe(false);
    expect(isStalled(p, at + 15 * DAY)).toBe(true);
  });

  it('reads a pulled engagement, and an older row without the column as none', () => {
    const row = { id: '00000000-0000-4000-8000-0000000000a1', team_id: 't', prospect_id: '00000000-0000-4000-8000-0000000000a2', channel: 'social_engagement', direction: 'out', note: null, occurred_at: '2026-11-01T00:00:00Z', created_at: '2026-11-01T00:00:00Z', created_by: null };
    expect(touchFromRow({ ...row, engagement: 'shared' }).engagement).toBe('shared');
    expect(touchFromRow(row).engagement).toBeNull();
    expect(() => touchFromRow({ ...row, engagement: 'poked' })).toThrow();
  });
});
