// A "device" for sync tests: its own IndexedDB (fake-indexeddb, one factory per device), the real
// store commands, and the real sync engine talking through the real supabase-js to the stand-in.
import { randomUUID } from 'node:crypto';
import type { StoreContext } from '../../lib/store/context';
import { memoryDb } from '../unit/store-helpers';
import { syncOnce } from '../../lib/sync/engine';
import { pullAll } from '../../lib/sync/pull';
import { supabaseTransport } from '../../lib/sync/supabase-transport';
import type { SignedIn } from './helpers';

export interface Device {
  ctx: StoreContext;
  sync(): ReturnType<typeof syncOnce>;
  pending(): Promise<number>;
}

export async function device(member: SignedIn, teamId: string, node: string, clock: () => number = Date.now): Promise<Device> {
  const ctx: StoreContext = {
    db: memoryDb(`device-${node}-${randomUUID()}`),
    now: clock,
    newId: () => randomUUID(),
    userId: member.userId,
    teamId,
    nodeId: node,
  };
  const transport = supabaseTransport(member.client);
  // As options does before switching to a team: its stages and rows first.
  await pullAll(ctx, transport);
  return { ctx, sync: () => syncOnce(ctx, transport), pending: () => ctx.db.outbox.count() };
}
