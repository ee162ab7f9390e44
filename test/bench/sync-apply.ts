// How fast sync_push applies mutations on loopback (DESIGN.md §6: ≥ 20,000 mutations/s), set-based
// (the default) against one row at a time through private.push_item (what it did before; still there
// behind jalur.sync_push_path = 'per_item'), measured in the same run on the same database.
//
// Each call is one transaction that sets the role and JWT claims first, as PostgREST does, and sends
// a batch of 500 (lib/sync/push.ts PUSH_BATCH). The two paths push equal workloads to two teams, batch
// by batch in turn (which one goes first alternates), so a busy machine slows both alike. Besides wall
// time, the database backend's own CPU time is read from /proc: on a shared 2-core machine wall time
// is mostly waiting for a core, CPU time is the work.
//
// Runs inside `scripts/test-db.sh --bench -- …` (a throwaway database); test/bench/sync-apply-rows.ts
// starts it for `npm run bench` and reads the JSON it writes.
//
// BENCH_SYNC_BEFORE=<git revision> adds a third path, "before": a second database in the same
// throwaway cluster, migrated with the migrations as they were at that revision (the same bootstrap),
// pushed the same workload in turn with the two others. That compares a change to sync_push with
// what it replaced in the same run, under the same load.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { asUser, connect, DATABASE_URL, makeTeam } from '../db/pg-session';
import { processCpuMs } from './proc-cpu';
import { type Mutation, workload } from './sync-workload';
import { writeJson } from './table';

const N = Number(process.env.BENCH_MUTATIONS ?? 10_000);
const BATCH = 500;
const out = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1]! : 'bench-results/sync-apply.json';

interface Result {
  status: string;
  code?: string;
}

/** The database backend's CPU time (utime + stime, clock ticks of 10 ms), or null off Linux. */
const backendCpuMs = processCpuMs;

/**
 * A database beside DATABASE_URL's, in the same cluster, migrated as at git revision `rev`: the test
 * bootstrap (roles are the cluster's and exist already) and then every migration of that revision in
 * order, as `supabase migration up` applies them.
 */
function beforeDatabase(rev: string): string {
  const url = new URL(DATABASE_URL);
  const name = 'jalur_before';
  const psql = (db: string, sql: string) =>
    execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', db], { input: sql, stdio: ['pipe', 'ignore', 'inherit'] });
  const base = new URL(url);
  psql(base.toString(), `drop database if exists ${name}; create database ${name};`);
  url.pathname = `/${name}`;
  const bootstrap = readFileSync('test/db/bootstrap.sql', 'utf8')
    .split('\n')
    .filter((line) => !/^create role |^grant anon, authenticated, service_role to authenticator|^alter role /.test(line))
    .join('\n')
    .replace('alter database postgres set', `alter database ${name} set`);
  psql(url.toString(), bootstrap);
  const files = execFileSync('git', ['ls-tree', '--name-only', rev, 'supabase/migrations/'], { encoding: 'utf8' })
    .split('\n').filter((f) => f.endsWith('.sql')).sort();
  for (const f of files) {
    psql(url.toString(), `begin;\n${execFileSync('git', ['show', `${rev}:${f}`], { encoding: 'utf8' })}\ncommit;`);
  }
  return url.toString();
}

const beforeRev = process.env.BENCH_SYNC_BEFORE;
const client = connect();
await client.connect();
const beforeClient = beforeRev ? new pg.Client({ connectionString: beforeDatabase(beforeRev) }) : null;
if (beforeClient) await beforeClient.connect();
const pidOf = async (c: pg.Client) => (await c.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;

interface Path {
  name: 'set_based' | 'per_item' | 'before';
  client: pg.Client;
  pid: number;
  team: string;
  owner: string;
  list: Mutation[];
  ms: number;
  cpuMs: number | null;
  results: Result[];
}

async function push(path: Path, batch: Mutation[]): Promise<void> {
  const c = path.client;
  const c0 = backendCpuMs(path.pid);
  const t0 = performance.now();
  const reply = await asUser(c, path.owner, async () => {
    if (path.name === 'per_item') await c.query("select set_config('jalur.sync_push_path', 'per_item', true)");
    const { rows } = await c.query<{ r: { results: Result[] } }>('select public.sync_push($1, $2) as r', [path.team, JSON.stringify(batch)]);
    return rows[0]!.r;
  });
  path.ms += performance.now() - t0;
  const c1 = backendCpuMs(path.pid);
  path.cpuMs = c0 === null || c1 === null || path.cpuMs === null ? null : path.cpuMs + (c1 - c0);
  path.results.push(...reply.results);
}

try {
  const paths: Path[] = [];
  // BENCH_SYNC_PATHS=set_based measures one path alone (for profiling the database side).
  const only = process.env.BENCH_SYNC_PATHS;
  for (const name of ['set_based', 'per_item', 'before'] as const) {
    if (only && !only.split(',').includes(name)) continue;
    const c = name === 'before' ? beforeClient : client;
    if (!c) continue;
    const t = await makeTeam(c, `Bench ${name}`);
    paths.push({ name, client: c, pid: await pidOf(c), team: t.team, owner: t.owner, list: await workload(c, t.team, t.owner, name.replace('_', '-'), N), ms: 0, cpuMs: 0, results: [] });
  }
  // Each batch in turn on every path, the order rotating, so a busy machine slows all alike.
  for (let i = 0, k = 0; i < N; i += BATCH, k++) {
    const order = paths.map((_, j) => paths[(j + k) % paths.length]!);
    for (const path of k % 2 === 0 ? order : order.reverse()) await push(path, path.list.slice(i, i + BATCH));
  }
  const summary = (p: Path) => {
    const counts: Record<string, number> = {};
    for (const r of p.results) counts[r.code ? `${r.status}/${r.code}` : r.status] = (counts[r.code ? `${r.status}/${r.code}` : r.status] ?? 0) + 1;
    return {
      ms: p.ms,
      perSecond: (N * 1000) / p.ms,
      cpuMs: p.cpuMs,
      perCpuSecond: p.cpuMs ? (N * 1000) / p.cpuMs : null,
      results: counts,
    };
  };
  const fast = paths.find((p) => p.name === 'set_based') ?? paths[0]!;
  const slow = paths.find((p) => p.name === 'per_item') ?? paths[0]!;
  const before = paths.find((p) => p.name === 'before');
  const codes = (p: Path) => JSON.stringify(p.results.map((r) => [r.status, r.code ?? null]));
  const sameReplies = paths.every((p) => codes(p) === codes(fast));
  const result = {
    mutations: N,
    batchSize: BATCH,
    load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
    setBased: summary(fast),
    perItem: summary(slow),
    speedup: slow.ms / fast.ms,
    cpuSpeedup: fast.cpuMs && slow.cpuMs ? slow.cpuMs / fast.cpuMs : null,
    ...(before
      ? {
          before: { revision: beforeRev, ...summary(before) },
          speedupOverBefore: before.ms / fast.ms,
          cpuSpeedupOverBefore: fast.cpuMs && before.cpuMs ? before.cpuMs / fast.cpuMs : null,
        }
      : {}),
    sameReplies,
  };
  console.log(JSON.stringify(result, null, 2));
  writeJson(out, result);
  if (!sameReplies) throw new Error('the set-based and the one-by-one path answered differently');
} finally {
  await client.end();
  await beforeClient?.end();
}
