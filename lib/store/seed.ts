import { DEFAULT_STAGES } from '../pipeline/default-stages';
import { defaultCadenceFor } from '../pipeline/default-cadence';
import type { Stage } from '../model';
import type { StoreContext } from './context';

/** The browser's UI language where there is one (extension worker or page), else English. */
function uiLanguage(): string {
  const chromeI18n = (globalThis as { chrome?: { i18n?: { getUILanguage?: () => string } } }).chrome?.i18n;
  try {
    return chromeI18n?.getUILanguage?.() ?? 'en';
  } catch {
    return 'en';
  }
}

/**
 * First run: the default pipeline and cadence of DESIGN.md §1, the cadence in the UI language.
 * Idempotent, so every start-up may call it.
 */
export async function ensureSeeded(ctx: StoreContext, lang: string = uiLanguage()): Promise<void> {
  // Every start-up but the first finds both: a read, so no write transaction queues in front of the
  // request that woke the worker.
  const [stages, cadences] = await Promise.all([ctx.db.stages.count(), ctx.db.cadences.count()]);
  if (stages > 0 && cadences > 0) return;
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
  // Local mode's first run only: a team gets its default cadence from the server.
  await ctx.db.transaction('rw', ctx.db.cadences, async () => {
    if ((await ctx.db.cadences.count()) > 0) return;
    await ctx.db.cadences.add({ ...defaultCadenceFor(lang), id: ctx.newId(), teamId: ctx.teamId, updatedAt: ctx.now(), deletedAt: null });
  });
}
