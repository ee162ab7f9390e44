// The background keeps the few fields a board card is made of for every prospect, so opening the
// board does not read and decode 10,000 full prospect rows each time. Dexie reports every committed
// write ('storagemutated', also across contexts through its BroadcastChannel); a write to a few
// prospects marks just those for re-reading, anything wider (bulk writes, range deletes, migrations)
// marks the whole table. Open follow-ups are few and re-read whole after any follow-up change; the
// stages and the team's settings and members are re-read after any write to their tables.
import Dexie from 'dexie';
import type { Prospect, Stage } from '../model';
import { nextDueByProspect, type CardSource } from '../pipeline/board';
import type { StoreContext } from '../store/context';
import type { JalurDb } from '../store/db';
import { memberName } from '../store/playbook-queries';
import { listStages } from '../store/queries';
import { teamSettings } from '../store/settings';
import { singleKeys, type RangeNode } from '../store/range-keys';
import { CACHE_LIMITS } from '../store/cache-limits';
import { PROSPECTS_STAMP_KEY } from '../store/change-stamp';
import { LruMap } from '../store/lru-map';

export type CachedProspect = CardSource & { deletedAt: number | null };

interface Cache {
  prospects: Map<string, CachedProspect> | null;
  /** Prospects written since they were read; 'all' after a write Dexie did not itemise. */
  changed: Set<string> | 'all';
  nextDue: Map<string, number> | null;
  team: Promise<BoardTeam> | null;
  /** Goes up whenever a refresh read anything: what was built from the previous sources is stale. */
  generation: number;
  /** Refreshes run one at a time, so an older read can never overwrite a newer one. */
  queue: Promise<unknown>;
  /** The prospects' change stamp the cached rows were read at (lib/store/change-stamp.ts). */
  stamp: string | null;
  saving: ReturnType<typeof setTimeout> | null;
}

// The card fields of every prospect, kept across worker restarts: a worker woken by the side panel
// reads this one record instead of every prospect row, when no prospect was written since it was
// taken (the stamp). Columns of plain values: the cheapest shape for IndexedDB to hand back.
const BOARD_SNAPSHOT_KEY = 'board:cards';
const SNAPSHOT_FORMAT = 1;
/** Saved this long after the last change, off the path of any answer. */
const SNAPSHOT_DELAY_MS = 2_000;
const FIELDS = [
  'id',
  'name',
  'company',
  'stageId',
  'score',
  'dealValue',
  'currency',
  'ownerId',
  'source',
  'temperature',
  'mqlAt',
  'sqlAt',
  'lastTouchAt',
  'stageEnteredAt',
  'createdAt',
  'deletedAt',
] as const satisfies readonly (keyof CachedProspect)[];

interface Snapshot {
  format: number;
  stamp: string | null;
  columns: Record<(typeof FIELDS)[number], unknown[]>;
}

function toSnapshot(rows: Map<string, CachedProspect>, stamp: string | null): Snapshot {
  const columns = Object.fromEntries(FIELDS.map((f) => [f, [] as unknown[]])) as Snapshot['columns'];
  for (const p of rows.values()) for (const f of FIELDS) columns[f].push(p[f]);
  return { format: SNAPSHOT_FORMAT, stamp, columns };
}

function fromSnapshot(s: Snapshot): Map<string, CachedProspect> {
  const out = new Map<string, CachedProspect>();
  const n = s.columns.id.length;
  for (let i = 0; i < n; i++) {
    const p = {} as Record<string, unknown>;
    for (const f of FIELDS) p[f] = s.columns[f][i];
    out.set(p.id as string, p as unknown as CachedProspect);
  }
  return out;
}

function saveSnapshotSoon(db: JalurDb, cache: Cache): void {
  if (cache.saving) clearTimeout(cache.saving);
  cache.saving = setTimeout(() => void saveBoardSnapshot(db).catch(() => undefined), SNAPSHOT_DELAY_MS);
}

