import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../model';
import { BackendConfigSchema, permissionOrigin } from './backend-config';
import { prospectFromRow } from './map-in';
import { toWire } from './map-out';
import { backoffMs } from './status';

const entry = (fields: Record<string, unknown>, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({
  mutationId: '11111111-1111-4111-8111-111111111111',
  entity: 'prospect',
  op: 'upsert',
  entityId: '22222222-2222-4222-8222-222222222222',
  fields,
  hlc: '001764150000000-000000-node',
  createdAt: 0,
  ...extra,
});

describe('outbox → sync_push', () => {
  it('renames to columns, converts millis to ISO and keeps only what clients may write', () => {
    const w = toWire(
      entry({
        name: 'Ayu',
        slug: 'ayu',
        photoUrl: null,
        touchCount: 3,
        lastTouchAt: 5,
        updatedAt: 9,
        ownerId: 'local',
        source: 'referral',
        temperature: 'warm',
        temperatureSet: false,
      }),
    );
    expect(w).toEqual({
      mutation_id: '11111111-1111-4111-8111-111111111111',
      entity: 'prospect',
      op: 'upsert',
      id: '22222222-2222-4222-8222-222222222222',
      hlc: '001764150000000-000000-node',
      fields: { name: 'Ayu', linkedin_slug: 'ayu', photo_url: null, source: 'referral' },
    });
  });

  it('a chosen temperature is an override; the stage is written only on creation', () => {
    expect(toWire(entry({ temperature: 'cold', temperatureSet: true, stageId: 'x' }))?.fields).toEqual({ temperature_override: 'cold' });
    expect(toWire(entry({ name: 'N', stageId: 'x', createdAt: 1 }))?.fields).toEqual({ name: 'N', stage_id: 'x' });
  });

  it('timestamps of follow-ups and touches go out as ISO-8601; a real user id is kept', () => {
    const user = '33333333-3333-4333-8333-333333333333';
    const w = toWire(entry({ prospectId: 'p', dueAt: Date.UTC(2026, 10, 26, 9), doneAt: null, assigneeId: user }, { entity: 'follow_up' }));
    expect(w?.fields).toEqual({ prospect_id: 'p', due_at: '2026-11-26T09:00:00.000Z', done_at: null, assignee_id: user });
  });

  it('nothing for the server (derived counts only) is no mutation at all; a delete carries no fields', () => {
    expect(toWire(entry({ touchCount: 2, lastTouchAt: 1 }))).toBeNull();
    expect(toWire(entry({ deletedAt: 5 }, { op: 'delete' }))).toMatchObject({ op: 'delete' });
    expect(toWire(entry({ deletedAt: 5 }, { op: 'delete' }))).not.toHaveProperty('fields');
  });
});

describe('sync_pull rows → local', () => {
  const row = {
    id: '22222222-2222-4222-8222-222222222222',
    team_id: 't',
    name: 'X'.repeat(180),
    linkedin_slug: 'ayu',
    emails: ['ayu@example.com'],
    source: 'cold_email',
    temperature: 'warm',
    temperature_override: 'warm',
    stage_id: '44444444-4444-4444-8444-444444444444',
    stage_entered_at: '2026-11-26T09:00:00.5+00:00',
    score: '42.00',
    score_breakdown: 'not an array',
    created_at: '2026-11-25T00:00:00Z',
    updated_at: '2026-11-26T00:00:00Z',
    deleted_at: null,
  };
  it('caps server-length text to local limits, reads numeric strings, falls back on a bad breakdown', () => {
    const p = prospectFromRow(row);
    expect(p.name).toHaveLength(120);
    expect(p.score).toBe(42);
    expect(p.scoreBreakdown).toEqual([]);
    expect(p.temperatureSet).toBe(true);
    expect(p.stageEnteredAt).toBe(Date.UTC(2026, 10, 26, 9, 0, 0, 500));
  });
  it('refuses a row that is not a prospect', () => {
    expect(() => prospectFromRow({ ...row, source: 'carrier_pigeon' })).toThrow();
  });
});

describe('backend settings', () => {
  const jwt = (payload: object) => `eyJhbGciOiJIUzI1NiJ9.${btoa(JSON.stringify(payload)).replace(/=+$/, '')}.sig`;
  it('takes a Supabase URL or a loopback one, and the anon key only', () => {
    const ok = BackendConfigSchema.safeParse({ url: ' https://abcd1234.supabase.co/ ', anonKey: jwt({ role: 'anon' }) });
    expect(ok.success && ok.data.url).toBe('https://abcd1234.supabase.co');
    expect(BackendConfigSchema.safeParse({ url: 'http://127.0.0.1:54321', anonKey: 'sb_publishable_abcdefghijkl' }).success).toBe(true);
  });
  it.each([
    [{ url: 'http://abcd.supabase.co', anonKey: 'sb_publishable_abcdefghijkl' }, /https/],
    [{ url: 'http://example.com', anonKey: 'sb_publishable_abcdefghijkl' }, /https/],
    [{ url: 'not a url', anonKey: 'sb_publishable_abcdefghijkl' }, /project URL/],
    [{ url: 'https://a.supabase.co', anonKey: jwt({ role: 'service_role' }) }, /service-role/],
    [{ url: 'https://a.supabase.co', anonKey: 'sb_secret_abcdefghijkl' }, /secret key/],
    [{ url: 'https://a.supabase.co', anonKey: 'hello' }, /anon key/],
  ])('refuses %j with a clear sentence', (input, message) => {
    const r = BackendConfigSchema.safeParse(input);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]!.message).toMatch(message);
  });
  it('asks for one host, without the port (match patterns have none)', () => {
    expect(permissionOrigin('http://127.0.0.1:54321')).toBe('http://127.0.0.1/*');
    expect(permissionOrigin('https://abcd.supabase.co')).toBe('https://abcd.supabase.co/*');
  });
});

describe('backoff', () => {
  it('doubles from 5 s up to 10 min, jittered between half and all of it', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 1))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(backoffMs(30, 1)).toBe(600_000);
    expect(backoffMs(3, 0)).toBe(10_000);
    const spread = new Set(Array.from({ length: 50 }, (_, i) => backoffMs(5, i / 50)));
    expect(spread.size).toBe(50);
  });
});

describe('member id (linkedin_member_id)', () => {
  const ID = 'ACoAABCdEfGhIjKlMnOpQrStUvWxYz0123456';
  it('goes out as linkedin_member_id when there is one, and not at all when there is none', () => {
    expect(toWire(entry({ name: 'Dewi', memberId: ID }))?.fields).toEqual({ name: 'Dewi', linkedin_member_id: ID });
    expect(toWire(entry({ name: 'Dewi', memberId: null }))?.fields).toEqual({ name: 'Dewi' });
  });
  it('comes in as memberId, case kept; a malformed one costs the id, not the person', () => {
    const row = {
      id: '22222222-2222-4222-8222-222222222222',
      team_id: '44444444-4444-4444-8444-444444444444',
      name: 'Dewi',
      source: 'social_selling',
      temperature: 'cold',
      stage_id: '55555555-5555-4555-8555-555555555555',
      created_at: '2026-11-26T09:00:00Z',
      linkedin_slug: null,
    };
    expect(prospectFromRow({ ...row, linkedin_member_id: ID }).memberId).toBe(ID);
    expect(prospectFromRow({ ...row, linkedin_member_id: 'acoa<script>' }).memberId).toBeNull();
    expect(prospectFromRow(row).memberId).toBeNull();
  });
});
