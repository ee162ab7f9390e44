// Plain message types of the data feature (content scripts may import types; no zod here).
import type { BackupError, BackupTable } from '../io/export';
import type { FieldChange, FileIssueCode, ImportField, IssueCode } from '../io/import-plan';
import type { Source } from '../model/enums';
import type { Insights, StageInsight } from '../pipeline/analytics';
import { MAX_FILE_BYTES } from '../io/file-limits';

/**
 * A CSV file as text. A file of n bytes decodes to at most n characters, so the options page's check
 * of the file's size (lib/io/file-limits.ts) keeps every file it reads under this cap.
 */
export const MAX_CSV_CHARS = MAX_FILE_BYTES.csv;
/**
 * A JSON backup as text in an `inspectBackup` / `restoreBackup` message. Chrome refuses a runtime
 * message over 64 MiB; the options page restores bigger files itself, as a stream.
 */
export const MAX_BACKUP_CHARS = 60_000_000;

export type ExportKind = 'prospects' | 'followUps' | 'touches' | 'companies';

interface ImportOptions {
  text: string;
  mapping?: (ImportField | null)[];
  skipBadRows: boolean;
  defaultSource?: Source;
}

export type DataRequest =
  | { type: 'insights'; from: number; to: number; targetPeriod: string | null }
  | { type: 'exportCsv'; kind: ExportKind; lang: string }
  | { type: 'backup' }
  | { type: 'backupSource' }
  | { type: 'storeSource' }
  | { type: 'storeWritten' }
  | ({ type: 'previewImport' } & ImportOptions)
  | ({ type: 'applyImport' } & ImportOptions)
  | { type: 'inspectBackup'; text: string }
  | { type: 'restoreBackup'; text: string };

export interface InsightsView extends Omit<Insights, 'stages'> {
  /** Stages in pipeline order, with the team's own name (null: the localised default). */
  stages: Array<StageInsight & { name: string | null }>;
  targetPeriod: string | null;
  /** Values are per currency (never converted); a deal without a currency counted in this one. */
  defaultCurrency: string;
}

/** One row problem as the preview shows it; the UI words it from `code`. */
export interface ImportIssueView {
  row: number;
  line: number;
  column: string | null;
  code: IssueCode;
  value?: string;
}

/** One row of the dry run: what importing would do with it. */
export interface ImportRowView {
  row: number;
  line: number;
  outcome: 'new' | 'update' | 'unchanged' | 'duplicate' | 'error' | 'empty';
  /** The person's name: from the file for a new one, as it is now for a match. */
  name: string | null;
  /** For an update: each field, what it holds now and what it would hold. */
  changes?: FieldChange[];
  duplicateOfRow?: number;
  /** For a row with errors: its problems (the first of the file's, as in `errors`). */
  issues?: ImportIssueView[];
}

export interface ImportPreview {
  /** The file could not be read at all (the rest is empty then). */
  readError: { code: 'unterminated-quote' | 'empty-file'; line: number } | null;
  header: string[];
  /** The first non-empty value of each column, cut short, to help the rep map it. */
  samples: string[];
  mapping: (ImportField | null)[];
  kind: 'linkedin-connections' | 'generic';
  rows: number;
  creates: number;
  updates: number;
  /** Already in the pipeline with nothing new: duplicates of existing prospects. */
  unchanged: number;
  /** Later rows naming a person an earlier row of the file already names. */
  duplicatesInFile: number;
  empty: number;
  badRows: number;
  /** The first errors (at most 200), in row order; `errorCount` says how many in all. */
  errors: ImportIssueView[];
  errorCount: number;
  warnings: ImportIssueView[];
  warningCount: number;
  fileErrors: FileIssueCode[];
  importable: boolean;
  /** The dry run row by row, for the first rows of the file (`rows` says how many there are). */
  rowViews: ImportRowView[];
  /** The team's own stage names by key (null: the localised default), to word stage moves. */
  stageNames: Record<string, string | null>;
}

/**
 * Broadcast by the background to extension pages while a preview or an import runs (never to
 * content scripts: runtime.sendMessage does not reach them): rows done of the file's rows.
 */
export interface ImportProgressNotice {
  type: 'importProgress';
  phase: 'checking' | 'importing';
  done: number;
  total: number;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  duplicatesInFile: number;
  skippedBadRows: number;
}

/** The store the rep works in, for an extension page that opens it itself (same origin, same IndexedDB). */
export interface StoreSource {
  database: string;
  userId: string;
  teamId: string;
  /** The device's id in hybrid logical clocks, so the page's outbox entries are this device's. */
  nodeId: string;
  /** Every name a file may give each stage by key: the default names in each language Jalur speaks. */
  stageNames: Record<string, string[]>;
}

export type BackupCounts = Partial<Record<BackupTable, number>>;

export type BackupCheck = { ok: true; exportedAt: string; counts: BackupCounts; otherScope: boolean } | { ok: false; error: BackupError };

export interface DataResponses {
  insights: InsightsView;
  exportCsv: { csv: string; rows: number };
  backup: { json: string; counts: BackupCounts };
  /** The IndexedDB database of the pipeline the rep works in, and the backup's time. */
  backupSource: { database: string; exportedAt: string };
  storeSource: StoreSource;
  storeWritten: Record<string, never>;
  previewImport: ImportPreview;
  applyImport: ImportResult;
  inspectBackup: BackupCheck;
  restoreBackup: { counts: BackupCounts };
}