/** Saves the cached card fields now (normally a moment after the last change). */
export async function saveBoardSnapshot(db: JalurDb): Promise<boolean> {
  const cache = caches.get(db.name);
  if (!cache) return false;
  if (cache.saving) clearTimeout(cache.saving);
  cache.saving = null;
  const rows = cache.prospects;
  if (!rows || rows.size > CACHE_LIMITS.prospects) return false;
  // Stamped with what the rows were read at: a write since then makes the snapshot stale, never wrong.
  await db.caches.put({ key: BOARD_SNAPSHOT_KEY, value: toSnapshot(rows, cache.stamp) });
  return true;
}

/** Forgets what is kept in memory for `name`, as a worker that Chrome stopped and started again. */
export function forgetBoardCache(name: string): void {
  const cache = caches.get(name);
  if (cache?.saving) clearTimeout(cache.saving);
  caches.delete(name);
}

// Bounded (lib/store/cache-limits.ts): the pipelines in use, and none larger than the bound.
const caches = new LruMap<string, Cache>(() => CACHE_LIMITS.databases);


function noteWrites(cache: Cache, parts: Record<string, unknown>, name: string): void {
  if (parts[`idb://${name}/followUps/`]) cache.nextDue = null;
  if (parts[`idb://${name}/stages/`] || parts[`idb://${name}/meta/`]) cache.team = null;
  const written = parts[`idb://${name}/prospects/`] as RangeNode | undefined;
  if (!written || cache.changed === 'all') return;
  const keys = singleKeys(written, []);
  if (keys === null) cache.changed = 'all';
  else for (const k of keys) cache.changed.add(k);
}

let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', (parts) => {
    for (const [name, cache] of caches) noteWrites(cache, parts as Record<string, unknown>, name);
  });
}

function slim(p: Prospect): CachedProspect {
  return {
    id: p.id,
    name: p.name,
    company: p.company,
    stageId: p.stageId,
    score: p.score,
    dealValue: p.dealValue,
    currency: p.currency,
    ownerId: p.ownerId,
    source: p.source,
    temperature: p.temperature,
    mqlAt: p.mqlAt,
    sqlAt: p.sqlAt,
    lastTouchAt: p.lastTouchAt,
    stageEnteredAt: p.stageEnteredAt,
    createdAt: p.createdAt,
    deletedAt: p.deletedAt,
  };
}

export interface BoardSources {
  prospects: Iterable<CachedProspect>;
  nextDue: ReadonlyMap<string, number>;
  generation: number;
  /** Where the card fields came from this time: memory, the snapshot, or the prospect rows. */
  read: 'memory' | 'snapshot' | 'rows';
}

