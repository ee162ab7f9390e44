// A change the real server cannot take (PostgreSQL's jsonb refuses a lone UTF-16 surrogate, so the
// whole sync_push call fails) is narrowed down and set aside; every later change still reaches the
// team. The real supabase-js, the stand-in, the real migrations on PostgreSQL 15.
import { describe, expect, it } from 'vitest';
import { person } from '../unit/store-helpers';
import type { OutboxEntry } from '../../lib/model';
import { captureProspect, logTouch } from '../../lib/store/commands';
import { listIssues, retryIssue } from '../../lib/sync/quarantine';
import { supabaseTransport } from '../../lib/sync/supabase-transport';
import { SyncError } from '../../lib/sync/transport';
import { device } from './devices';
import { makeTeam, pullAll as serverPull, useStandIn } from './helpers';

const ctx = useStandIn();

describe('one change the server refuses as a whole call', () => {
  it('the server really refuses a lone surrogate for the whole batch (what used to stop sync for good)', async () => {
    const { teamId, owner } = await makeTeam(ctx, 'lone-raw', 0);
    const transport = supabaseTransport(owner.client);
    const err = await transport
      .push(teamId, [
        {
          mutation_id: crypto.randomUUID(),
          entity: 'prospect',
          op: 'upsert',
          id: crypto.randomUUID(),
          hlc: '001793588400000-000000-node',
          fields: { name: 'Lone \uD83D', linkedin_slug: 'lone-raw', source: 'referral' },
        },
      ])
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(SyncError);
    expect((err as SyncError).kind).toBe('invalid');
  });

  it('is quarantined with the reason, later changes still push, and Retry sends it well-formed', async () => {
    const { teamId, owner, reps } = await makeTeam(ctx, 'lone', 1);
    const a = await device(owner, teamId, 'a');
    const before = await captureProspect(a.ctx, person('ani-before-1', 'Ani Before'));
    const victim = await captureProspect(a.ctx, person('budi-victim-2', 'Budi Victim'));
    // A change queued by an earlier version (or restored from a crafted backup): it still holds a
    // lone surrogate, which the queue no longer lets in through any writer.
    await a.ctx.db.outbox.add({
      mutationId: crypto.randomUUID(),
      entity: 'prospect',
      op: 'upsert',
      entityId: victim.prospect.id,
      fields: { name: 'Budi \uDE00Victim' },
      // Written after the creation (a later clock), so the server's last-writer rule keeps it.
      hlc: `${String(Date.now() + 1000).padStart(15, '0')}-000050-old`,
      createdAt: Date.now(),
    } as OutboxEntry);
    await logTouch(a.ctx, { prospectId: victim.prospect.id, channel: 'call', direction: 'out', note: 'Left a voicemail' });
    const after = await captureProspect(a.ctx, person('citra-after-3', 'Citra After'));

    const round = await a.sync();
    expect(round.quarantined).toBeGreaterThanOrEqual(1);
    expect(await a.pending()).toBe(0);

    const issues = await listIssues(a.ctx);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ entity: 'prospect', entityId: victim.prospect.id, quarantined: true });
    expect(issues[0]!.code).toMatch(/^22/);
    expect(issues[0]!.reason.length).toBeGreaterThan(0);

    // Everything else reached the team: a teammate sees the people before and after it.
    const b = await device(reps[0]!, teamId, 'b');
    const names = (await b.ctx.db.prospects.toArray()).map((p) => p.name).sort();
    expect(names).toContain('Ani Before');
    expect(names).toContain('Citra After');
    expect(names).toContain('Budi Victim'); // its creation went out before the poisoned edit
    const server = await serverPull(owner.client, teamId);
    const ids = server.changes.filter((c) => c.entity === 'prospect').map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([before.prospect.id, victim.prospect.id, after.prospect.id]));
    // The touch logged after the poisoned edit went out too: only the bad edit waits.
    expect(await b.ctx.db.touches.count()).toBe(1);

    // Retry: the held changes go again, cleaned, and land.
    expect(await retryIssue(a.ctx, issues[0]!.id)).toBe(issues[0]!.held);
    await a.sync();
    expect(await listIssues(a.ctx)).toEqual([]);
    expect(await a.pending()).toBe(0);
    await b.sync();
    expect((await b.ctx.db.prospects.get(victim.prospect.id))?.name).toBe('Budi \uFFFDVictim');
    expect(await b.ctx.db.touches.count()).toBe(1);
  });
});
