// Closing-note measurements for the sync API (not a test): run with `scripts/test-db.sh --bench`,
// which provides a throwaway database in DATABASE_URL.
//
//  1. sync_push of 10,000 mutations in calls of 500 (the extension's batch) vs. the same 10,000
//     as single-mutation calls, and the cost of refused items inside a batch.
//     Every call is its own transaction that sets role and JWT claims first, as PostgREST does;
//     the client sits on the same machine, so the per-call figure is a floor: over the internet
//     each single call also pays a network round trip.
//  2. Pulling 100,000 changes with sync_pull, page after page.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { processCpuMs } from '../bench/proc-cpu';
import { asUser, connect, hlc, makeTeam, type PullPage } from './pg-session';

const N = Number(process.env.BENCH_MUTATIONS ?? 10_000);
const PULL_ROWS = Number(process.env.BENCH_PULL_ROWS ?? 100_000);

interface Mutation { mutation_id: string; entity: string; op: string; id: string; hlc: string; fields: Record<string, unknown> }

/** A day of a busy team in miniature: new prospects, touches, follow-ups, edits and stage moves. */
async function workload(client: pg.Client, team: string, node: string): Promise<Mutation[]> {
  const { rows } = await client.query<{ key: string; id: string }>('select key, id from public.stages where team_id = $1', [team]);
  const stage = Object.fromEntries(rows.map((r) => [r.key, r.id]));
  const out: Mutation[] = [];
  const prospects: string[] = [];
  const m = (entity: string, id: string, fields: Record<string, unknown>, op = 'upsert') =>
    out.push({ mutation_id: randomUUID(), entity, op, id, hlc: hlc(node), fields });
  for (let i = 0; out.length < N; i++) {
    const kind = i % 10;
    if (kind < 2 || prospects.length === 0) {
      const id = randomUUID();
      prospects.push(id);
      m('prospect', id, { name: `Bench Person ${i}`, source: 'social_selling', linkedin_slug: `bench-${node}-${i}`,
                          emails: [`p${i}@${node}.example.com`], title: 'Head of Operations', company: 'Example Co', score: 40 });
    } else {
      const p = prospects[(i * 7919) % prospects.length]!;
      if (kind < 6) m('touch', randomUUID(), { prospect_id: p, channel: 'linkedin_message', direction: 'out', note: 'Followed up' });
      else if (kind < 8) m('follow_up', randomUUID(), { prospect_id: p, title: 'Call back', due_at: new Date(Date.now() + 86_400_000).toISOString() });
      else if (kind < 9) m('prospect', p, { score: i % 100, score_breakdown: [{ rule: 'engagement', points: i % 100 }] });
      else m('stage_change', randomUUID(), { prospect_id: p, to_stage_id: stage.qualification, changed_at: new Date().toISOString() });
    }
  }
  return out;
}

function summarise(replies: { status: string }[]) {
  const counts: Record<string, number> = {};
  for (const r of replies) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return JSON.stringify(counts);
}

const client = connect();
await client.connect();

// CPU time the database backend spent (Linux, server on this host), so figures stay comparable
// when other jobs share the machine and wall time mostly measures waiting for a core.
const backendPid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
const backendCpuMs = () => processCpuMs(backendPid);
const cpuNote = (c0: number | null) => {
  const c1 = backendCpuMs();
  return c0 === null || c1 === null ? '' : `, database CPU ${c1 - c0} ms = ${Math.round((N * 1000) / Math.max(1, c1 - c0))} mutations per CPU-second`;
};

// 1a. batches of 500 mutations, what the extension sends (lib/sync/push.ts PUSH_BATCH; at most 1,000)
const BATCH = 500;
const a = await makeTeam(client, 'Bench batch');
const batch = await workload(client, a.team, 'batch');
const pushBatches = async (team: string, user: string, list: Mutation[]) => {
  const out: { status: string; code?: string }[] = [];
  for (let i = 0; i < list.length; i += BATCH) {
    const r = await asUser(client, user, async () => {
      const { rows } = await client.query<{ r: { results: { status: string; code?: string }[] } }>(
        'select public.sync_push($1, $2) as r', [team, JSON.stringify(list.slice(i, i + BATCH))]);
      return rows[0]!.r;
    });
    out.push(...r.results);
  }
  return out;
};
let c0 = backendCpuMs();
let t0 = performance.now();
const reply = { results: await pushBatches(a.team, a.owner, batch) };
const batchMs = performance.now() - t0;
console.log(`sync_push, ${N} mutations in calls of ${BATCH}: ${batchMs.toFixed(0)} ms (${((batchMs * 1000) / N).toFixed(0)} µs/mutation, ` +
            `${Math.round((N * 1000) / batchMs)} mutations/s${cpuNote(c0)}) ${summarise(reply.results)}`);

