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
}
