import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openDb, type JalurDb } from '../../lib/store/db';
import type { StoreContext } from '../../lib/store/context';
import { ensureSeeded } from '../../lib/store/seed';
import { markSent } from '../../lib/store/outbox';
import type { CaptureInput } from '../../lib/store/commands';
import { readImportFile, type ImportFile } from '../../lib/io/import-plan';

export const T0 = Date.UTC(2026, 10, 2, 3, 0, 0); // Mon 2 Nov 2026, 10:00 in Jakarta

/**
 * A Jalur database in memory (fake IndexedDB), in its own factory so no two tests ever share one.
 * The one place store, sync and messaging tests get a database from.
 */
export function memoryDb(name = `t-${Math.random()}`): JalurDb {
  return openDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
}

/** A second connection to the same in-memory database, as another context of the extension opens it. */
export function sameDbAgain(db: JalurDb): JalurDb {
  return openDb(db.name, { indexedDB: db._options.indexedDB as IDBFactory, IDBKeyRange });
}

/**
 * A fresh in-memory store with a clock the test moves by hand. It queues its changes as a team's store
 * does, so tests can see what would be sent; `queue: false` is the local pipeline as shipped (nothing queued).
 */
export async function testStore(start = T0, { queue = true }: { queue?: boolean } = {}) {
  let now = start;
  let n = 0;
  const ctx: StoreContext = {
    db: memoryDb(),
    now: () => now,
    newId: () => {
      n += 1;
      return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    },
    userId: 'local',
    teamId: 'local',
    nodeId: 'test',
    ...(queue ? { queue: true } : {}),
  };
  await ensureSeeded(ctx);
  return {
    ctx,
    advance(ms: number) {
      now += ms;
    },
    set(at: number) {
      now = at;
    },
  };
}

/**
 * As after a push handed the queue to the server: what is queued now may be there, so later changes
 * queue entries of their own instead of folding into it (lib/store/outbox-coalesce.ts).
 */
export async function markQueuedSent(ctx: StoreContext): Promise<void> {
  const last = await ctx.db.outbox.orderBy('seq').last();
  if (last?.seq !== undefined) await markSent(ctx, last.seq);
}

/** A LinkedIn clip of an invented person, as the capture command takes it (other fields empty). */
export function person(slug: string, name: string, more: Partial<CaptureInput> = {}): CaptureInput {
  return {
    slug,
    email: null,
    name,
    headline: null,
    title: null,
    company: null,
    location: null,
    photoUrl: null,
    linkedinUrl: `https://www.linkedin.com/in/${slug}/`,
    source: 'social_selling',
    ...more,
  };
}

/** A CSV of `n` invented people (Orang <i>, from `from`), each with an address and a LinkedIn URL, read for import. */
export function peopleFile(n: number, from = 0): ImportFile {
  const lines = ['Name,Email,LinkedIn URL'];
  for (let i = from; i < from + n; i++) lines.push(`Orang ${i},orang${i}@contoh.co.id,https://www.linkedin.com/in/orang-${i}/`);
  const r = readImportFile(lines.join('\n'));
  if (!r.ok) throw new Error(r.error.message);
  return r.file;
}