// 1a'. the same with refused items mixed in: 1 in 100, then every one. A refused item costs a
// rolled-back range and a bisection down to it (sync_push), so this is the price of per-item errors.
for (const every of [100, 1]) {
  const t = await makeTeam(client, `Bench refused 1/${every}`);
  const list = (await workload(client, t.team, `bad${every}`)).map((m, i) =>
    i % every === every - 1 ? { ...m, entity: 'touch', fields: { prospect_id: randomUUID(), channel: 'call' } } : m);
  const c1 = backendCpuMs();
  const t1 = performance.now();
  const results = await pushBatches(t.team, t.owner, list);
  const ms = performance.now() - t1;
  console.log(`sync_push, ${N} mutations in calls of ${BATCH}, 1 in ${every} refused: ${ms.toFixed(0)} ms ` +
              `(${Math.round((N * 1000) / ms)} mutations/s${cpuNote(c1)}) ${summarise(results)}`);
}

// 1b. one call per mutation
const b = await makeTeam(client, 'Bench singles');
const singles = await workload(client, b.team, 'single');
const statuses: { status: string }[] = [];
c0 = backendCpuMs();
t0 = performance.now();
for (const mutation of singles) {
  const r = await asUser(client, b.owner, async () => {
    const { rows } = await client.query<{ r: { results: { status: string }[] } }>('select public.sync_push($1, $2) as r', [b.team, JSON.stringify([mutation])]);
    return rows[0]!.r;
  });
  statuses.push(...r.results);
}
const singlesMs = performance.now() - t0;
console.log(`sync_push, ${N} calls of one mutation: ${singlesMs.toFixed(0)} ms (${((singlesMs * 1000) / N).toFixed(0)} µs/call${cpuNote(c0)}) ${summarise(statuses)}`);
console.log(`batch is ${(singlesMs / batchMs).toFixed(1)}× faster than one call per mutation on this machine`);
// In production every call is also an HTTPS request to the project: add one round trip per call.
const rtt = Number(process.env.BENCH_RTT_MS ?? 20);
console.log(`with a ${rtt} ms round trip per request (estimate): ${((batchMs + rtt) / 1000).toFixed(1)} s vs ` +
            `${((singlesMs + N * rtt) / 1000).toFixed(0)} s, ${((singlesMs + N * rtt) / (batchMs + rtt)).toFixed(0)}×`);

// 2. pulling 100,000 changes. Rows are bulk-loaded as the database owner (the push path is
// measured above); what is timed is the client paging through them.
const c = await makeTeam(client, 'Bench pull');
await client.query(
  `insert into public.prospects (team_id, name, source, title, company, emails, score, created_by)
   select $1, 'Pull Person ' || g, 'referral', 'Director', 'Example Co', array['pull' || g || '@example.com'], g % 100, $2
     from generate_series(1, $3::int) g`,
  [c.team, c.owner, Math.floor(PULL_ROWS * 0.4)],
);
await client.query(
  `insert into public.touches (team_id, prospect_id, channel, note, created_by)
   select p.team_id, p.id, 'email', 'Sent the deck', $2 from public.prospects p, generate_series(1, 2)
    where p.team_id = $1
    limit $3::int`,
  [c.team, c.owner, PULL_ROWS - Math.floor(PULL_ROWS * 0.4) - 13],
);
await client.query('analyze');
for (const lim of [1000, 5000]) {
  let cursor = 0;
  let pages = 0;
  let changes = 0;
  let bytes = 0;
  let slowest = 0;
  t0 = performance.now();
  for (;;) {
    const t = performance.now();
    const page = await asUser(client, c.owner, async () => {
      const { rows } = await client.query<{ page: string }>('select public.sync_pull($1, $2, $3)::text as page', [c.team, cursor, lim]);
      return rows[0]!.page;
    });
    slowest = Math.max(slowest, performance.now() - t);
    bytes += page.length;
    const parsed = JSON.parse(page) as PullPage;
    pages++;
    changes += parsed.changes.length;
    cursor = parsed.next_cursor;
    if (!parsed.has_more) break;
  }
  const ms = performance.now() - t0;
  console.log(`sync_pull, ${changes} changes in ${pages} pages of ${lim}: ${ms.toFixed(0)} ms ` +
              `(${(ms / pages).toFixed(1)} ms/page, slowest ${slowest.toFixed(0)} ms, ${(bytes / 1e6).toFixed(1)} MB of JSON)`);
}

await client.end();
