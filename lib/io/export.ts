// Data out: CSV for spreadsheets (prospects, follow-ups, touches) and a JSON backup of the whole local
// database that a restore validates row by row before writing anything.
//
// CSV rules chosen here:
// - Headers are English and fixed, a file format rather than UI text: the import reads them back
//   (Name, Emails, LinkedIn URL, Stage, Deal value, Source…) whatever language the rep uses.
// - Timestamps are ISO 8601 in UTC (`2026-11-26T02:00:00.000Z`): unambiguous across time zones, sortable
//   as text, and read as dates by spreadsheets.
// - Tombstoned (deleted) prospects and follow-ups are left out; touches are append-only and all go out.
// - Several e-mail addresses share one cell, separated by "; " (the import splits them again).
// - Source and temperature are written as their keys (`social_selling`, `warm`) unless the caller passes
//   labels; the import reads keys and the English and Indonesian labels.
// - A BOM is written by default so Excel reads names with diacritics as UTF-8.

import { z } from 'zod';
import {
  CadenceSchema,
  FollowUpSchema,
  OutboxEntrySchema,
  ProspectSchema,
  StageChangeSchema,
  StageSchema,
  TouchSchema,
  type Cadence,
  type FollowUp,
  type OutboxEntry,
  type Prospect,
  type Source,
  type Stage,
  type StageChange,
  type Touch,
} from '../model';
import { CompanySchema, type Company as BackupCompany } from '../model/company';
import { toCsv, type CsvCell } from './csv';
import { PROSPECT_COMPANY_COLUMNS, prospectCompanyCells } from './export-companies';

export function isoTime(ms: number | null | undefined): string {
  return ms === null || ms === undefined ? '' : new Date(ms).toISOString();
}

export interface CsvExportOptions {
  /** Default true: Excel needs the byte-order mark to read UTF-8. */
  bom?: boolean;
}

/** A prospect as the exporter reads it; the deal value is optional until the model carries one. */
export type ExportProspect = Prospect;

export const PROSPECT_COLUMNS = [
  'Name',
  'Headline',
  'Title',
  'Company',
  // The account the person is linked to (./export-companies.ts): its LinkedIn slug, web domain and id.
  ...PROSPECT_COMPANY_COLUMNS,
  'Location',
  'Emails',
  'LinkedIn URL',
  'Source',
  'Temperature',
  'Stage',
  'Deal value',
  // The deal value's own currency (empty: the team's default), so an export imports back as it was.
  'Currency',
  'Score',
  'Last touch',
  'Touches',
  'Owner',
  'Created',
  'Updated',
  'ID',
] as const;

export interface ProspectExportOptions extends CsvExportOptions {
  /** The stage's display name in the rep's language (a renamed stage's own name); unknown ids give an empty cell. */
  stageName: (stageId: string) => string | undefined;
  sourceLabel?: (source: Source) => string;
  /** The person's account by id (absent: no account columns filled). */
  company?: (companyId: string) => import('../model/company').Company | undefined;
}

export function prospectRows(prospects: readonly ExportProspect[], options: ProspectExportOptions): CsvCell[][] {
  const rows: CsvCell[][] = [[...PROSPECT_COLUMNS]];
  for (const p of prospects) {
    if (p.deletedAt !== null) continue;
    rows.push([
      p.name,
      p.headline,
      p.title,
      p.company,
      ...prospectCompanyCells(p.companyId ? options.company?.(p.companyId) : undefined),
      p.location,
      p.emails.join('; '),
      p.linkedinUrl,
      options.sourceLabel ? options.sourceLabel(p.source) : p.source,
      p.temperature,
      options.stageName(p.stageId) ?? '',
      p.dealValue ?? null,
      p.currency ?? null,
      p.score,
      isoTime(p.lastTouchAt),
      p.touchCount,
      p.ownerId,
      isoTime(p.createdAt),
      isoTime(p.updatedAt),
      p.id,
    ]);
  }
  return rows;
}

export function prospectsCsv(prospects: readonly ExportProspect[], options: ProspectExportOptions): string {
  return toCsv(prospectRows(prospects, options), { bom: options.bom ?? true });
}

export const FOLLOW_UP_COLUMNS = [
  'Prospect',
  'Title',
  'Due',
  'Done',
  'Snoozed until',
  'Assignee',
  'Created',
  'Updated',
  'Prospect ID',
  'ID',
] as const;

export interface RelatedExportOptions extends CsvExportOptions {
  /** The prospect's name for a readable sheet; ids are written too, so an unknown one is only an empty name. */
  prospectName: (prospectId: string) => string | undefined;
}

