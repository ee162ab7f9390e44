// Runs inside Chromium (bundled by bundle.ts): the project's own store code against real IndexedDB.
import { openDb, type JalurDb } from '../../lib/store/db';
import type { StoreContext } from '../../lib/store/context';
import { findByIdentity, overdueCount } from '../../lib/store/queries';
import { ensureSeeded } from '../../lib/store/seed';
import { DUE_HORIZON_MS, followUpRows, prng, prospectRows } from './rows';

const CHUNK = 10_000;

export interface StoreBenchOptions {
  dbName: string;
  prospects: number;
  followUps: number;
  lookups: number;
  overdueRuns: number;
  seed: number;
}

export interface StoreBenchResult {
  crossOriginIsolated: boolean;
  seedMs: number;
  overdueExpected: number;
  overdueCounted: number;
  /** The first query after opening, kept apart from the warm samples. */
  firstLookupMs: number;
  slugHitMs: number[];
  slugMissMs: number[];
  emailHitMs: number[];
  memberIdHitMs: number[];
  overdueMs: number[];
  /** The same query once every open follow-up is overdue: its cost grows with the rows it counts. */
  backlog: { overdue: number; ms: number[] };
}

function context(db: JalurDb, now: number): StoreContext {
  return { db, now: () => now, newId: () => crypto.randomUUID(), userId: 'local', teamId: 'local', nodeId: 'bench' };
}

/** Bulk-adds prospects in chunks (one transaction each, as an import would) and keeps what lookups need. */
async function seedProspects(db: JalurDb, rand: () => number, count: number, now: number) {
  const stageIds = (await db.stages.toArray()).map((s) => s.id);
  if (stageIds.length === 0) throw new Error('no stages: the store was not seeded');
  const ids: string[] = [];
  const slugs: string[] = [];
  const emails: { email: string; id: string }[] = [];
  const memberIds: string[] = [];
  for (let from = 0; from < count; from += CHUNK) {
    const batch = prospectRows(rand, from, Math.min(count, from + CHUNK), now, stageIds);
    await db.prospects.bulkAdd(batch.rows);
    for (const p of batch.rows) {
      ids.push(p.id);
      // Deleted prospects do not hold their keys (DESIGN.md §3): lookups are timed on live ones.
      if (p.deletedAt !== null) continue;
      if (p.slug) slugs.push(p.slug);
      if (p.memberId) memberIds.push(p.memberId);
      for (const email of p.emails) emails.push({ email, id: p.id });
    }
  }
  return { ids, slugs, emails, memberIds };
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

async function measure(o: StoreBenchOptions): Promise<StoreBenchResult> {
  const rand = prng(o.seed);
  const now = Date.now();
  const t0 = performance.now();
  const seeding = openDb(o.dbName);
  await ensureSeeded(context(seeding, now));
  const { ids, slugs, emails, memberIds } = await seedProspects(seeding, rand, o.prospects, now);
  const fu = followUpRows(rand, o.followUps, now, ids);
  for (let i = 0; i < fu.rows.length; i += CHUNK) await seeding.followUps.bulkAdd(fu.rows.slice(i, i + CHUNK));
  const seedMs = performance.now() - t0;
  seeding.close();

  // A fresh connection, like a service worker that just woke up: nothing of the seeding stays in Dexie.
  const ctx = context(openDb(o.dbName), now);
  const [firstLookupMs] = await timed(() => findByIdentity(ctx, pick(rand, slugs), null));
  const slugHitMs: number[] = [];
  const slugMissMs: number[] = [];
  const emailHitMs: number[] = [];
  const memberIdHitMs: number[] = [];
  for (let i = 0; i < o.lookups; i++) {
    const slug = pick(rand, slugs);
    const [a, bySlug] = await timed(() => findByIdentity(ctx, slug, null));
    if (bySlug?.slug !== slug) throw new Error(`slug lookup missed ${slug}`);
    slugHitMs.push(a);
    const e = pick(rand, emails);
    const [b, byEmail] = await timed(() => findByIdentity(ctx, null, e.email));
    if (byEmail?.id !== e.id) throw new Error(`e-mail lookup missed ${e.email}`);
    emailHitMs.push(b);
    const id = pick(rand, memberIds);
    const [d, byId] = await timed(() => findByIdentity(ctx, null, null, id));
    if (byId?.memberId !== id) throw new Error(`member id lookup missed ${id}`);
    memberIdHitMs.push(d);
    // Someone not in the store, the common case on LinkedIn: the chip offers "Add to pipeline".
    const [c, none] = await timed(() => findByIdentity(ctx, `nobody-${i}-x`, null));
    if (none) throw new Error('miss lookup found someone');
    slugMissMs.push(c);
  }
  const overdueMs: number[] = [];
  let overdueCounted = -1;
  for (let i = 0; i < o.overdueRuns; i++) {
    const [t, n] = await timed(() => overdueCount(ctx));
    overdueMs.push(t);
    overdueCounted = n;
  }
  const later = { ...ctx, now: () => now + DUE_HORIZON_MS + 1 };
  const backlog = { overdue: -1, ms: [] as number[] };
  for (let i = 0; i < Math.ceil(o.overdueRuns / 2); i++) {
    const [t, n] = await timed(() => overdueCount(later));
    backlog.ms.push(t);
    backlog.overdue = n;
  }
  if (backlog.overdue !== fu.open) throw new Error(`backlog count ${backlog.overdue}, expected ${fu.open}`);
  ctx.db.close();
  return {
    crossOriginIsolated: globalThis.crossOriginIsolated,
    seedMs,
    overdueExpected: fu.overdue,
    overdueCounted,
    firstLookupMs,
    slugHitMs,
    slugMissMs,
    emailHitMs,
    memberIdHitMs,
    overdueMs,
    backlog,
  };
}

function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)]!;
}

/**
 * Adds prospects to an existing store — the extension's own, from its service worker — so the chip's
 * lookup runs against a full-size database rather than an empty one.
 */
async function fill(dbName: string, prospects: number, seed: number): Promise<number> {
  const db = openDb(dbName);
  await seedProspects(db, prng(seed), prospects, Date.now());
  const n = await db.prospects.count();
  db.close();
  return n;
}

export interface StoreBenchApi {
  measure: typeof measure;
  fill: typeof fill;
}
export type BenchGlobal = { jalurBench: StoreBenchApi };

(globalThis as unknown as BenchGlobal).jalurBench = { measure, fill };
