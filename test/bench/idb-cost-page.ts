// Runs in a page (bundled by scripts/idb-cost.mts): what one IndexedDB write of a prospect costs in this
// Chromium, by variant — Jalur's real indexes, fewer, none; durability; transaction size; value size;
// packed rows; Dexie with the store's middleware; a dedicated worker. Each variant writes into a fresh
// database and reports milliseconds for `n` rows.
import Dexie from 'dexie';
import { openDb } from '../../lib/store/db';

const PROSPECT_INDEXES = ['slug', 'emails', 'memberId', 'stageId', 'updatedAt', 'name', 'companyId'] as const;

export function prospect(i: number, now = 1_780_000_000_000): Record<string, unknown> {
  return {
    id: `00000000-0000-4000-8001-${String(i).padStart(12, '0')}`,
    teamId: 'local',
    slug: `orang-contoh-${i}`,
    emails: [`orang.contoh${i}@perusahaan${i % 997}.co.id`],
    name: `Orang Contoh ${i}`,
    headline: null,
    title: 'Head of Procurement',
    company: `Perusahaan Contoh ${i % 997}`,
    location: 'Jakarta, Indonesia',
    photoUrl: null,
    linkedinUrl: `https://www.linkedin.com/in/orang-contoh-${i}/`,
    source: 'social_selling',
    temperature: 'cold',
    temperatureSet: false,
    stageId: '11111111-1111-4111-8111-111111111111',
    stageEnteredAt: now,
    score: 25,
    scoreBreakdown: [
      { rule: 'seniority', points: 15, detail: 'head' },
      { rule: 'source', points: 10, detail: 'social_selling' },
    ],
    ownerId: 'local-user',
    mqlAt: null,
    sqlAt: null,
    sqlChecklist: {},
    scoreAdjustment: 0,
    enrolment: null,
    dealValue: null,
    currency: null,
    lostReason: null,
    lastTouchAt: null,
    touchCount: 0,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    memberId: null,
    companyId: null,
  };
}

function done(r: IDBRequest | IDBTransaction, ev: 'success' | 'complete'): Promise<void> {
  return new Promise((res, rej) => {
    r.addEventListener(ev, () => res());
    r.addEventListener('error', () => rej((r as IDBRequest).error));
    r.addEventListener('abort', () => rej((r as IDBTransaction).error));
  });
}

async function freshDb(name: string, indexes: readonly string[]): Promise<IDBDatabase> {
  await done(indexedDB.deleteDatabase(name) as unknown as IDBRequest, 'success');
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => {
    const s = req.result.createObjectStore('prospects', { keyPath: 'id' });
    for (const i of indexes) s.createIndex(i, i, { multiEntry: i === 'emails' });
    req.result.createObjectStore('packs', { keyPath: 'id' });
  };
  await done(req, 'success');
  return req.result;
}

export interface Variant {
  indexes?: readonly string[];
  durability?: 'default' | 'relaxed' | 'strict';
  /** Rows per transaction (default: all in one). */
  perTx?: number;
  /** Store only a small value (id, slug, emails, name). */
  small?: boolean;
  /** Rows per packed record (one put carries this many prospects). */
  pack?: number;
  /** put instead of add. */
  put?: boolean;
  /** Report only the time spent issuing the requests (the page's own share). */
  issue?: boolean;
}

export async function rawWrite(n: number, v: Variant): Promise<number> {
  const db = await freshDb(`cost-${Math.random()}`, v.indexes ?? PROSPECT_INDEXES);
  const rows = Array.from({ length: n }, (_, i) => {
    const p = prospect(i);
    return v.small ? { id: p.id, slug: p.slug, emails: p.emails, name: p.name } : p;
  });
  const t0 = performance.now();
  const per = v.perTx ?? n;
  let issued = 0;
  for (let start = 0; start < n; start += per) {
    const tx = db.transaction(v.pack ? ['packs'] : ['prospects'], 'readwrite', { durability: v.durability ?? 'default' });
    const fin = done(tx, 'complete');
    const end = Math.min(n, start + per);
    if (v.pack) {
      const s = tx.objectStore('packs');
      for (let i = start; i < end; i += v.pack) s.put({ id: i, rows: rows.slice(i, Math.min(end, i + v.pack)) });
    } else {
      const s = tx.objectStore('prospects');
      const t = performance.now();
      for (let i = start; i < end; i++) (v.put ? s.put(rows[i]) : s.add(rows[i]));
      issued += performance.now() - t;
    }
    await fin;
  }
  const ms = performance.now() - t0;
  db.close();
  indexedDB.deleteDatabase(db.name);
  return v.issue ? issued : ms;
}

/** Dexie bulkAdd through openDb (the change-stamp middleware and all), in slices of `perTx`. */
export async function dexieWrite(n: number, perTx: number, durability?: 'relaxed'): Promise<number> {
  const name = `cost-dexie-${Math.random()}`;
  const db = openDb(name);
  if (durability) (db as unknown as { _options: { chromeTransactionDurability: string } })._options.chromeTransactionDurability = durability;
  await db.open();
  const rows = Array.from({ length: n }, (_, i) => prospect(i));
  const t0 = performance.now();
  for (let start = 0; start < n; start += perTx) {
    await db.transaction('rw', [db.prospects, db.caches], () => db.prospects.bulkAdd(rows.slice(start, start + perTx) as never));
  }
  const ms = performance.now() - t0;
  db.close();
  await Dexie.delete(name);
  return ms;
}

/** Reads back n rows: getAll in pages of `page` by primary key. */
export async function rawRead(n: number, page: number): Promise<{ write: number; read: number }> {
  const db = await freshDb(`cost-r-${Math.random()}`, PROSPECT_INDEXES);
  const t0 = performance.now();
  const tx = db.transaction(['prospects'], 'readwrite', { durability: 'relaxed' });
  const s = tx.objectStore('prospects');
  for (let i = 0; i < n; i++) s.add(prospect(i));
  await done(tx, 'complete');
  const t1 = performance.now();
  const rt = db.transaction(['prospects'], 'readonly');
  const rs = rt.objectStore('prospects');
  let after: IDBValidKey | null = null;
  let got = 0;
  for (;;) {
    const req = rs.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), page);
    await done(req, 'success');
    const rows = req.result as Array<{ id: string }>;
    got += rows.length;
    if (rows.length < page) break;
    after = rows.at(-1)!.id;
  }
  const t2 = performance.now();
  db.close();
  indexedDB.deleteDatabase(db.name);
  if (got !== n) throw new Error(`read ${got} of ${n}`);
  return { write: t1 - t0, read: t2 - t1 };
}

const api = { rawWrite, dexieWrite, rawRead };
(globalThis as unknown as { __cost: typeof api }).__cost = api;
// In a dedicated worker: answer {fn, args} messages with the result.
if (typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined') {
  addEventListener('message', (e: MessageEvent<{ fn: keyof typeof api; args: unknown[] }>) => {
    (api[e.data.fn] as (...a: unknown[]) => Promise<unknown>)(...e.data.args).then(
      (r) => postMessage({ ok: r }),
      (err: unknown) => postMessage({ err: String(err) }),
    );
  });
}
