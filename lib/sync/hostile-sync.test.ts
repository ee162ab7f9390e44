// Teammates' rows are cleaned like any other input, never leave two live prospects with one key, and
// one change the server refuses as a whole batch never holds up the rest of the outbox. The same
// behaviours against the real server (PostgreSQL via the stand-in) are in test/sync/quarantine.test.ts.
import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import type { OutboxEntry } from '../model';
import { wellFormed } from '../model/text';
import { captureProspect, logTouch, type CaptureInput } from '../store/commands';
import { prospectFromRow } from './map-in';
import { settleIdentityClashes } from './merge';
import { pushOutbox, refusedForContent } from './push';
import { discardIssue, listIssues, retryIssue } from './quarantine';
import { SyncError, type SyncTransport } from './transport';
import type { PushResult, WireMutation } from './wire';

const LONE = '\uDC01';

const row = (extra: Record<string, unknown> = {}) => ({
  id: '6f1c1c1e-1111-4111-8111-111111111111',
  team_id: 'local',
  linkedin_slug: 'rizky-pratama-5e6f7a',
  emails: ['rizky@contoh.id'],
  name: 'Rizky Pratama',
  source: 'referral',
  temperature: 'warm',
  stage_id: '6f1c1c1e-1111-4111-8111-111111111112',
  owner_id: 'u',
  created_at: '2026-11-01T00:00:00Z',
  updated_at: '2026-11-01T00:00:00Z',
  deleted_at: null,
  ...extra,
});

describe('a teammate row (sync_pull) into the store', () => {
  it('is cleaned like a capture: text, photo, profile URL, addresses; cut without splitting a pair', () => {
    const p = prospectFromRow(
      row({
        name: `\u202ERizky\u0000 ${LONE}Pratama`,
        headline: `${'x'.repeat(219)}\uD83D\uDE00`,
        photo_url: 'https://tracker.example/p.gif',
        linkedin_url: 'https://evil.example/in/rizky/',
        emails: ['rizky@contoh.id', 'not an address', 'Rizky@Contoh.id'],
      }),
    );
    expect(p.name).toBe('Rizky \uFFFDPratama');
    expect(p.headline).toBe('x'.repeat(219));
    expect(p.photoUrl).toBeNull();
    expect(p.linkedinUrl).toBeNull();
    expect(p.emails).toEqual(['rizky@contoh.id']);
    expect(prospectFromRow(row({ linkedin_url: 'https://id.linkedin.com/in/Rizky-Pratama-5e6f7a/' })).linkedinUrl).toBe(
      'https://www.linkedin.com/in/rizky-pratama-5e6f7a/',
    );
  });

  it('that shares a key with a prospect this device has not pushed yet merges the local one into it', async () => {
    const { ctx } = await testStore();
    const stage = (await ctx.db.stages.toArray())[0]!;
    const person: CaptureInput = {
      slug: 'rizky-pratama-5e6f7a',
      email: null,
      name: 'Rizky (mine)',
      headline: null,
      title: null,
      company: 'Kopi Nusantara',
      location: null,
      photoUrl: null,
      linkedinUrl: null,
      source: 'social_selling',
    };
    const mine = await captureProspect(ctx, person);
    await logTouch(ctx, { prospectId: mine.prospect.id, channel: 'call', direction: 'out', note: 'called' });
    // The teammate's row lands (as applyPage writes it): two live prospects with one slug, for now.
    await ctx.db.prospects.put({ ...prospectFromRow(row({ stage_id: stage.id })), touchCount: 0, lastTouchAt: null });
    expect(await settleIdentityClashes(ctx)).toBe(1);
    const live = (await ctx.db.prospects.toArray()).filter((p) => p.deletedAt === null);
    expect(live.map((p) => p.id)).toEqual(['6f1c1c1e-1111-4111-8111-111111111111']);
    expect(live[0]!.company).toBe('Kopi Nusantara'); // blanks filled from the local copy
    expect((await ctx.db.touches.toArray())[0]!.prospectId).toBe('6f1c1c1e-1111-4111-8111-111111111111');
    expect(await settleIdentityClashes(ctx)).toBe(0);
  });
});

