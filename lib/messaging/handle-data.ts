// Requests of the data feature: insights for a period, CSV export and import, JSON backup and restore.
import en from '../../public/_locales/en/messages.json';
import id from '../../public/_locales/id/messages.json';
import { followUpsCsv, parseBackup, prospectsCsv, touchesCsv, backupJson } from '../io/export';
import { readImportFile, type ImportPlan, type RowIssue } from '../io/import-plan';
import { computeInsights } from '../pipeline/analytics';
import type { StoreContext } from '../store/context';
import { applyImport, previewImport, type ImportOptions, type ImportProgress, type ImportRun } from '../store/import';
import { listStages } from '../store/queries';
import { backupCounts, isOtherScope, readBackup, restoreBackup } from '../store/restore';
import { teamSettings } from '../store/settings';
import { validPeriod } from './data-schemas';
import type { ImportIssueView, ImportPreview, ImportRowView, InsightsView } from './data-types';
import type { ValidRequest } from './schemas';
import type { RequestType, ResponseMap } from './types';

type Catalogue = Record<string, { message: string } | undefined>;
const CATALOGUES: Record<string, Catalogue> = { en, id };
const ENGLISH: Catalogue = en;

/** The default stages' names in every language Jalur speaks: a file may use any of them. */
function defaultStageNames(key: string): string[] {
  return Object.values(CATALOGUES).flatMap((c) => c[`stage_${key}`]?.message ?? []);
}

const SAMPLE_CHARS = 60;

let progressListener: (p: ImportProgress) => void = () => undefined;

/** Where import progress goes (the background broadcasts it to the options page's progress bar). */
export function onImportProgress(listener: (p: ImportProgress) => void): void {
  progressListener = listener;
}

/**
 * A breather between two slices of an import. A timer, not a microtask, so the worker's event loop
 * delivers the messages that queued up meanwhile (a chip's lookup); and a few milliseconds rather
 * than none, because a lookup is several short reads in a row, each of which would otherwise queue
 * behind the import's next write transaction.
 */
const BREATHER_MS = 8;
const breather = () => new Promise<void>((resolve) => setTimeout(resolve, BREATHER_MS));

/** Rows per slice: a write transaction of tens of milliseconds on a slow laptop. */
const IMPORT_RUN: ImportRun = { chunk: 250, pause: breather, onProgress: (p) => progressListener(p) };

function issueView(i: RowIssue): ImportIssueView {
  const v: ImportIssueView = { row: i.row, line: i.line, column: i.column, code: i.code };
  if (i.value !== undefined) v.value = i.value;
  return v;
}

const EMPTY_PREVIEW: Omit<ImportPreview, 'readError'> = {
  header: [],
  samples: [],
  mapping: [],
  kind: 'generic',
  rows: 0,
  creates: 0,
  updates: 0,
  unchanged: 0,
  duplicatesInFile: 0,
  empty: 0,
  badRows: 0,
  errors: [],
  errorCount: 0,
  warnings: [],
  warningCount: 0,
  fileErrors: [],
  importable: false,
  rowViews: [],
  stageNames: {},
};

/** Rows the dry run shows one by one: enough to check a file by eye, small enough to send. */
export const ROW_VIEWS = 500;

/** The plan row by row, for the first ROW_VIEWS rows. */
function rowViewsOf(plan: ImportPlan): ImportRowView[] {
  const views = new Map<number, ImportRowView>();
  const inView = (row: number) => row <= ROW_VIEWS;
  for (const c of plan.creates) if (inView(c.row)) views.set(c.row, { row: c.row, line: c.line, outcome: 'new', name: c.record.name });
  for (const u of plan.updates)
    if (inView(u.row)) views.set(u.row, { row: u.row, line: u.line, outcome: 'update', name: u.currentName, changes: u.diff });
  for (const s of plan.skipped) {
    if (!inView(s.row)) continue;
    if (s.reason === 'empty') views.set(s.row, { row: s.row, line: s.line, outcome: 'empty', name: null });
    else if (s.reason === 'unchanged')
      views.set(s.row, { row: s.row, line: s.line, outcome: 'unchanged', name: plan.matchedNames.get(s.row) ?? null });
    else views.set(s.row, { row: s.row, line: s.line, outcome: 'duplicate', name: null, duplicateOfRow: s.duplicateOfRow });
  }
  for (const e of plan.errors) {
    if (!inView(e.row)) continue;
    const v = views.get(e.row);
    if (v?.outcome === 'error') v.issues!.push(issueView(e));
    // A warning-free row with an error never made it into the plan's other lists.
    else if (!v) views.set(e.row, { row: e.row, line: e.line, outcome: 'error', name: null, issues: [issueView(e)] });
  }
  return [...views.values()].sort((a, b) => a.row - b.row);
}

/** The plan made small: counts and the first problems, not every planned row. */
function previewOf(
  file: Extract<ReturnType<typeof readImportFile>, { ok: true }>['file'],
  plan: ImportPlan,
  stageNames: Record<string, string | null>,
): ImportPreview {
  const skipped = (reason: string) => plan.skipped.filter((s) => s.reason === reason).length;
  return {
    readError: null,
    header: file.header,
    samples: file.header.map((_, c) => {
      const cell = file.records.find((r) => (r.cells[c] ?? '').trim() !== '')?.cells[c] ?? '';
      return Array.from(cell.trim()).slice(0, SAMPLE_CHARS).join('');
    }),
    mapping: plan.mapping,
    kind: file.kind,
    rows: file.records.length,
    creates: plan.creates.length,
    updates: plan.updates.length,
    unchanged: skipped('unchanged'),
    duplicatesInFile: skipped('duplicate-in-file'),
    empty: skipped('empty'),
    badRows: plan.badRows,
    errors: plan.errors.map(issueView),
    errorCount: plan.errorCount,
    warnings: plan.warnings.map(issueView),
    warningCount: plan.warningCount,
    fileErrors: plan.fileErrors.map((f) => f.code),
    importable: plan.importable,
    rowViews: rowViewsOf(plan),
    stageNames,
  };
}

