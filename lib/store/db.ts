import Dexie, { type EntityTable } from 'dexie';
import type { FollowUp, OutboxEntry, Prospect, Stage, StageChange, Touch } from '../model';

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
};

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
  return db;
}
