// sync_push / sync_pull through the real supabase-js: idempotent retry, partial rejection,
// convergence of two clients, tombstones, paging, and how failures reach the client.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DATABASE_URL, hlc, makeTeam, mutation, pullAll, push, randomUUID, signUp, sleep, useStandIn, type Mutation } from './helpers';

const ctx = useStandIn();

function prospect(id: string, clock: string, fields: Record<string, unknown>): Mutation {
  return mutation('prospect', id, clock, fields);
}

/** The row as a client would store it, without the server's bookkeeping. */
function content(row: Record<string, unknown>) {
  const { change_seq: _seq, updated_at: _u, ...rest } = row;
  return rest;
}

describe('sync_push', () => {
  it('applies a batch; the same batch again is all duplicate and changes nothing', async () => {
    const { teamId, owner } = await makeTeam(ctx, 'idem');
    const p = randomUUID();
    const batch = [
      prospect(p, hlc('a'), { name: 'Ayu Lestiani', source: 'social_selling', linkedin_slug: 'ayu-lestiani', emails: ['ayu@example.com'] }),
      mutation('touch', randomUUID(), hlc('a'), { prospect_id: p, channel: 'linkedin_message', note: 'Hi Ayu' }),
      mutation('follow_up', randomUUID(), hlc('a'), { prospect_id: p, title: 'Call Ayu', due_at: '2030-01-02T03:00:00Z' }),
    ];
    const first = await push(owner.client, teamId, batch);
    expect(first.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(first.map((r) => r.mutation_id)).toEqual(batch.map((m) => m.mutation_id));
    const after = await pullAll(owner.client, teamId);

    const again = await push(owner.client, teamId, batch);
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    const since = await pullAll(owner.client, teamId, after.cursor);
    expect(since.changes).toEqual([]);
  });

  it('rejects bad items, applies the rest; a fixed item may be retried with its mutation_id', async () => {
    const { teamId, owner, reps } = await makeTeam(ctx, 'partial', 1);
    const rep = reps[0]!;
    const good = randomUUID();
    const bad = prospect(randomUUID(), hlc('r'), { name: 'No Source' }); // source is required
    const batch = [
      prospect(good, hlc('r'), { name: 'Bayu', source: 'referral', linkedin_slug: 'bayu' }),
      bad,
      prospect(randomUUID(), hlc('r'), { name: 'Bayu twin', source: 'referral', linkedin_slug: 'bayu' }),
      mutation('touch', randomUUID(), hlc('r'), { prospect_id: randomUUID(), channel: 'call' }),
      mutation('stage', randomUUID(), hlc('r'), { key: 'rep_stage' }),
      mutation('gadget', randomUUID(), hlc('r'), {}),
      prospect(randomUUID(), hlc('r'), { name: 'Unknown field', source: 'referral', favourite_colour: 'red' }),
    ];
    const results = await push(rep.client, teamId, batch);
    expect(results.map((r) => [r.status, r.code ?? null])).toEqual([
      ['applied', null],
      ['rejected', 'invalid'],
      ['rejected', 'conflict'],
      ['rejected', 'invalid'],
      ['rejected', 'forbidden'],
      ['rejected', 'unknown_entity'],
      ['rejected', 'invalid'],
    ]);
    expect(results[2]!.conflict_id).toBe(good);

    const fixed = { ...bad, fields: { ...bad.fields, source: 'event' } };
    expect((await push(rep.client, teamId, [fixed]))[0]!.status).toBe('applied');
    const names = (await pullAll(owner.client, teamId)).changes.filter((c) => c.entity === 'prospect').map((c) => c.data.name);
    expect(names.sort()).toEqual(['Bayu', 'No Source']);
  });

  it('a malformed batch is 400 22023 naming the item, and applies nothing', async () => {
    const { teamId, owner } = await makeTeam(ctx, 'malformed');
    const before = await pullAll(owner.client, teamId);
    const res = await owner.client.rpc('sync_push', {
      team_id: teamId,
      changes: [prospect(randomUUID(), hlc('m'), { name: 'Fine', source: 'event' }), { ...prospect(randomUUID(), 'yesterday', { name: 'x', source: 'event' }) }],
    });
    expect(res.status).toBe(400);
    expect(res.error?.code).toBe('22023');
    expect(res.error?.message).toMatch(/^changes\[1\]: hlc must look like/);
    const notArray = await owner.client.rpc('sync_push', { team_id: teamId, changes: { not: 'an array' } });
    expect(notArray.status).toBe(400);
    expect(notArray.error?.message).toBe('changes must be a JSON array of mutations');
    expect((await pullAll(owner.client, teamId, before.cursor)).changes).toEqual([]);
  });

  it('a user of another team gets 403 (42501 with a user); anon gets 401', async () => {
    const a = await makeTeam(ctx, 'teamA');
    const b = await makeTeam(ctx, 'teamB', 1);
    const outsider = b.reps[0]!;
    const pushRes = await outsider.client.rpc('sync_push', { team_id: a.teamId, changes: [] });
    expect(pushRes.status).toBe(403);
    expect(pushRes.error).toEqual({ code: '42501', details: null, hint: null, message: 'you are not a member of this team' });
    const pullRes = await outsider.client.rpc('sync_pull', { team_id: a.teamId });
    expect(pullRes.status).toBe(403);

    const { newClient } = await import('./helpers');
    const anon = await newClient(ctx).rpc('sync_pull', { team_id: a.teamId });
    expect(anon.status).toBe(401);
    expect(anon.error).toMatchObject({ code: '42501', message: 'permission denied for function sync_pull' });
  });
});

describe('two clients converge', () => {
  it('conflicting field edits give the same row whichever client pushes first', async () => {
    const { teamId, owner, reps } = await makeTeam(ctx, 'converge', 1);
    const rep = reps[0]!;
    const t0 = Date.now() - 60_000;
    const ids = [randomUUID(), randomUUID()];
    const clocks = { create: hlc('owner', t0), owner: hlc('owner', t0 + 1000), rep: hlc('rep', t0 + 2000), repOld: hlc('rep', t0 + 500) };
    for (const id of ids) {
      await push(owner.client, teamId, [prospect(id, clocks.create, { name: 'Citra', source: 'event', title: 'Manager' })]);
    }
    // Offline edits: the owner's title is older, the rep's company older than the owner's; each
    // side also edits a field the other does not touch.
    const ownerEdit = (id: string) => prospect(id, clocks.owner, { title: 'Head of Ops', company: 'Nusa Ringan', deal_value: 1000 });
    const repEdit = (id: string) => prospect(id, clocks.rep, { title: 'VP Operations', location: 'Jakarta' });
    const repOlderCompany = (id: string) => prospect(id, clocks.repOld, { company: 'Old Co' });

    await push(owner.client, teamId, [ownerEdit(ids[0]!)]);
    await push(rep.client, teamId, [repEdit(ids[0]!), repOlderCompany(ids[0]!)]);
    await push(rep.client, teamId, [repEdit(ids[1]!), repOlderCompany(ids[1]!)]);
    const late = await push(owner.client, teamId, [ownerEdit(ids[1]!)]);
    expect(late[0]!.status).toBe('applied');

    const seenByOwner = await pullAll(owner.client, teamId);
    const seenByRep = await pullAll(rep.client, teamId);
    expect(seenByRep.changes).toEqual(seenByOwner.changes);
    const rows = ids.map((id) => seenByOwner.changes.find((c) => c.id === id)!.data);
    for (const row of rows) {
      expect(row).toMatchObject({ title: 'VP Operations', company: 'Nusa Ringan', location: 'Jakarta', deal_value: 1000 });
    }
    const [x, y] = rows.map((r) => content(r)) as [Record<string, unknown>, Record<string, unknown>];
    const strip = (r: Record<string, unknown>) => {
      const { id: _id, created_at: _c, stage_entered_at: _s, ...rest } = r;
      return rest;
    };
    expect(strip(y)).toEqual(strip(x));
  });

  it('a tombstone wins over a later edit; the other client pulls the deleted row', async () => {
    const { teamId, owner, reps } = await makeTeam(ctx, 'tomb', 1);
    const rep = reps[0]!;
    const id = randomUUID();
    const t0 = Date.now() - 10_000;
    await push(owner.client, teamId, [prospect(id, hlc('owner', t0), { name: 'Dewi', source: 'event', linkedin_slug: 'dewi' })]);
    const { cursor } = await pullAll(rep.client, teamId);

    const del = await push(owner.client, teamId, [mutation('prospect', id, hlc('owner', t0 + 1000), undefined, 'delete')]);
    expect(del[0]!.status).toBe('applied');
    const edit = await push(rep.client, teamId, [prospect(id, hlc('rep', t0 + 2000), { title: 'Edited offline' })]);
    expect(edit[0]!.status).toBe('applied');

    const pulled = await pullAll(rep.client, teamId, cursor);
    const row = pulled.changes.filter((c) => c.id === id);
    expect(row).toHaveLength(1);
    // PostgreSQL prints timestamps with trailing zeros dropped (…05.54+00:00): compare instants, not text.
    expect(Date.parse(String(row[0]!.data.deleted_at))).toBe(t0 + 1000);
    expect(row[0]!.data.title).toBe('Edited offline');
    // The identity key is free again: re-clipping creates a new prospect.
    const again = await push(rep.client, teamId, [prospect(randomUUID(), hlc('rep'), { name: 'Dewi', source: 'event', linkedin_slug: 'dewi' })]);
    expect(again[0]!.status).toBe('applied');
  });
});

describe('sync_pull', () => {
  it('pages with next_cursor until has_more is false, each row once', async () => {
    const { teamId, owner, reps } = await makeTeam(ctx, 'paging', 1);
    const batch = Array.from({ length: 40 }, (_, i) => prospect(randomUUID(), hlc('p'), { name: `Prospect ${i}`, source: 'cold_email' }));
    expect((await push(owner.client, teamId, batch)).every((r) => r.status === 'applied')).toBe(true);

    const { pages, changes, cursor } = await pullAll(reps[0]!.client, teamId, 0, 7);
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.slice(0, -1).every((p) => p.has_more && p.changes.length === 7)).toBe(true);
    expect(pages.at(-1)!.has_more).toBe(false);
    const seqs = changes.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(changes.map((c) => `${c.entity}:${c.id}`)).size).toBe(changes.length);
    const prospects = changes.filter((c) => c.entity === 'prospect').map((c) => c.id).sort();
    expect(prospects).toEqual(batch.map((m) => m.id).sort());
    expect(changes.some((c) => c.entity === 'team')).toBe(true);
    expect(cursor).toBe(seqs.at(-1));

    const rest = await reps[0]!.client.rpc('sync_pull', { team_id: teamId, since: cursor });
    expect(rest.data).toEqual({ changes: [], next_cursor: cursor, has_more: false });
    const badLim = await reps[0]!.client.rpc('sync_pull', { team_id: teamId, lim: 0 });
    expect(badLim.status).toBe(400);
    expect(badLim.error).toMatchObject({ code: '22023', message: 'lim must be between 1 and 5000' });
  });
});