function importOptions(req: Extract<ValidRequest, { type: 'previewImport' | 'applyImport' }>): ImportOptions {
  return { mapping: req.mapping, skipBadRows: req.skipBadRows, defaultSource: req.defaultSource, stageNames: defaultStageNames };
}

function readFile(text: string) {
  const read = readImportFile(text);
  if (!read.ok) throw new Error(read.error.message);
  return read.file;
}

async function insights(ctx: StoreContext, req: Extract<ValidRequest, { type: 'insights' }>): Promise<InsightsView> {
  if (!validPeriod(req.from, req.to)) throw new Error('The period must end after it starts and span at most ten years');
  const d = ctx.db;
  const [stages, prospects, stageChanges, touches, settings] = await Promise.all([
    listStages(ctx),
    d.prospects.filter((p) => p.deletedAt === null).toArray(),
    d.stageChanges.toArray(),
    d.touches.toArray(),
    teamSettings(ctx),
  ]);
  const target = (req.targetPeriod && settings.targets[req.targetPeriod]) || null;
  const result = computeInsights({
    stages,
    prospects,
    stageChanges,
    touches,
    from: req.from,
    to: req.to,
    now: ctx.now(),
    target: target ? { currency: target.currency, amount: target.value } : null,
    defaultCurrency: settings.defaultCurrency,
  });
  const names = new Map(stages.map((s) => [s.id, s.name]));
  return {
    ...result,
    stages: result.stages.map((s) => ({ ...s, name: names.get(s.stageId) ?? null })),
    targetPeriod: req.targetPeriod,
    defaultCurrency: settings.defaultCurrency,
  };
}

async function exportCsv(ctx: StoreContext, req: Extract<ValidRequest, { type: 'exportCsv' }>): Promise<ResponseMap['exportCsv']> {
  const d = ctx.db;
  const prospects = await d.prospects.toArray();
  const names = new Map(prospects.map((p) => [p.id, p.name]));
  const prospectName = (pid: string) => names.get(pid);
  if (req.kind === 'followUps') {
    const rows = await d.followUps.toArray();
    return { csv: followUpsCsv(rows, { prospectName }), rows: rows.filter((f) => f.deletedAt === null).length };
  }
  if (req.kind === 'touches') {
    const rows = await d.touches.orderBy('occurredAt').toArray();
    return { csv: touchesCsv(rows, { prospectName }), rows: rows.length };
  }
  const catalogue = CATALOGUES[req.lang.slice(0, 2).toLowerCase()] ?? ENGLISH;
  const stages = new Map((await d.stages.toArray()).map((s) => [s.id, s.name ?? catalogue[`stage_${s.key}`]?.message ?? s.key]));
  const live = prospects.filter((p) => p.deletedAt === null).sort((a, b) => a.createdAt - b.createdAt);
  return { csv: prospectsCsv(live, { stageName: (sid) => stages.get(sid) }), rows: live.length };
}

export async function dispatchData(ctx: StoreContext, req: ValidRequest): Promise<ResponseMap[RequestType] | undefined> {
  switch (req.type) {
    case 'insights':
      return insights(ctx, req);
    case 'exportCsv':
      return exportCsv(ctx, req);
    case 'backup': {
      const backup = await readBackup(ctx);
      return { json: backupJson(backup), counts: backupCounts(backup) };
    }
    case 'backupSource':
      return { database: ctx.db.name, exportedAt: new Date(ctx.now()).toISOString() };
    case 'previewImport': {
      const read = readImportFile(req.text);
      if (!read.ok) return { ...EMPTY_PREVIEW, readError: { code: read.error.code, line: read.error.line } };
      const plan = await previewImport(ctx, read.file, importOptions(req), IMPORT_RUN);
      const stageNames = Object.fromEntries((await listStages(ctx)).map((s) => [s.key, s.name]));
      return previewOf(read.file, plan, stageNames);
    }
    case 'applyImport': {
      const { plan, created, updated, raced } = await applyImport(ctx, readFile(req.text), importOptions(req), IMPORT_RUN);
      return {
        created: created.length,
        updated: updated.length,
        unchanged: plan.skipped.filter((s) => s.reason === 'unchanged').length + raced,
        duplicatesInFile: plan.skipped.filter((s) => s.reason === 'duplicate-in-file').length,
        skippedBadRows: plan.badRows,
      };
    }
    case 'inspectBackup': {
      const parsed = parseBackup(req.text);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      const b = parsed.backup;
      return { ok: true, exportedAt: b.exportedAt, counts: backupCounts(b), otherScope: isOtherScope(ctx, b) };
    }
    case 'restoreBackup': {
      const parsed = parseBackup(req.text);
      if (!parsed.ok) throw new Error(parsed.error.message);
      return { counts: await restoreBackup(ctx, parsed.backup) };
    }
    default:
      return undefined;
  }
}
