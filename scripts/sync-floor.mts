// What PostgreSQL alone costs to write what `sync_push` writes, against what `sync_push` costs: the
// floor under the DESIGN.md §6 budget of 20,000 mutations per second (50 µs each).
//
// Pushes the sync bench's workload (test/bench/sync-workload.ts: 10,000 mutations of the extension's mix in
// calls of 500) through `sync_push`, then writes the same rows again batch by batch as the superuser,
// with nothing but PostgreSQL's own work: each batch's new people, one new version of each person the
// batch edited, its touches, stage changes and follow-ups (copies of the rows the push made, with new
// ids) and 500 idempotency records, six statements in one transaction per batch. No row-level security,
// no user trigger, no logic. Two floors: with the foreign keys checked (they are triggers PostgreSQL
// keeps under `disable trigger user`) and without any trigger (`session_replication_role = replica`).
// Backend CPU from /proc (clock ticks of 10 ms, summed over the run), as the sync bench reads it.
//
// `scripts/test-db.sh --bench -- npx tsx scripts/sync-floor.mts`
import { readFileSync } from 'node:fs';
import { asUser, connect, makeTeam } from '../test/db/pg-session';
import { processCpuMs } from '../test/bench/proc-cpu';
import { type Mutation, workload } from '../test/bench/sync-workload';

const N = 10_000;
const BATCH = 500;

function backendCpuMs(pid: number): number {
  const ms = processCpuMs(pid);
  if (ms === null) throw new Error('the database backend must run on this host: its CPU time is read from /proc');
  return ms;
}

const client = connect();
await client.connect();
const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
const { team, owner } = await makeTeam(client, 'Floor');
// The sync bench's workload (test/bench/sync-workload.ts).
const list = await workload(client, team, owner, 'floor', N);
const batches = Array.from({ length: N / BATCH }, (_, k) => list.slice(k * BATCH, (k + 1) * BATCH));

let c0 = backendCpuMs(pid);
let t0 = performance.now();
for (const batch of batches) {
  const r = await asUser(
    client,
    owner,
    async () =>
      (
        await client.query<{ r: { results: Array<{ status: string }> } }>('select public.sync_push($1, $2) as r', [
          team,
          JSON.stringify(batch),
        ])
      ).rows[0]!.r,
  );
  const bad = r.results.filter((x) => x.status !== 'applied');
  if (bad.length) throw new Error(`push refused ${bad.length} items: ${JSON.stringify(bad[0])}`);
}
const push = { cpuMs: backendCpuMs(pid) - c0, wallMs: performance.now() - t0 };

/** Insertable columns (not generated) of a table, with expressions for some of them. */
async function columns(table: string, override: Record<string, string>): Promise<{ into: string; select: string }> {
  const { rows } = await client.query<{ c: string }>(
    `select column_name as c from information_schema.columns where table_schema || '.' || table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
    [table],
  );
  const cols = rows.map((r) => r.c);
  return { into: cols.map((c) => `"${c}"`).join(', '), select: cols.map((c) => override[c] ?? `"${c}"`).join(', ') };
}
const fresh = { id: 'gen_random_uuid()', change_seq: `change_seq + 1000000` };
const pCols = await columns('public.prospects', { ...fresh, linkedin_slug: `linkedin_slug || '-' || $2::int` });
const tCols = await columns('public.touches', fresh);
const sCols = await columns('public.stage_changes', fresh);
const fCols = await columns('public.follow_ups', fresh);

async function floorRun(round: number): Promise<{ cpuMs: number; wallMs: number }> {
  c0 = backendCpuMs(pid);
  t0 = performance.now();
  for (const batch of batches) {
    const ids = (entity: string, pred: (m: Mutation) => boolean = () => true) =>
      batch.filter((x) => x.entity === entity && pred(x)).map((x) => x.id);
    const fieldIds = (entity: string) => batch.filter((x) => x.entity === entity).map((x) => x.id);
    await client.query('begin');
    await client.query(`insert into public.prospects (${pCols.into}) select ${pCols.select} from public.prospects where id = any($1)`, [
      ids('prospect', (x) => 'name' in x.fields),
      round,
    ]);
    // One version per person per batch, as sync_push now writes them.
    await client.query(
      `update public.prospects set score = least(100, score + 1), score_breakdown = score_breakdown || '[]'::jsonb, change_seq = change_seq + 1, updated_at = now() where id = any($1)`,
      [
        [
          ...new Set(
            ids('prospect', (x) => !('name' in x.fields)).concat(
              batch.filter((x) => x.entity === 'stage_change' && x.fields.from_stage_id).map((x) => String(x.fields.prospect_id)),
            ),
          ),
        ],
      ],
    );
    await client.query(`insert into public.touches (${tCols.into}) select ${tCols.select} from public.touches where id = any($1)`, [
      fieldIds('touch'),
    ]);
    await client.query(
      `insert into public.stage_changes (${sCols.into}) select ${sCols.select} from public.stage_changes where id = any($1)`,
      [fieldIds('stage_change')],
    );
    await client.query(`insert into public.follow_ups (${fCols.into}) select ${fCols.select} from public.follow_ups where id = any($1)`, [
      fieldIds('follow_up'),
    ]);
    await client.query(
      `insert into private.applied_mutations (team_id, mutation_id, user_id) select $1, gen_random_uuid(), $2 from generate_series(1, $3)`,
      [team, owner, batch.length],
    );
    await client.query('commit');
  }
  return { cpuMs: backendCpuMs(pid) - c0, wallMs: performance.now() - t0 };
}

for (const t of ['public.prospects', 'public.touches', 'public.stage_changes', 'public.follow_ups', 'private.applied_mutations'])
  await client.query(`alter table ${t} disable trigger user`);
const withKeys = await floorRun(1);
await client.query(`set session_replication_role = replica`);
const noTriggers = await floorRun(2);
await client.query(`reset session_replication_role`);
const withKeys2 = await floorRun(3);
for (const t of ['public.prospects', 'public.touches', 'public.stage_changes', 'public.follow_ups', 'private.applied_mutations'])
  await client.query(`alter table ${t} enable trigger user`);

const per = (r: { cpuMs: number; wallMs: number }) =>
  `${r.cpuMs} ms CPU (${((r.cpuMs * 1000) / N).toFixed(0)} µs a mutation, ${Math.round((N * 1000) / r.cpuMs)} per CPU-second), ${r.wallMs.toFixed(0)} ms wall`;
console.log(`load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}; ${N} mutations in calls of ${BATCH}`);
console.log(`sync_push, set-based:                 ${per(push)}`);
console.log(`floor, foreign keys checked:          ${per(withKeys)}; again ${per(withKeys2)}`);
console.log(`floor, no trigger, no foreign key:    ${per(noTriggers)}`);
await client.end();
