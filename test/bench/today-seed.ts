// Runs inside the extension's service worker (bundled by bundle.ts): a pipeline of `prospects` people
// and a Today queue of `due` open follow-ups (see today-rows.ts). No zod here (the worker's CSP);
// today.ts checks the same generator's rows against the schemas in Node.
import { openDb } from '../../lib/store/db';
import { LOCAL_DB } from '../../lib/sync/scope';
import { boardProspects } from './board-rows';
import { prng } from './rows';
import { todayFollowUps } from './today-rows';

export interface TodaySeedResult {
  due: number;
  overdue: number;
  seedMs: number;
}

async function seed(prospects: number, due: number, seedValue: number): Promise<TodaySeedResult> {
  const t0 = performance.now();
  const db = openDb(LOCAL_DB);
  let stages = await db.stages.toArray();
  for (let i = 0; i < 100 && stages.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 50));
    stages = await db.stages.toArray();
  }
  if (stages.length === 0) throw new Error('no stages: the worker did not seed the store');
  const cadence = (await db.cadences.toArray())[0] ?? null;
  const now = Date.now();
  const rows = boardProspects(
    prng(seedValue),
    0,
    prospects,
    now,
    stages.map((s) => s.id),
  ).map((p) => ({ ...p, deletedAt: null }));
  await db.prospects.bulkAdd(rows);
  const fu = todayFollowUps(
    seedValue,
    due,
    now,
    rows.map((p) => p.id),
    cadence?.id ?? null,
  );
  await db.followUps.bulkAdd(fu.rows);
  // Written around the commands: the badge's kept count is recounted on the next read.
  await db.meta.delete('overdue');
  db.close();
  return { due, overdue: fu.overdue, seedMs: performance.now() - t0 };
}

export type TodaySeedGlobal = { jalurTodaySeed: typeof seed };
(globalThis as unknown as TodaySeedGlobal).jalurTodaySeed = seed;