async function refresh(db: JalurDb, cache: Cache): Promise<BoardSources> {
  // Take the change list before reading: writes committed during the read land in the new one.
  const changed = cache.changed;
  cache.changed = new Set();
  let prospects = cache.prospects;
  let from: BoardSources['read'] = 'memory';
  if (prospects === null || changed === 'all' || changed.size > 0 || cache.nextDue === null) cache.generation++;
  // The open follow-ups are read beside the card fields, not after them (one round of reads for a worker
  // that just woke). Kept before reading, as below: a follow-up written during the read clears it.
  let dueNow = cache.nextDue ?? new Map<string, number>();
  let dueRead: Promise<void> | undefined;
  if (cache.nextDue === null) {
    const filling = new Map<string, number>();
    cache.nextDue = filling;
    dueNow = filling;
    dueRead = (async () => {
      // The [assigneeId+openDueAt] index holds exactly the open follow-ups (openDueAt is absent otherwise).
      const open = await db.followUps.orderBy('[assigneeId+openDueAt]').toArray();
      for (const [k, v] of nextDueByProspect(open.filter((f) => f.deletedAt === null && f.doneAt === null))) filling.set(k, v);
    })().catch((e: unknown) => {
      if (cache.nextDue === filling) cache.nextDue = null;
      throw e;
    });
    // Awaited below; a failed card read must not leave this one unhandled.
    dueRead.catch(() => undefined);
  }
  try {
    if (prospects === null || changed === 'all') {
      // A worker that just woke: the snapshot, when no prospect was written since it was taken;
      // else every row, with the stamp they were read at.
      const read = await db.transaction('r', [db.prospects, db.caches], async () => {
        const [stampRow, snapRow] = await db.caches.bulkGet([PROSPECTS_STAMP_KEY, BOARD_SNAPSHOT_KEY]);
        const stamp = (stampRow?.value as string | undefined) ?? null;
        const snap = snapRow?.value as Snapshot | undefined;
        if (prospects === null && snap?.format === SNAPSHOT_FORMAT && snap.stamp === stamp) return { stamp, rows: fromSnapshot(snap), fromSnapshot: true };
        const rows = await db.prospects.toArray();
        return { stamp, rows: new Map(rows.map((p) => [p.id, slim(p)])), fromSnapshot: false };
      });
      prospects = read.rows;
      cache.stamp = read.stamp;
      from = read.fromSnapshot ? 'snapshot' : 'rows';
      if (!read.fromSnapshot) saveSnapshotSoon(db, cache);
    } else if (changed.size > 0) {
      const ids = [...changed];
      const [rows, stampRow] = await db.transaction('r', [db.prospects, db.caches], () =>
        Promise.all([db.prospects.bulkGet(ids), db.caches.get(PROSPECTS_STAMP_KEY)]),
      );
      ids.forEach((id, i) => {
        const row = rows[i];
        if (row) prospects!.set(id, slim(row));
        else prospects!.delete(id);
      });
      cache.stamp = (stampRow?.value as string | undefined) ?? null;
      from = 'rows';
      saveSnapshotSoon(db, cache);
    }
  } catch (e) {
    // What was not read must be read next time.
    cache.changed = 'all';
    throw e;
  }
  // A pipeline past the bound is answered from this read and not kept: the next request reads again.
  const keep = prospects.size <= CACHE_LIMITS.prospects;
  cache.prospects = keep ? prospects : null;
  if (!keep) cache.changed = 'all';
  await dueRead;
  const nextDue = dueNow;
  return { prospects: prospects.values(), nextDue, generation: cache.generation, read: from };
}

function cacheOf(db: JalurDb): Cache {
  listen();
  let cache = caches.get(db.name);
  if (!cache) {
    cache = { prospects: null, changed: 'all', nextDue: null, team: null, generation: 0, queue: Promise.resolve(), stamp: null, saving: null };
    caches.set(db.name, cache);
  }
  return cache;
}

/** How many prospects' card fields are kept for `name` (0: none): what the cache's bound is tested on. */
export function cachedProspects(name: string): number {
  return caches.get(name)?.prospects?.size ?? 0;
}

/** The databases whose board cards are kept, least recently used first. */
export function cachedDatabases(): string[] {
  return [...caches.keys()];
}

/** Every prospect's card fields (deleted ones included) and each one's next open due time, up to date. */
export async function boardSources(db: JalurDb): Promise<BoardSources> {
  const c = cacheOf(db);
  const run = c.queue.then(() => refresh(db, c));
  c.queue = run.catch(() => undefined);
  return run;
}

/** The live stages in order, the team's default currency, and how the team knows its members. */
export interface BoardTeam {
  stages: Stage[];
  defaultCurrency: string;
  /** Member names by user id, filled as owners are met (null: unknown, as in local mode). */
  names: Map<string, string | null>;
}

export async function boardTeam(ctx: StoreContext, userIds: Iterable<string>): Promise<BoardTeam> {
  const c = cacheOf(ctx.db);
  if (!c.team) {
    const loading = Promise.all([listStages(ctx), teamSettings(ctx)]).then(([stages, settings]) => ({
      stages,
      defaultCurrency: settings.defaultCurrency,
      names: new Map<string, string | null>(),
    }));
    c.team = loading;
    loading.catch(() => c.team === loading && (c.team = null));
  }
  const team = await c.team;
  // Owners not met yet are looked up together, not one read after another.
  const missing = [...new Set(userIds)].filter((id) => !team.names.has(id));
  const names = await Promise.all(missing.map((id) => memberName(ctx, id)));
  missing.forEach((id, i) => team.names.set(id, names[i] ?? null));
  return team;
}
