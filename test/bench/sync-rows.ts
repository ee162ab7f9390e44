// Runs test/bench/sync-push.ts on a throwaway database (scripts/test-db.sh --bench) and turns its
// JSON into the bench table's sync row.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BUDGETS } from './budgets';
import type { Row } from './table';

const OUT = 'bench-results/sync-push.json';

interface Timed {
  ms: number;
  requests: number;
}
interface SyncPush {
  mutations: number;
  batchSize: number;
  loopback: { batched: Timed; single: Timed; ratio: number };
  rtt: { ms: number; batched: Timed; singleSample: Timed & { mutations: number }; singleScaledMs: number; ratio: number };
}

export function syncRows(): { rows: Row[]; raw: SyncPush } {
  execFileSync('bash', ['scripts/test-db.sh', '--bench', '--', 'npx', 'tsx', 'test/bench/sync-push.ts', '--out', OUT], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const r = JSON.parse(readFileSync(OUT, 'utf8')) as SyncPush;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return {
    raw: r,
    rows: [
      {
        what: `sync push of ${r.mutations.toLocaleString('en')} queued mutations, batches of ${r.batchSize} vs one request per mutation, ${r.rtt.ms} ms round trip`,
        measured: `${r.rtt.ratio.toFixed(1)}× (${s(r.rtt.batched.ms)} in ${r.rtt.batched.requests} requests vs ${s(r.rtt.singleScaledMs)}, singles timed over ${r.rtt.singleSample.mutations} and scaled)`,
        budget: `≥ ${BUDGETS.syncPushSpeedup}× faster`,
        pass: r.rtt.ratio >= BUDGETS.syncPushSpeedup,
        detail: { ...r.rtt },
      },
      {
        what: `same on loopback (no network: the floor, server work only)`,
        measured: `${r.loopback.ratio.toFixed(1)}× (${s(r.loopback.batched.ms)} vs ${s(r.loopback.single.ms)} in ${r.loopback.single.requests} requests)`,
        budget: 'for reading, not a budget',
        pass: null,
        detail: { ...r.loopback },
      },
    ],
  };
}