describe('server errors', () => {
  it('a cancelled statement (57014, as a statement timeout is) is 500; the retried batch applies once', async () => {
    const { teamId, owner } = await makeTeam(ctx, 'fivehundred');
    const batch = [prospect(randomUUID(), hlc('s'), { name: 'Eka', source: 'event' })];
    // Another writer holds the team's cursor lock, so the push waits; an operator cancels it.
    const blocker = new pg.Client({ connectionString: DATABASE_URL });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query('select pg_advisory_xact_lock(1246516562, hashtext($1))', [teamId]);
      // A supabase-js builder only sends when awaited; .then() starts it now.
      const pending = owner.client.rpc('sync_push', { team_id: teamId, changes: batch }).then((r) => r);
      let pid: number | undefined;
      for (let i = 0; i < 100 && pid === undefined; i++) {
        const { rows } = await ctx.admin.query<{ pid: number }>(
          `select pid from pg_stat_activity
            where application_name = 'postgrest-stand-in' and wait_event_type = 'Lock' and query like '%sync_push%'`,
        );
        pid = rows[0]?.pid;
        if (pid === undefined) await sleep(50);
      }
      expect(pid).toBeDefined();
      await ctx.admin.query('select pg_cancel_backend($1)', [pid]);
      const res = await pending;
      expect(res.status).toBe(500);
      expect(res.error).toMatchObject({ code: '57014', message: 'canceling statement due to user request' });
    } finally {
      await blocker.query('rollback');
      await blocker.end();
    }
    const retried = await push(owner.client, teamId, batch);
    expect(retried[0]!.status).toBe('applied');
    expect((await push(owner.client, teamId, batch))[0]!.status).toBe('duplicate');
  });
});
