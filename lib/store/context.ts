import type { JalurDb } from './db';

/** Everything a command needs from outside: the database, a clock and who is acting. */
export interface StoreContext {
  db: JalurDb;
  now: () => number;
  newId: () => string;
  userId: string;
  teamId: string;
  /** Device id, the tie-breaker in hybrid logical clocks. */
  nodeId: string;
  /**
   * Whether changes are queued for a server. Unset: a team's store queues, the local pipeline does not
   * (lib/store/outbox.ts queuesForSync). Set by tests of what a team would send.
   */
  queue?: boolean;
}