/** A server that refuses any call whose JSON holds a lone surrogate, as PostgreSQL's jsonb does. */
function jsonbServer() {
  const calls: WireMutation[][] = [];
  const applied: WireMutation[] = [];
  const transport: SyncTransport = {
    async push(_team, changes) {
      calls.push(changes);
      const body = JSON.stringify(changes);
      if (/\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/i.test(body) || body !== wellFormed(body)) {
        throw new SyncError('invalid', 'invalid input syntax for type json', 400, '22P02');
      }
      applied.push(...changes);
      return changes.map((c): PushResult => ({ mutation_id: c.mutation_id, status: 'applied' }));
    },
    async pull() {
      return { changes: [], next_cursor: 0, has_more: false };
    },
  };
  return { transport, calls, applied };
}

describe('a change the server refuses as a whole call', () => {
  async function storeWithPoison(before: number, after: number) {
    const { ctx } = await testStore();
    const person = (i: number): CaptureInput => ({
      slug: `person-${i}`,
      email: null,
      name: `Person ${i}`,
      headline: null,
      title: null,
      company: null,
      location: null,
      photoUrl: null,
      linkedinUrl: null,
      source: 'referral',
    });
    for (let i = 0; i < before; i++) await captureProspect(ctx, person(i));
    const poisoned = await captureProspect(ctx, person(999));
    // Queued by an older version (or a crafted backup): the name still holds a lone surrogate.
    await ctx.db.outbox.add({
      mutationId: '99999999-9999-4999-8999-999999999999',
      entity: 'prospect',
      op: 'upsert',
      entityId: poisoned.prospect.id,
      fields: { name: `Person${LONE}` },
      hlc: '001793588400000-000099-old',
      createdAt: ctx.now(),
    } as OutboxEntry);
    await logTouch(ctx, { prospectId: poisoned.prospect.id, channel: 'call', direction: 'out', note: null });
    for (let i = 0; i < after; i++) await captureProspect(ctx, person(i + 100));
    return { ctx, poisoned };
  }

  it('is found by halving and set aside alone (an edit: the record exists), and everything else is sent', async () => {
    const { ctx, poisoned } = await storeWithPoison(20, 20);
    const server = jsonbServer();
    const round = await pushOutbox(ctx, server.transport, 500);
    expect(await ctx.db.outbox.count()).toBe(0);
    // Every change but the poisoned one and the later ones to the same person reached the server.
    const sentIds = new Set(server.applied.map((m) => m.id));
    for (let i = 0; i < 20; i++) expect(sentIds.has((await ctx.db.prospects.where('slug').equals(`person-${i + 100}`).first())!.id)).toBe(true);
    expect(server.applied.some((m) => m.mutation_id === '99999999-9999-4999-8999-999999999999')).toBe(false);
    const issues = await listIssues(ctx);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ entity: 'prospect', entityId: poisoned.prospect.id, code: '22P02', quarantined: true });
    expect(issues[0]!.reason).toContain('invalid input syntax for type json');
    // Only the poisoned edit: the touch logged after it went out (the prospect is on the server).
    expect(issues[0]!.held).toBe(1);
    expect(round.quarantined).toBe(1);
    expect(server.applied.some((m) => m.entity === 'touch')).toBe(true);
    // Bounded: about two calls per halving, not one per change.
    expect(server.calls.length).toBeLessThan(30);
    // The rep's copy is untouched.
    expect((await ctx.db.prospects.get(poisoned.prospect.id))!.name).toBe('Person 999');
  });

  it('goes out on Retry with its text made well-formed, in its order; Discard forgets it', async () => {
    const { ctx, poisoned } = await storeWithPoison(2, 2);
    const server = jsonbServer();
    await pushOutbox(ctx, server.transport, 500);
    const [issue] = await listIssues(ctx);
    expect(await retryIssue(ctx, issue!.id)).toBe(issue!.held);
    server.applied.length = 0;
    await pushOutbox(ctx, server.transport, 500);
    expect(await listIssues(ctx)).toEqual([]);
    expect(server.applied[0]).toMatchObject({ id: poisoned.prospect.id, fields: { name: 'Person\uFFFD' } });

    const again = await storeWithPoison(0, 0);
    await pushOutbox(again.ctx, server.transport, 500);
    const [held] = await listIssues(again.ctx);
    await discardIssue(again.ctx, held!.id);
    expect(await listIssues(again.ctx)).toEqual([]);
    expect(await again.ctx.db.outbox.count()).toBe(0);
  });

  it('a poisoned creation holds back what depends on it, queued before or after, until Retry sends all in order', async () => {
    const { ctx } = await testStore();
    const person: CaptureInput = {
      slug: 'eka-poisoned',
      email: null,
      name: 'Eka',
      headline: null,
      title: null,
      company: null,
      location: null,
      photoUrl: null,
      linkedinUrl: null,
      source: 'referral',
    };
    const { prospect } = await captureProspect(ctx, person);
    // As an older version queued it: the creation itself carries the lone surrogate.
    await ctx.db.outbox
      .filter((e) => e.entityId === prospect.id && 'createdAt' in e.fields)
      .modify((e) => {
        e.fields = { ...e.fields, name: `Eka${LONE}` };
      });
    await logTouch(ctx, { prospectId: prospect.id, channel: 'call', direction: 'out', note: 'first call' });
    const other = await captureProspect(ctx, { ...person, slug: 'fajar-fine', name: 'Fajar' });
    const server = jsonbServer();
    await pushOutbox(ctx, server.transport, 500);
    const sent = new Set(server.applied.map((m) => m.id));
    expect(sent.has(other.prospect.id)).toBe(true);
    expect(server.applied.some((m) => m.id === prospect.id || m.fields?.prospect_id === prospect.id)).toBe(false);
    const [issue] = await listIssues(ctx);
    // The creation, its first stage change, the touch and the prospect's touch-count update.
    expect(issue!.held).toBeGreaterThanOrEqual(3);

    // A touch logged while it waits joins it instead of being refused by the server.
    await logTouch(ctx, { prospectId: prospect.id, channel: 'email', direction: 'in', note: 'reply' });
    server.applied.length = 0;
    await pushOutbox(ctx, server.transport, 500);
    expect(server.applied).toEqual([]);
    const [grown] = await listIssues(ctx);
    expect(grown!.held).toBeGreaterThan(issue!.held);

    await retryIssue(ctx, grown!.id);
    await pushOutbox(ctx, server.transport, 500);
    expect(server.applied[0]).toMatchObject({ id: prospect.id, fields: { name: 'Eka\uFFFD' } });
    expect(server.applied.filter((m) => m.entity === 'touch')).toHaveLength(2);
    expect(await listIssues(ctx)).toEqual([]);
  });

  it('sets nothing aside when every call fails (the server, not a change, is the problem)', async () => {
    const { ctx } = await storeWithPoison(3, 3);
    const queued = await ctx.db.outbox.count();
    const broken: SyncTransport = {
      async push() {
        throw new SyncError('invalid', 'function public.sync_push(team_id, changes) has a bug', 400, '22023');
      },
      async pull() {
        return { changes: [], next_cursor: 0, has_more: false };
      },
    };
    await expect(pushOutbox(ctx, broken, 500)).rejects.toThrow(SyncError);
    expect(await ctx.db.outbox.count()).toBe(queued);
    expect(await listIssues(ctx)).toEqual([]);
  });

  it('only a refusal about content is narrowed down; no answer, auth, permission and outages are retried whole', () => {
    expect(refusedForContent(new SyncError('invalid', 'x', 400, '22P02'))).toBe(true);
    expect(refusedForContent(new SyncError('invalid', 'x', 400, '22021'))).toBe(true);
    expect(refusedForContent(new SyncError('server', 'x', 500, '54000'))).toBe(true);
    expect(refusedForContent(new SyncError('server', 'x', 500, '57014'))).toBe(true);
    expect(refusedForContent(new SyncError('invalid', 'x', 404, 'PGRST202'))).toBe(false);
    expect(refusedForContent(new SyncError('server', 'x', 503, '08006'))).toBe(false);
    expect(refusedForContent(new SyncError('offline', 'x', 0))).toBe(false);
    expect(refusedForContent(new SyncError('auth', 'x', 401))).toBe(false);
    expect(refusedForContent(new SyncError('forbidden', 'x', 403, '42501'))).toBe(false);
  });
});
