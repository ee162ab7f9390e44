// Sending the outbox: batches through sync_push, each entry removed only once the server has
// answered for it. A batch that gets no answer stays whole and is sent again with the same
// mutation ids, which the server recognises as duplicates (supabase/README.md "sync_push").
import type { OutboxEntry } from '../model';
import type { StoreContext } from '../store/context';
import { toWire } from './map-out';
import type { SyncTransport } from './transport';
import type { PushResult, WireMutation } from './wire';

export const PUSH_BATCH = 500;

/** A prospect this device created that the server says already exists under another id. */
export interface IdentityConflict {
  localId: string;
  remoteId: string;
}

export interface PushRound {
  sent: number;
  rejected: number;
  conflicts: IdentityConflict[];
}

function refersTo(e: OutboxEntry, ids: ReadonlySet<string>): boolean {
  return ids.has(e.entityId) || (typeof e.fields.prospectId === 'string' && ids.has(e.fields.prospectId));
}

const isCreate = (e: OutboxEntry) => e.entity === 'prospect' && e.op === 'upsert' && 'createdAt' in e.fields;

async function settle(ctx: StoreContext, entries: OutboxEntry[], results: Map<string, PushResult>): Promise<PushRound> {
  const conflicts: IdentityConflict[] = [];
  for (const e of entries) {
    const r = results.get(e.mutationId);
    if (r?.status === 'rejected' && r.code === 'conflict' && r.conflict_id && isCreate(e)) {
      conflicts.push({ localId: e.entityId, remoteId: r.conflict_id });
    }
  }
  const merging = new Set(conflicts.map((c) => c.localId));
  let rejected = 0;
  await ctx.db.transaction('rw', ctx.db.outbox, ctx.db.syncIssues, async () => {
    const done: number[] = [];
    for (const e of entries) {
      const r = results.get(e.mutationId);
      if (!r) continue;
      if (r.status !== 'rejected') {
        done.push(e.seq!);
        continue;
      }
      // What depended on a duplicate prospect is re-pointed at the server's one and sent again.
      if (refersTo(e, merging) && !(isCreate(e) && merging.has(e.entityId))) continue;
      done.push(e.seq!);
      if (isCreate(e) && merging.has(e.entityId)) continue;
      rejected++;
      await ctx.db.syncIssues.add({
        at: ctx.now(),
        mutationId: e.mutationId,
        entity: e.entity,
        entityId: e.entityId,
        code: r.code ?? 'rejected',
        reason: (r.reason ?? 'refused by the server').slice(0, 500),
      });
    }
    await ctx.db.outbox.bulkDelete(done);
  });
  return { sent: entries.length, rejected, conflicts };
}

/**
 * Pushes batches until the outbox is empty or a batch reveals identity conflicts (those need a pull
 * and a local merge first). Throws a SyncError when a call fails; the outbox is then unchanged.
 */
export async function pushOutbox(ctx: StoreContext, transport: SyncTransport, batchSize = PUSH_BATCH): Promise<PushRound> {
  const total: PushRound = { sent: 0, rejected: 0, conflicts: [] };
  for (;;) {
    const entries = await ctx.db.outbox.orderBy('seq').limit(batchSize).toArray();
    if (entries.length === 0) return total;
    const wire: WireMutation[] = [];
    const silent: number[] = [];
    const sendable: OutboxEntry[] = [];
    for (const e of entries) {
      const m = toWire(e);
      if (m) {
        wire.push(m);
        sendable.push(e);
      } else silent.push(e.seq!);
    }
    if (silent.length) await ctx.db.outbox.bulkDelete(silent);
    if (wire.length === 0) continue;
    const results = await transport.push(ctx.teamId, wire);
    const round = await settle(ctx, sendable, new Map(results.map((r) => [r.mutation_id, r])));
    total.sent += round.sent;
    total.rejected += round.rejected;
    if (round.conflicts.length) {
      total.conflicts.push(...round.conflicts);
      return total;
    }
  }
}

export function pendingCount(ctx: StoreContext): Promise<number> {
  return ctx.db.outbox.count();
}
