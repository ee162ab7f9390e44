import Dexie, { type EntityTable } from 'dexie';
import {
  FOLLOW_UP_CADENCE_DEFAULTS,
  PROSPECT_PLAYBOOK_DEFAULTS,
  type Cadence,
  type FollowUp,
  type OutboxEntry,
  type Prospect,
  type Stage,
  type StageChange,
  type Touch,
} from '../model';
import type { Company } from '../model/company';
import { LOCAL_DB } from '../sync/scope';
import { compactOutbox, SENT_THROUGH_KEY } from './outbox-coalesce';
import { changeStamp } from './change-stamp';

/** How many entries a push sent at once before version 6 recorded what was sent (lib/sync/push.ts). */
const PUSH_BATCH_BEFORE_V6 = 500;

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A mutation the server refused: kept for the rep to see, never silently dropped. */
export interface SyncIssue {
  id?: number;
  at: number;
  mutationId: string;
  entity: string;
  entityId: string;
  code: string;
  reason: string;
}

export type JalurDb = Dexie & {
  stages: EntityTable<Stage, 'id'>;
  prospects: EntityTable<Prospect, 'id'>;
  touches: EntityTable<Touch, 'id'>;
  followUps: EntityTable<FollowUp, 'id'>;
  stageChanges: EntityTable<StageChange, 'id'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  meta: EntityTable<MetaRow, 'key'>;
  syncIssues: EntityTable<SyncIssue, 'id'>;
  cadences: EntityTable<Cadence, 'id'>;
  companies: EntityTable<Company, 'id'>;
  caches: EntityTable<CacheRow, 'key'>;
};

/** Derived data kept across worker restarts, valid only while its stamp matches (./change-stamp.ts). */
export interface CacheRow {
  key: string;
  value: unknown;
}

export interface IdbEnv {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

/**
 * The local store. Indexes: identity keys (slug, multi-entry e-mails) for the capture/lookup path,
 * stage for the board, and [assigneeId+openDueAt] so the badge counts overdue follow-ups by range.
 */
export function openDb(name: string, env?: IdbEnv): JalurDb {
  const db = new Dexie(name, env ? { indexedDB: env.indexedDB, IDBKeyRange: env.IDBKeyRange } : undefined) as JalurDb;
  db.version(1).stores({
    stages: 'id, key, order',
    prospects: 'id, slug, *emails, stageId, updatedAt, name',
    touches: 'id, prospectId, occurredAt',
    followUps: 'id, prospectId, [assigneeId+openDueAt]',
    stageChanges: 'id, prospectId, changedAt',
    outbox: '++seq, mutationId',
    meta: 'key',
  });
  // entityId: a pulled row looks up its own unpushed edits without scanning the outbox.
  db.version(2).stores({ syncIssues: '++id, at', outbox: '++seq, mutationId, entityId' });
  // The playbook: cadences, and the gate, score-adjustment, enrolment and deal fields on stored rows.
  db.version(3)
    .stores({ cadences: 'id' })
    .upgrade(async (tx) => {
      await tx
        .table('prospects')
        .toCollection()
        .modify((p: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(PROSPECT_PLAYBOOK_DEFAULTS)) if (!(k in p)) p[k] = v;
        });
      await tx
        .table('followUps')
        .toCollection()
        .modify((f: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(FOLLOW_UP_CADENCE_DEFAULTS)) if (!(k in f)) f[k] = v;
        });
    });
  // LinkedIn member id: the third identity key (an index hit like slug and e-mail); rows stored before it read as null.
  db.version(4)
    .stores({ prospects: 'id, slug, *emails, memberId, stageId, updatedAt, name' })
    .upgrade(async (tx) => {
      await tx
        .table('prospects')
        .toCollection()
        .modify((p: Record<string, unknown>) => {
          if (!('memberId' in p)) p.memberId = null;
        });
    });
  // Companies as accounts: looked up by LinkedIn slug (the chip) and name (matching people to them);
  // companyId on prospects lists an account's people without a scan.
  db.version(5).stores({
    companies: 'id, slug, name, updatedAt',
    prospects: 'id, slug, *emails, memberId, stageId, updatedAt, name, companyId',
  });
  // The outbox holds only what a team needs (lib/store/outbox.ts): the local pipeline's queue, which
  // nothing ever sent, is emptied; a team's is compacted to one pending entry per record field.
  // caches: what a cold worker would otherwise rebuild from every row (./change-stamp.ts).
  db.version(6)
    .stores({ caches: 'key' })
    .upgrade(async (tx) => {
      const outbox = tx.table<OutboxEntry, number>('outbox');
      if (name === LOCAL_DB) return outbox.clear();
      const entries = await outbox.toArray();
      if (entries.length === 0) return;
      // A worker stopped mid-push may have sent the head of the queue (one batch) without hearing back.
      const sentThrough = entries[Math.min(entries.length, PUSH_BATCH_BEFORE_V6) - 1]!.seq!;
      const plan = compactOutbox(entries, sentThrough);
      await outbox.bulkDelete(plan.remove);
      await outbox.bulkPut(plan.put);
      await tx.table('meta').put({ key: SENT_THROUGH_KEY, value: sentThrough });
    });
  db.use(changeStamp);
  return db;
}
