// Randomised companion to supabase/tests/database/50_cursor_concurrency.test.sql: several
// writers push overlapping transactions (some slow, some rolled back) while pullers page through
// the team with small pages. Every puller must end up with exactly the database's rows at their
// latest change_seq, having seen each (row, seq) at most once and in increasing order.
// Run by scripts/test-db.sh against its throwaway database (DATABASE_URL).
import { randomUUID } from 'node:crypto';
import { asUser, connect, dropTeam, hlc, makeTeam, type PullPage } from './pg-session';

const WRITERS = 6;
const PULLERS = 2;
const DURATION_MS = Number(process.env.STRESS_MS ?? 4000);

const admin = connect();
await admin.connect();
const { team, users } = await makeTeam(admin, 'Cursor stress', WRITERS - 1);

const prospects: string[] = [];
let stop = false;
let writersDone!: () => void;
const allWritten = new Promise<void>((resolve) => (writersDone = resolve));
let committed = 0;
let rolledBack = 0;

async function writer(i: number) {
  const client = connect();
  await client.connect();
  const user = users[i % users.length]!;
  while (!stop) {
    const batch: { mutation_id: string; entity: string; op: string; id: string; hlc: string; fields: object }[] = [];
    const n = 1 + Math.floor(Math.random() * 4);
    for (let k = 0; k < n; k++) {
      const known = prospects.length > 0 && Math.random() < 0.6;
      const id = known ? prospects[Math.floor(Math.random() * prospects.length)]! : randomUUID();
      if (known && Math.random() < 0.5) {
        batch.push({ mutation_id: randomUUID(), entity: 'touch', op: 'upsert', id: randomUUID(), hlc: hlc(`w${i}`),
                     fields: { prospect_id: id, channel: 'email' } });
      } else {
        batch.push({ mutation_id: randomUUID(), entity: 'prospect', op: 'upsert', id, hlc: hlc(`w${i}`),
                     fields: known ? { title: `t${Math.random()}` } : { name: `P ${id.slice(0, 8)}`, source: 'event' } });
      }
    }
    const rollback = Math.random() < 0.15;
    try {
      await asUser(client, user, async () => {
        await client.query('select public.sync_push($1, $2)', [team, JSON.stringify(batch)]);
        // Hold the transaction open a little so that commits interleave with other writers.
        await client.query('select pg_sleep($1)', [Math.random() * 0.02]);
        if (rollback) throw new Error('rollback');
      });
      committed++;
      for (const m of batch) if (m.entity === 'prospect' && !prospects.includes(m.id)) prospects.push(m.id);
    } catch (err) {
      if ((err as Error).message !== 'rollback') throw err;
      rolledBack++;
    }
  }
  await client.end();
}

interface Seen { latest: Map<string, number>; pairs: Set<string>; pulls: number; problems: string[] }

async function puller(): Promise<Seen> {
  const client = connect();
  await client.connect();
  const seen: Seen = { latest: new Map(), pairs: new Set(), pulls: 0, problems: [] };
  let cursor = 0;
  const pullOnce = async () => {
    let page: PullPage;
    do {
      page = await asUser(client, users[0]!, async () => {
        const { rows } = await client.query<{ page: PullPage }>('select public.sync_pull($1, $2, $3) as page', [team, cursor, 7]);
        return rows[0]!.page;
      });
      seen.pulls++;
      for (const c of page.changes) {
        const key = `${c.entity}:${c.id}`;
        if (seen.pairs.has(`${key}@${c.seq}`)) seen.problems.push(`repeated ${key}@${c.seq}`);
        if (c.seq <= cursor) seen.problems.push(`seq ${c.seq} not above cursor ${cursor}`);
        seen.pairs.add(`${key}@${c.seq}`);
        seen.latest.set(key, c.seq);
        cursor = c.seq;
      }
      if (page.next_cursor !== cursor) seen.problems.push(`next_cursor ${page.next_cursor} != last seq ${cursor}`);
    } while (page.has_more);
  };
  while (!stop) await pullOnce();
  await allWritten;
  await pullOnce(); // drain once every writer has finished
  await client.end();
  return seen;
}

const started = Date.now();
const writers = Array.from({ length: WRITERS }, (_, i) => writer(i));
const pullers = Array.from({ length: PULLERS }, () => puller());
await new Promise((r) => setTimeout(r, DURATION_MS));
stop = true;
await Promise.all(writers);
writersDone();
const results = await Promise.all(pullers);

const { rows: truth } = await admin.query<{ key: string; seq: string }>(
  `select 'team:' || id as key, change_seq as seq from public.teams where id = $1
   union all select 'team_member:' || user_id, change_seq from public.team_members where team_id = $1
   union all select 'team_settings:' || team_id, change_seq from public.team_settings where team_id = $1
   union all select 'stage:' || id, change_seq from public.stages where team_id = $1
   union all select 'cadence:' || id, change_seq from public.cadences where team_id = $1
   union all select 'prospect:' || id, change_seq from public.prospects where team_id = $1
   union all select 'follow_up:' || id, change_seq from public.follow_ups where team_id = $1
   union all select 'touch:' || id, change_seq from public.touches where team_id = $1
   union all select 'stage_change:' || id, change_seq from public.stage_changes where team_id = $1`,
  [team],
);

let failed = false;
results.forEach((seen, i) => {
  const problems = [...seen.problems];
  for (const { key, seq } of truth) {
    const got = seen.latest.get(key);
    if (got === undefined) problems.push(`skipped ${key}`);
    else if (got !== Number(seq)) problems.push(`${key}: pulled seq ${got}, database has ${seq}`);
  }
  if (seen.latest.size !== truth.length) problems.push(`pulled ${seen.latest.size} rows, database has ${truth.length}`);
  console.log(`puller ${i}: ${seen.pulls} pulls, ${seen.pairs.size} changes, ${seen.latest.size} rows` +
              (problems.length ? `, ${problems.length} problems: ${problems.slice(0, 5).join('; ')}` : ', consistent'));
  if (problems.length) failed = true;
});
console.log(`${committed} transactions committed, ${rolledBack} rolled back by ${WRITERS} writers in ${Date.now() - started} ms`);


await dropTeam(admin, team, users);
await admin.end();
if (failed) {
  console.error('cursor stress: FAILED');
  process.exit(1);
}
console.log('cursor stress: every puller saw every change once, in order, and nothing was skipped');