export function followUpRows(followUps: readonly FollowUp[], options: RelatedExportOptions): CsvCell[][] {
  const rows: CsvCell[][] = [[...FOLLOW_UP_COLUMNS]];
  for (const f of followUps) {
    if (f.deletedAt !== null) continue;
    rows.push([
      options.prospectName(f.prospectId) ?? '',
      f.title,
      isoTime(f.dueAt),
      isoTime(f.doneAt),
      isoTime(f.snoozedUntil),
      f.assigneeId,
      isoTime(f.createdAt),
      isoTime(f.updatedAt),
      f.prospectId,
      f.id,
    ]);
  }
  return rows;
}

export function followUpsCsv(followUps: readonly FollowUp[], options: RelatedExportOptions): string {
  return toCsv(followUpRows(followUps, options), { bom: options.bom ?? true });
}

export const TOUCH_COLUMNS = ['Prospect', 'Occurred', 'Channel', 'Direction', 'Note', 'By', 'Created', 'Prospect ID', 'ID'] as const;

export function touchRows(touches: readonly Touch[], options: RelatedExportOptions): CsvCell[][] {
  const rows: CsvCell[][] = [[...TOUCH_COLUMNS]];
  for (const t of touches) {
    rows.push([
      options.prospectName(t.prospectId) ?? '',
      isoTime(t.occurredAt),
      t.channel,
      t.direction,
      t.note,
      t.byId,
      isoTime(t.createdAt),
      t.prospectId,
      t.id,
    ]);
  }
  return rows;
}

export function touchesCsv(touches: readonly Touch[], options: RelatedExportOptions): string {
  return toCsv(touchRows(touches, options), { bom: options.bom ?? true });
}

// ---------------------------------------------------------------------------------------------
// JSON backup

export const BACKUP_FORMAT = 'jalur-backup';
export const BACKUP_VERSION = 1;

/** Same shape as the store's meta rows (lib/store/db.ts), declared here so lib/io needs no database code. */
export const MetaRowSchema = z.object({ key: z.string().min(1), value: z.unknown() });
export type MetaRow = z.infer<typeof MetaRowSchema>;

// The table schemas are the model's own, so a restore accepts exactly what the store would write.
const TABLES = {
  stages: z.array(StageSchema),
  prospects: z.array(ProspectSchema),
  touches: z.array(TouchSchema),
  followUps: z.array(FollowUpSchema),
  stageChanges: z.array(StageChangeSchema),
  outbox: z.array(OutboxEntrySchema),
  meta: z.array(MetaRowSchema),
  // Added with the playbook; optional so a backup made before cadences existed still restores.
  cadences: z.array(CadenceSchema).optional(),
  // Companies as accounts; optional so a backup made before companies went into backups still restores
  // (the store's companies are then kept, as cadences are).
  companies: z.array(CompanySchema).optional(),
};
export type BackupTable = keyof typeof TABLES;
export const BACKUP_TABLES = Object.keys(TABLES) as BackupTable[];
/** Tables an older backup may lack: restoring it keeps what the store has in them. */
export const OPTIONAL_TABLES: ReadonlySet<BackupTable> = new Set(['cadences', 'companies']);

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime(),
  tables: z.object(TABLES),
});
export type Backup = z.infer<typeof BackupSchema>;

/** Each table's row schema, for checking rows one by one. */
export const ROW_SCHEMAS: Record<BackupTable, z.ZodType> = {
  stages: StageSchema,
  prospects: ProspectSchema,
  touches: TouchSchema,
  followUps: FollowUpSchema,
  stageChanges: StageChangeSchema,
  outbox: OutboxEntrySchema,
  meta: MetaRowSchema,
  cadences: CadenceSchema,
  companies: CompanySchema,
};

/** A backup with its rows unchecked: parseBackup checks them one by one. */
const BackupEnvelope = BackupSchema.extend({
  tables: z.object(
    Object.fromEntries(
      BACKUP_TABLES.map((t) => [t, OPTIONAL_TABLES.has(t) ? z.array(z.unknown()).optional() : z.array(z.unknown())]),
    ) as Record<BackupTable, z.ZodOptional<z.ZodArray<z.ZodUnknown>> | z.ZodArray<z.ZodUnknown>>,
  ),
});

export interface BackupTables {
  stages: readonly Stage[];
  prospects: readonly Prospect[];
  touches: readonly Touch[];
  followUps: readonly FollowUp[];
  stageChanges: readonly StageChange[];
  outbox: readonly OutboxEntry[];
  meta: readonly MetaRow[];
  cadences?: readonly Cadence[];
  companies?: readonly BackupCompany[];
}

