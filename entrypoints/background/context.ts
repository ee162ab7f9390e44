import { browser } from 'wxt/browser';
import { openDb } from '../../lib/store/db';
import type { StoreContext } from '../../lib/store/context';
import { ensureSeeded } from '../../lib/store/seed';

const LOCAL = 'local';

let pending: Promise<StoreContext> | null = null;

/**
 * The worker may be stopped at any moment; everything it needs is re-read from storage on wake.
 * This promise is only a per-lifetime cache of the opened database.
 */
export function storeContext(): Promise<StoreContext> {
  pending ??= (async () => {
    const stored = await browser.storage.local.get('nodeId');
    let nodeId = typeof stored.nodeId === 'string' ? stored.nodeId : '';
    if (!nodeId) {
      nodeId = crypto.randomUUID().slice(0, 8);
      await browser.storage.local.set({ nodeId });
    }
    const ctx: StoreContext = {
      db: openDb('jalur'),
      now: () => Date.now(),
      newId: () => crypto.randomUUID(),
      userId: LOCAL,
      teamId: LOCAL,
      nodeId,
    };
    await ensureSeeded(ctx);
    return ctx;
  })();
  pending.catch(() => {
    pending = null;
  });
  return pending;
}
