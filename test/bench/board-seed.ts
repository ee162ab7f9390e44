// Runs inside the extension's service worker (bundled by bundle.ts): fills the extension's own store
// with a pipeline of realistic shape for the board bench (see board-rows.ts) and follow-ups, open and
// closed. No zod here: the worker's CSP forbids the code generation zod would try; board.ts checks
// the same generator's rows against the schema in Node instead.
import { openDb } from '../../lib/store/db';
import { LOCAL_DB } from '../../lib/sync/scope';
import { boardProspects } from './board-rows';
import { followUpRows, prng } from './rows';

const CHUNK = 5_000;

export interface BoardSeedResult {
  live: number;
  openFollowUps: number;
  seedMs: number;
}

async function seed(prospects: number, seedValue: number): Promise<BoardSeedResult> {
  const t0 = performance.now();
  const db = openDb(LOCAL_DB);
  // The worker seeds the default stages on start-up; wait for them rather than race it.
  let stages = await db.stages.toArray();
  for (let i = 0; i < 100 && stages.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 50));
    stages = await db.stages.toArray();
  }
  if (stages.length === 0) throw new Error('no stages: the worker did not seed the store');
  const rand = prng(seedValue);
  const now = Date.now();
  const ids: string[] = [];
  let live = 0;
  for (let from = 0; from < prospects; from += CHUNK) {
    const rows = boardProspects(
      rand,
      from,
      Math.min(prospects, from + CHUNK),
      now,
      stages.map((s) => s.id),
    );
    for (const p of rows) {
      if (p.deletedAt === null) live++;
      ids.push(p.id);
    }
    await db.prospects.bulkAdd(rows);
  }
  const fu = followUpRows(rand, prospects, now, ids);
  for (let i = 0; i < fu.rows.length; i += CHUNK) await db.followUps.bulkAdd(fu.rows.slice(i, i + CHUNK));
  db.close();
  return { live, openFollowUps: fu.open, seedMs: performance.now() - t0 };
}

export type BoardSeedGlobal = { jalurBoardSeed: typeof seed };
(globalThis as unknown as BoardSeedGlobal).jalurBoardSeed = seed;