/** Every row of every table, as read from the store. Rows are copied, not re-shaped, so a restore is exact. */
export function makeBackup(tables: BackupTables, now: number): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    tables: {
      stages: [...tables.stages],
      prospects: [...tables.prospects],
      touches: [...tables.touches],
      followUps: [...tables.followUps],
      stageChanges: [...tables.stageChanges],
      outbox: [...tables.outbox],
      meta: [...tables.meta],
      ...(tables.cadences ? { cadences: [...tables.cadences] } : {}),
      ...(tables.companies ? { companies: [...tables.companies] } : {}),
    },
  };
}

/** Compact JSON: a backup of 100,000 prospects is tens of megabytes already without indentation. */
export function backupJson(backup: Backup): string {
  return JSON.stringify(backup);
}

export type BackupErrorCode = 'not-json' | 'not-a-backup' | 'unsupported-version' | 'bad-file' | 'bad-row' | 'duplicate-key';

export interface BackupError {
  code: BackupErrorCode;
  /** English, for logs and tests; the UI words it from `code`, `table` and `index`. */
  message: string;
  table?: BackupTable;
  /** 0-based position of the row in its table. */
  index?: number;
  /** Field inside the row, e.g. `emails.0`. */
  path?: string;
  /** Rows with problems in the whole file, so the message can say "and 41 more". */
  problems?: number;
}

export type ParseBackupResult = { ok: true; backup: Backup } | { ok: false; error: BackupError };

/** The key that must be unique in each table: what IndexedDB would refuse twice. */
export const KEY_OF: Record<BackupTable, (row: Record<string, unknown>) => unknown> = {
  stages: (r) => r.id,
  prospects: (r) => r.id,
  touches: (r) => r.id,
  followUps: (r) => r.id,
  stageChanges: (r) => r.id,
  outbox: (r) => r.mutationId,
  meta: (r) => r.key,
  cadences: (r) => r.id,
  companies: (r) => r.id,
};

/** Validates a backup file completely before anything is restored; the first problem is the error. */
export function parseBackup(text: string): ParseBackupResult {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, error: { code: 'not-json', message: 'The file is not JSON.' } };
  }
  const head = data as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || Array.isArray(head) || head.format !== BACKUP_FORMAT) {
    return { ok: false, error: { code: 'not-a-backup', message: 'The file is not a Jalur backup.' } };
  }
  if (head.version !== BACKUP_VERSION) {
    const newer = typeof head.version === 'number' && head.version > BACKUP_VERSION;
    return {
      ok: false,
      error: {
        code: 'unsupported-version',
        message: newer
          ? `The backup was made by a newer Jalur (format version ${String(head.version)}); update Jalur to restore it.`
          : `Unknown backup format version ${JSON.stringify(head.version)}.`,
      },
    };
  }
  // The envelope first, then every row on its own with its table's schema. Parsing the whole file
  // with one schema collects every issue of every row, and zod gathers a table's issues into its
  // parent with push(...issues): tens of thousands of bad rows overflow the stack ("Maximum call stack
  // size exceeded") after minutes of work. Row by row, only the first problem is kept, and a count.
  const envelope = BackupEnvelope.safeParse(data);
  if (!envelope.success) {
    const first = envelope.error.issues[0]!;
    const where = first.path.map(String).join('.');
    return { ok: false, error: { code: 'bad-file', path: where, message: `${where || 'file'}: ${first.message}` } };
  }
  const tables: Record<string, unknown[]> = {};
  let firstBad: { table: BackupTable; index: number; path: string; message: string } | null = null;
  let problems = 0;
  for (const table of BACKUP_TABLES) {
    const rows = envelope.data.tables[table];
    if (rows === undefined) continue;
    const schema = ROW_SCHEMAS[table];
    const out: unknown[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = schema.safeParse(rows[i]);
      if (r.success) {
        out[i] = r.data;
        continue;
      }
      problems++;
      if (!firstBad) {
        const issue = r.error.issues[0]!;
        firstBad = { table, index: i, path: issue.path.map(String).join('.'), message: issue.message };
      }
    }
    tables[table] = out;
  }
  if (firstBad) {
    const { table, index, path, message } = firstBad;
    return {
      ok: false,
      error: { code: 'bad-row', table, index, path, problems, message: `${table} row ${index}${path ? `, ${path}` : ''}: ${message}` },
    };
  }
  const parsed = { data: { ...envelope.data, tables } as Backup };
  const backup = parsed.data;
  for (const table of BACKUP_TABLES) {
    const seen = new Set<unknown>();
    const rows = (backup.tables[table] ?? []) as Record<string, unknown>[];
    for (let i = 0; i < rows.length; i++) {
      const key = KEY_OF[table](rows[i]!);
      if (seen.has(key)) {
        return {
          ok: false,
          error: {
            code: 'duplicate-key',
            table,
            index: i,
            message: `${table} row ${i} repeats the key ${JSON.stringify(key)} of an earlier row.`,
          },
        };
      }
      seen.add(key);
    }
  }
  return { ok: true, backup };
}
