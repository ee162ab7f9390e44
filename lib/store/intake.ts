// The prospect intake (lib/model/prospect-intake.ts) for the bulk ways rows enter the store: a restored
// backup and a local pipeline brought into a team. Single rows (capture, update) go through
// commands.ts; CSV imports and pulled rows parse with the same ProspectSchema.
import type { Backup } from '../io/export';
import { IntakeError, clashMessage, identityClashes } from '../model/prospect-intake';
import { wellFormedDeep } from '../model/text';

/**
 * A parsed backup made safe to restore, or IntakeError('duplicate-identity') naming the rows.
 *
 * Decision: a backup holding two live prospects with one LinkedIn profile or one e-mail address is
 * refused, not merged. A restore promises the pipeline exactly as it was; choosing which of two people
 * survives (and moving touches between them) is the rep's call, so the message names both rows.
 *
 * Rows were parsed with the model's schemas (cleaned text, LinkedIn-only URLs, CDN-only photos) by
 * parseBackup; what those schemas do not look into — queued changes and meta values — is made
 * well-formed here, so a crafted backup cannot plant a change that every later sync_push trips on.
 */
export function restorableBackup(backup: Backup): Backup {
  const clashes = identityClashes(backup.tables.prospects);
  if (clashes.length) throw new IntakeError('duplicate-identity', `This backup cannot be restored. ${clashMessage(clashes)}`);
  const t = backup.tables;
  const outbox = wellFormedDeep(t.outbox);
  const meta = wellFormedDeep(t.meta);
  return outbox === t.outbox && meta === t.meta ? backup : { ...backup, tables: { ...t, outbox, meta } };
}
