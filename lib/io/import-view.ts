// What a dry run shows, made from an import plan: counts, the first problems and the first rows one
// by one. Small on purpose: the plan of a 100,000-row file holds every planned row, the view does not.
// Made in the background for a `previewImport` request and in the options page for its own dry run.
import type { ImportPlan, RowIssue, readImportFile } from './import-plan';
import type { ImportIssueView, ImportPreview, ImportRowView } from '../messaging/data-types';

const SAMPLE_CHARS = 60;

function issueView(i: RowIssue): ImportIssueView {
  const v: ImportIssueView = { row: i.row, line: i.line, column: i.column, code: i.code };
  if (i.value !== undefined) v.value = i.value;
  return v;
}

export const EMPTY_PREVIEW: Omit<ImportPreview, 'readError'> = {
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
export function previewOf(
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
