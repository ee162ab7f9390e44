import { DEFAULT_STAGES } from '../pipeline/default-stages';
import type { Stage } from '../model';
import type { StoreContext } from './context';
import { ensureDefaultCadence } from './playbook';

/** First run: the default pipeline and cadence of DESIGN.md §1. Idempotent, so every start-up may call it. */
export async function ensureSeeded(ctx: StoreContext): Promise<void> {
  await ctx.db.transaction('rw', ctx.db.stages, async () => {
    if ((await ctx.db.stages.count()) > 0) return;
    const now = ctx.now();
    const rows: Stage[] = DEFAULT_STAGES.map((t, i) => ({
      id: ctx.newId(),
      teamId: ctx.teamId,
      key: t.key,
      name: null,
      order: i,
      kind: t.kind,
      probability: t.probability,
      staleDays: t.staleDays,
      updatedAt: now,
      deletedAt: null,
    }));
    await ctx.db.stages.bulkAdd(rows);
  });
  await ensureDefaultCadence(ctx);
}
