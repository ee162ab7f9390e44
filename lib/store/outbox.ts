import type { OutboxEntity, OutboxEntry } from '../model';
import { wellFormedDeep } from '../model/text';
import { formatHlc, tickHlc, type HlcState } from '../sync/hlc';
import type { StoreContext } from './context';

const HLC_KEY = 'hlc';

/**
 * Queue a mutation. Must be called inside the transaction that writes the entity (the transaction
 * has to include `outbox` and `meta`), so nothing is captured without being queued for sync.
 */
export async function enqueue(
  ctx: StoreContext,
  entity: OutboxEntity,
  op: OutboxEntry['op'],
  entityId: string,
  fields: Record<string, unknown>,
): Promise<void> {
  const row = await ctx.db.meta.get(HLC_KEY);
  const prev = (row?.value as HlcState | undefined) ?? { millis: 0, counter: 0 };
  const next = tickHlc(prev, ctx.now());
  await ctx.db.meta.put({ key: HLC_KEY, value: next });
  await ctx.db.outbox.add({
    mutationId: ctx.newId(),
    entity,
    op,
    entityId,
    // Whatever a writer forgot to clean, the queue never carries text the server's jsonb refuses
    // (lone surrogates, NUL): one such change used to fail every sync_push behind it.
    fields: wellFormedDeep(fields),
    hlc: formatHlc(next, ctx.nodeId),
    createdAt: ctx.now(),
  });
}
