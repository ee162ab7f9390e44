// Runs test/bench/sync-apply.ts on a throwaway database (scripts/test-db.sh --bench) and turns its JSON
// into the bench table's rows: how many mutations a second sync_push applies set-based, against one
// row at a time through private.push_item (what it did before), both measured in this run.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Row } from './table';

const OUT = 'bench-results/sync-apply.json';
// DESIGN.md §6 / issue "a year of a busy rep's pipeline", item 5.
const BUDGET_PER_SECOND = 20_000;

interface PathFigures {
  ms: number;
  perSecond: number;
  cpuMs: number | null;
  perCpuSecond: number | null;
  results: Record<string, number>;
}
interface SyncApply {
  mutations: number;
  batchSize: number;
  setBased: PathFigures;
  perItem: PathFigures;
  speedup: number;
  cpuSpeedup: number | null;
  /** With BENCH_SYNC_BEFORE=<git revision>: the set-based path of that revision, in the same run. */
  before?: PathFigures & { revision: string };
  speedupOverBefore?: number;
  cpuSpeedupOverBefore?: number | null;
  load?: string;
  sameReplies: boolean;
}

export function syncApplyRows(): { rows: Row[]; raw: SyncApply } {
  execFileSync('bash', ['scripts/test-db.sh', '--bench', '--', 'npx', 'tsx', 'test/bench/sync-apply.ts', '--out', OUT], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const r = JSON.parse(readFileSync(OUT, 'utf8')) as SyncApply;
  const rate = (n: number | null) => (n === null ? '—' : `${Math.round(n).toLocaleString('en')}/s`);
  const what = `sync_push on loopback, ${r.mutations.toLocaleString('en')} mutations (the extension's mix) in calls of ${r.batchSize}`;
  return {
    raw: r,
    rows: [
      {
        what: `${what}, set-based`,
        measured: `${rate(r.setBased.perSecond)} (database CPU: ${rate(r.setBased.perCpuSecond)}); ${r.speedup.toFixed(1)}× one row at a time` +
          `${r.cpuSpeedup ? ` (CPU ${r.cpuSpeedup.toFixed(1)}×)` : ''}${r.sameReplies ? ', same replies' : ', REPLIES DIFFER'}`,
        budget: `≥ ${BUDGET_PER_SECOND.toLocaleString('en')}/s`,
        pass: r.sameReplies && r.setBased.perSecond >= BUDGET_PER_SECOND,
        detail: { ...r.setBased },
      },
      {
        what: `same, one row at a time through push_item (before; jalur.sync_push_path = per_item)`,
        measured: `${rate(r.perItem.perSecond)} (database CPU: ${rate(r.perItem.perCpuSecond)})`,
        budget: 'for reading, not a budget',
        pass: null,
        detail: { ...r.perItem },
      },
      ...(r.before
        ? [
            {
              what: `same, set-based as at ${r.before.revision} (BENCH_SYNC_BEFORE, same run)`,
              measured: `${rate(r.before.perSecond)} (database CPU: ${rate(r.before.perCpuSecond)}); now ${r.speedupOverBefore!.toFixed(2)}×` +
                `${r.cpuSpeedupOverBefore ? ` (CPU ${r.cpuSpeedupOverBefore.toFixed(2)}×)` : ''}`,
              budget: 'for reading, not a budget',
              pass: null,
              detail: { ...r.before, load: r.load },
            },
          ]
        : []),
    ],
  };
}
