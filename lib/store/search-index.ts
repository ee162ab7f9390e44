// The side panel's search runs over an index kept in memory beside the database (lib/pipeline/search.ts
// says how it matches and ranks): a search at 10,000 prospects then costs a few milliseconds instead
// of reading and decoding every prospect row each time a key is pressed. Each entry also holds what a
// result line shows (lib/search/result.ts), and the stages' labels are kept beside the entries, so a
// search is answered from memory alone: no IndexedDB read on the way, whose queue (behind imports,
// sync pulls, the board snapshot) was most of a slow search's time.
//
// It stays right the way the board's cache does: Dexie reports every committed write
// ('storagemutated', in this context before the writer's promise settles, from other contexts through
// its BroadcastChannel); a write to a few prospects or touches marks just those prospects for
// re-reading, anything wider (bulk writes, range deletes, a restore) marks everything, a write to the
// stages drops their labels, and the next search reads what was marked before it answers. A page that
// wrote the store itself (an import or restore, components/data/page-store.ts) also says so by message
// when it is done (`forgetSearchIndex`), so an answer after that never waits on the channel's delivery.
import Dexie from 'dexie';
import type { Prospect, Touch } from '../model';
import { searchDoc, searchDocs, type SearchDoc } from '../pipeline/search';
import type { SearchHit } from '../search/result';
import type { StoreContext } from './context';
import type { JalurDb } from './db';
import { singleKeys, type RangeNode } from './range-keys';
import { CACHE_LIMITS } from './cache-limits';
import { LruMap } from './lru-map';

/** One prospect's search entry: the folded fields, and what its result line shows. */
export interface IndexEntry extends SearchDoc {
  card: { name: string; title: string | null; company: string | null; emails: string[]; stageId: string; score: number };
}

type StageLabels = Map<string, { key: string; name: string | null }>;

interface Index {
  docs: Map<string, IndexEntry> | null;
  /** Prospects written (or whose touches were) since they were indexed; 'all' after a wide write. */
  changed: Set<string> | 'all';
  /** Touches written since, by touch id: their prospects' notes are re-read. */
  touches: Set<string> | 'all';
  /** Stage id → key and name; null after any write to the stages. */
  stages: StageLabels | null;
  /** Goes up with every write to the stages: labels read across one are used once, not kept. */
  stagesEpoch: number;
  /** Refreshes run one at a time, so an older read never overwrites a newer one. */
  queue: Promise<unknown>;
  /** The last build was past the bound (not kept): building ahead of a search would be thrown away. */
  tooLarge: boolean;
}

// Bounded (./cache-limits.ts): the pipelines in use, and none larger than the bound.
const indexes = new LruMap<string, Index>(() => CACHE_LIMITS.databases);

function mark(set: Set<string> | 'all', node: RangeNode | undefined): Set<string> | 'all' {
  if (!node || set === 'all') return set;
  const keys = singleKeys(node, []);
  if (keys === null) return 'all';
  for (const k of keys) set.add(k);
  return set;
}

let listening = false;
function listen(): void {
  if (listening) return;
  listening = true;
  Dexie.on('storagemutated', (parts) => {
    const p = parts as Record<string, RangeNode | undefined>;
    for (const [name, index] of indexes) {
      index.changed = mark(index.changed, p[`idb://${name}/prospects/`]);
      index.touches = mark(index.touches, p[`idb://${name}/touches/`]);
      if (p[`idb://${name}/stages/`]) {
        index.stages = null;
        index.stagesEpoch++;
      }
    }
  });
}

function notesOf(touches: readonly Touch[]): string {
  return touches
    .filter((t) => t.note)
    .sort((a, b) => b.occurredAt - a.occurredAt)
    .map((t) => t.note)
    .join(' ');
}

function cardOf(p: Prospect): IndexEntry['card'] {
  return { name: p.name, title: p.title, company: p.company, emails: [...p.emails], stageId: p.stageId, score: p.score };
}

function docOf(p: Prospect, notes: string): IndexEntry {
  return { ...searchDoc({ ...p, notes }), card: cardOf(p) };
}

/** Prospects folded between two yields when the index is built ahead of a search (`warmSearchIndex`). */
const WARM_SLICE = 1_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function rebuild(db: JalurDb, yielding = false): Promise<Map<string, IndexEntry>> {
  // Whole tables in one read each (getAll): a Dexie filter would walk a cursor row by row, which is
  // most of a cold build's time at 10,000 prospects. Tombstones are dropped here instead.
  const [prospects, touches] = await Promise.all([db.prospects.toArray(), db.touches.toArray()]);
  const byProspect = new Map<string, Touch[]>();
  for (const t of touches) {
    if (!t.note) continue;
    const list = byProspect.get(t.prospectId);
    if (list) list.push(t);
    else byProspect.set(t.prospectId, [t]);
  }
  const docs = new Map<string, IndexEntry>();
  for (let i = 0; i < prospects.length; i++) {
    // Built ahead of time, the worker answers chips and views between slices instead of after all.
    if (yielding && i > 0 && i % WARM_SLICE === 0) await nextTask();
    const p = prospects[i]!;
    if (p.deletedAt === null) docs.set(p.id, docOf(p, notesOf(byProspect.get(p.id) ?? [])));
  }
  return docs;
}

