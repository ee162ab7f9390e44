// Requests of the data feature (issue 7): insights, CSV export and import, JSON backup and restore.
// Validated in the background like every request. File contents travel as strings in one message,
// capped (./data-types.ts) below what Chrome carries.
import { z } from 'zod';
import { MAX_BACKUP_CHARS, MAX_CSV_CHARS } from './data-types';
import { Source } from '../model/enums';
import { TargetPeriod } from '../model/settings';
import { ColumnMapping } from '../io/import-plan';
import { megabytes } from '../io/file-limits';

/** Ten years: more than any period a chooser offers, and it keeps a typo from meaning "since 1970". */
const MAX_PERIOD_MS = 3660 * 86_400_000;

const Millis = z.number().int().min(0).max(8.64e15);
const csvText = z.string().max(MAX_CSV_CHARS, `The file is too large to import (at most ${megabytes(MAX_CSV_CHARS)})`);
const backupText = z.string().max(MAX_BACKUP_CHARS, `The file is too large to restore (at most ${megabytes(MAX_BACKUP_CHARS)})`);

const importOptions = {
  text: csvText,
  /** The rep's column mapping; absent: the guessed one. */
  mapping: ColumnMapping.max(1000).optional(),
  skipBadRows: z.boolean(),
  defaultSource: Source.optional(),
};

export const DATA_REQUESTS = [
  z.object({
    type: z.literal('insights'),
    from: Millis,
    to: Millis,
    /** The target key the period corresponds to (2026, 2026-Q4, 2026-11), null when it is no calendar period. */
    targetPeriod: TargetPeriod.nullable(),
  }),
  z.object({
    type: z.literal('exportCsv'),
    kind: z.enum(['prospects', 'followUps', 'touches', 'companies']),
    /** The rep's UI language, for stage names in the sheet. */
    lang: z.string().max(35),
  }),
  z.object({ type: z.literal('backup') }),
  /** Where the options page reads a backup from itself, page by page (no message carries the data). */
  z.object({ type: z.literal('backupSource') }),
  /**
   * What the options page needs to import or restore a file itself, reading and writing the store
   * directly in slices (components/data/page-store.ts): no message carries the file or its rows.
   */
  z.object({ type: z.literal('storeSource') }),
  /** The options page wrote to the store itself (an import, a restore): badge and views refresh, sync goes out. */
  z.object({ type: z.literal('storeWritten') }),
  z.object({ type: z.literal('previewImport'), ...importOptions }),
  z.object({ type: z.literal('applyImport'), ...importOptions }),
  z.object({ type: z.literal('inspectBackup'), text: backupText }),
  z.object({ type: z.literal('restoreBackup'), text: backupText }),
] as const;

/** Checked apart from the shape: a period must end after it starts and not span decades. */
export function validPeriod(from: number, to: number): boolean {
  return to > from && to - from <= MAX_PERIOD_MS;
}

/** The data requests that only read (see isMutation in ./schemas.ts). */
export const DATA_QUERIES: readonly string[] = ['insights', 'exportCsv', 'backup', 'backupSource', 'storeSource', 'previewImport', 'inspectBackup'];
