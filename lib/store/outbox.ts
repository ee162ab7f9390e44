import type { OutboxEntity, OutboxEntry } from '../model';
import { wellFormedDeep } from '../model/text';
import { formatHlc, tickHlc, type HlcState } from '../sync/hlc';
import type { StoreContext } from './context';
import { coalesce, SENT_THROUGH_KEY } from './outbox-coalesce';

const HLC_KEY = 'hlc';

/**
 * Whether this store queues changes for a server. The local pipeline (no team) never does: nothing
 * would ever send them, and bringing it into a team later reads the records themselves
 * (lib/sync/adopt.ts), so a queue there would only grow with every change ever made.
 */
export function queuesForSync(ctx: Pick<StoreContext, 'teamId' | 'queue'>): boolean {
  return ctx.queue ?? ctx.teamId !== 'local';
}

export async function sentThrough(ctx: StoreContext): Promise<number> {
  const v = (await ctx.db.meta.get(SENT_THROUGH_KEY))?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** Called by a push before it hands entries up to `seq` to the network: from then on they may be at the server. */
export async function markSent(ctx: StoreContext, seq: number): Promise<void> {
  if (seq > (await sentThrough(ctx))) await ctx.db.meta.put({ key: SENT_THROUGH_KEY, value: seq });
}

/**
 * Adds entries to the queue, coalesced with what is queued for the same records (at most one pending
 * entry per record field). Inside the transaction that writes the records (outbox and meta in it).
 */
export async function queueEntries(ctx: StoreContext, entries: readonly OutboxEntry[]): Promise<void> {
  if (!queuesForSync(ctx) || entries.length === 0) return;
  const ids = [...new Set(entries.filter((e) => e.op === 'upsert').map((e) => e.entityId))];
  const existing = ids.length ? (await ctx.db.outbox.where('entityId').anyOf(ids).toArray()).sort((a, b) => a.seq! - b.seq!) : [];
  if (existing.length === 0 && ids.length === entries.length && entries.every((e) => !e.seq)) {
    // New records only (a capture, an import's creations): nothing to coalesce with.
    await ctx.db.outbox.bulkAdd(entries as OutboxEntry[]);
    return;
  }
  const plan = coalesce(existing, entries, await sentThrough(ctx));
  if (plan.remove.length) await ctx.db.outbox.bulkDelete(plan.remove);
  if (plan.put.length) await ctx.db.outbox.bulkPut(plan.put);
  if (plan.add.length) await ctx.db.outbox.bulkAdd(plan.add);
}

/**
 * Queue a mutation. Must be called inside the transaction that writes the entity (the transaction
 * has to include `outbox` and `meta`), so nothing is captured without being queued for sync. In local
 * mode nothing is queued (queuesForSync).
 */
export async function enqueue(
  ctx: StoreContext,
  entity: OutboxEntity,
  op: OutboxEntry['op'],
  entityId: string,
  fields: Record<string, unknown>,
): Promise<void> {
  if (!queuesForSync(ctx)) return;
  const row = await ctx.db.meta.get(HLC_KEY);
  const prev = (row?.value as HlcState | undefined) ?? { millis: 0, counter: 0 };
  const next = tickHlc(prev, ctx.now());
  await ctx.db.meta.put({ key: HLC_KEY, value: next });
  await queueEntries(ctx, [
    {
      mutationId: ctx.newId(),
      entity,
      op,
      entityId,
      // Whatever a writer forgot to clean, the queue never carries text the server's jsonb refuses
      // (lone surrogates, NUL): one such change used to fail every sync_push behind it.
      fields: wellFormedDeep(fields),
      hlc: formatHlc(next, ctx.nodeId),
      createdAt: ctx.now(),
    },
  ]);
}