async function refresh(db: JalurDb, index: Index, yielding = false): Promise<Map<string, IndexEntry>> {
  // Take the marks before reading: writes committed during the read mark the next refresh.
  const changed = index.changed;
  const touched = index.touches;
  index.changed = new Set();
  index.touches = new Set();
  try {
    if (index.docs === null || changed === 'all' || touched === 'all') {
      index.docs = await rebuild(db, yielding);
      return index.docs;
    }
    const ids = new Set(changed);
    if (touched.size) {
      const rows = await db.touches.bulkGet([...touched]);
      for (const t of rows) if (t) ids.add(t.prospectId);
      // A touch that is gone (erased): whose it was is unknown, so every prospect's notes are re-read.
      if (rows.some((t) => !t)) {
        index.docs = await rebuild(db);
        return index.docs;
      }
    }
    if (ids.size) {
      const list = [...ids];
      const [prospects, touches] = await Promise.all([db.prospects.bulkGet(list), db.touches.where('prospectId').anyOf(list).toArray()]);
      list.forEach((id, i) => {
        const p = prospects[i];
        if (!p || p.deletedAt !== null) index.docs!.delete(id);
        else index.docs!.set(id, docOf(p, notesOf(touches.filter((t) => t.prospectId === id))));
      });
    }
    return index.docs;
  } catch (e) {
    // What was not read must be read next time.
    index.changed = 'all';
    throw e;
  }
}

function indexOf(db: JalurDb): Index {
  listen();
  let index = indexes.get(db.name);
  if (!index) {
    index = { docs: null, changed: 'all', touches: new Set(), stages: null, stagesEpoch: 0, queue: Promise.resolve(), tooLarge: false };
    indexes.set(db.name, index);
  }
  return index;
}

/** How many prospects' search entries are kept for `name` (0: none). */
export function indexedProspects(name: string): number {
  return indexes.get(name)?.docs?.size ?? 0;
}

/**
 * Marks everything for re-reading (entries and stage labels): for writes this context may not have
 * heard of yet, such as a page's import or restore whose change reports are still on their way.
 */
export function forgetSearchIndex(name: string): void {
  const index = indexes.get(name);
  if (!index) return;
  index.changed = 'all';
  index.stages = null;
  index.stagesEpoch++;
}

async function stageLabels(ctx: StoreContext, index: Index): Promise<StageLabels> {
  if (index.stages) return index.stages;
  const epoch = index.stagesEpoch;
  // As queries.ts listStages reads them (not imported: queries.ts imports this module).
  const rows = await ctx.db.stages.toArray();
  const labels: StageLabels = new Map(rows.filter((s) => s.deletedAt === null).map((s) => [s.id, { key: s.key, name: s.name }]));
  // A stage written while they were read: these answer this search, the next reads them again.
  if (epoch === index.stagesEpoch) index.stages = labels;
  return labels;
}

/** Runs `use` on the refreshed entries, one at a time with every other refresh of this index. */
function indexed<T>(db: JalurDb, use: (docs: Map<string, IndexEntry>, index: Index) => Promise<T> | T, yielding = false): Promise<T> {
  const index = indexOf(db);
  const run = index.queue.then(async () => {
    const docs = await refresh(db, index, yielding);
    try {
      return await use(docs, index);
    } finally {
      // Past the bound, this search is answered and the index not kept: the next one reads again.
      index.tooLarge = docs.size > CACHE_LIMITS.prospects;
      if (index.tooLarge) {
        index.docs = null;
        index.changed = 'all';
        index.stages = null;
      }
    }
  });
  index.queue = run.catch(() => undefined);
  return run;
}

/**
 * Builds the index ahead of the first search (the side panel is open: a search may come any moment),
 * in slices so requests that arrive meanwhile are not held up; nothing to do when it is built. The
 * stage labels are read too. A search arriving meanwhile waits for this build instead of starting its own.
 */
export async function warmSearchIndex(ctx: StoreContext): Promise<void> {
  const index = indexOf(ctx.db);
  if ((index.docs !== null && index.stages !== null) || index.tooLarge) return;
  await indexed(ctx.db, (_docs, index) => stageLabels(ctx, index), true);
}

/** Every live prospect's search entry, up to date with the database. */
export function searchIndex(db: JalurDb): Promise<Map<string, IndexEntry>> {
  return indexed(db, (docs) => docs);
}

function hitOf(id: string, card: IndexEntry['card'], stages: StageLabels): SearchHit {
  const stage = stages.get(card.stageId);
  return {
    id,
    name: card.name,
    title: card.title,
    company: card.company,
    emails: card.emails,
    stageKey: stage?.key ?? 'unknown',
    stageName: stage?.name ?? null,
    score: card.score,
  };
}

/**
 * The side panel's search (lib/search/result.ts): the best `limit` live prospects for `query`, best
 * first, answered from memory. An empty query answers the most recently changed prospects instead,
 * read from the store (it needs no index, so it builds none).
 */
export async function searchHits(ctx: StoreContext, query: string, limit: number): Promise<SearchHit[]> {
  if (!query.trim()) {
    const rows = await ctx.db.prospects
      .orderBy('updatedAt')
      .reverse()
      .filter((p) => p.deletedAt === null)
      .limit(limit)
      .toArray();
    const stages = await stageLabels(ctx, indexOf(ctx.db));
    return rows.map((p) => hitOf(p.id, cardOf(p), stages));
  }
  return indexed(ctx.db, async (docs, index) => {
    const stages = await stageLabels(ctx, index);
    return searchDocs(docs.values(), query, limit).map((h) => hitOf(h.id, docs.get(h.id)!.card, stages));
  });
}

/** The best `limit` live prospects for `query`, best first (lib/pipeline/search.ts). */
export async function searchIndexed(ctx: StoreContext, query: string, limit: number): Promise<Prospect[]> {
  const docs = await searchIndex(ctx.db);
  const hits = searchDocs(docs.values(), query, limit);
  const rows = await ctx.db.prospects.bulkGet(hits.map((h) => h.id));
  return rows.filter((p): p is Prospect => !!p && p.deletedAt === null);
}
