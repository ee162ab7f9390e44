// The whole store of one scope as a backup, and back. A restore replaces every backed-up table in one
// transaction, so the store is either the backup or what it was before, never a mix; restoring a
// backup just made gives the same backup again (apart from its time).
import { BACKUP_TABLES, makeBackup, type Backup, type BackupTable } from '../io/export';
import type { StoreContext } from './context';
import { restorableBackup } from './intake';
import { invalidateOverdue } from './overdue';
import { queuesForSync } from './outbox';

/** `meta` rows that are caches derived from other tables, rebuilt on demand: not part of a backup. */
export const DERIVED_META: ReadonlySet<string> = new Set(['overdue']);

export class RestoreError extends Error {
  constructor(
    readonly code: 'other-scope',
    message: string,
  ) {
    super(message);
  }
}

function backedUp(ctx: StoreContext) {
  const d = ctx.db;
  return [d.stages, d.prospects, d.touches, d.followUps, d.stageChanges, d.outbox, d.meta, d.cadences, d.companies];
}

/** Everything in the store, read in one transaction so the tables agree with each other. */
export async function readBackup(ctx: StoreContext): Promise<Backup> {
  return ctx.db.transaction('r', backedUp(ctx), async () => {
    const d = ctx.db;
    const tables = {
      stages: await d.stages.toArray(),
      prospects: await d.prospects.toArray(),
      touches: await d.touches.toArray(),
      followUps: await d.followUps.toArray(),
      stageChanges: await d.stageChanges.toArray(),
      outbox: await d.outbox.toArray(),
      meta: (await d.meta.toArray()).filter((m) => !DERIVED_META.has(m.key)),
      cadences: await d.cadences.toArray(),
      companies: await d.companies.toArray(),
    };
    return makeBackup(tables, ctx.now());
  });
}

export function backupCounts(backup: Backup): Partial<Record<BackupTable, number>> {
  const counts: Partial<Record<BackupTable, number>> = {};
  for (const t of BACKUP_TABLES) {
    const rows = backup.tables[t];
    if (rows) counts[t] = rows.length;
  }
  return counts;
}

/**
 * Whether the backup holds another pipeline's rows (another team's, or the local one in a team): its
 * ids would then collide with what syncs for that team, so it is refused rather than mixed in.
 */
export function isOtherScope(ctx: StoreContext, backup: Backup): boolean {
  const t = backup.tables;
  const rows = [...t.stages, ...t.prospects, ...t.touches, ...t.followUps, ...t.stageChanges, ...(t.cadences ?? []), ...(t.companies ?? [])];
  return rows.some((r) => r.teamId !== ctx.teamId);
}

/** Replaces the store's content with the backup's, exactly; a backup without cadences or companies keeps the current ones. */
export async function restoreBackup(ctx: StoreContext, backup: Backup): Promise<Partial<Record<BackupTable, number>>> {
  backup = restorableBackup(backup); // one prospect per key, nothing unsendable queued (./intake.ts)
  if (isOtherScope(ctx, backup)) {
    throw new RestoreError('other-scope', 'This backup is of another pipeline; switch to it in the options to restore it.');
  }
  await ctx.db.transaction('rw', backedUp(ctx), async () => {
    const d = ctx.db;
    const t = backup.tables;
    await Promise.all([d.stages, d.prospects, d.touches, d.followUps, d.stageChanges, d.outbox, d.meta].map((table) => table.clear()));
    await d.stages.bulkAdd(t.stages);
    await d.prospects.bulkAdd(t.prospects);
    await d.touches.bulkAdd(t.touches);
    await d.followUps.bulkAdd(t.followUps);
    await d.stageChanges.bulkAdd(t.stageChanges);
    // A backup of the local pipeline from before it stopped queueing may still hold a queue: nothing would send it.
    if (queuesForSync(ctx)) await d.outbox.bulkAdd(t.outbox);
    await d.meta.bulkAdd(t.meta.filter((m) => !DERIVED_META.has(m.key)));
    if (t.cadences) {
      await d.cadences.clear();
      await d.cadences.bulkAdd(t.cadences);
    }
    // A backup from before companies went into backups keeps the store's companies.
    if (t.companies) {
      await d.companies.clear();
      await d.companies.bulkAdd(t.companies);
    }
    await invalidateOverdue(ctx);
  });
  return backupCounts(backup);
}
