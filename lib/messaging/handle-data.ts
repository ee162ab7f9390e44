// Requests of the data feature: insights for a period, CSV export and import, JSON backup and restore.
import { forgetSearchIndex } from '../store/search-index';
import en from '../../public/_locales/en/messages.json';
import id from '../../public/_locales/id/messages.json';
import { followUpsCsv, parseBackup, prospectsCsv, touchesCsv, backupJson } from '../io/export';
import { companiesCsv } from '../io/export-companies';
import { readImportFile } from '../io/import-plan';
import { EMPTY_PREVIEW } from '../io/import-view';
import { computeInsights } from '../pipeline/analytics';
import type { StoreContext } from '../store/context';
import type { ImportOptions, ImportProgress, ImportRun } from '../store/import';
import { dryRun, runImport, TIMED_WRITES } from '../store/import-run';
import { listStages } from '../store/queries';
import { backupCounts, isOtherScope, readBackup, restoreBackup } from '../store/restore';
import { teamSettings } from '../store/settings';
import { validPeriod } from './data-schemas';
import type { InsightsView } from './data-types';
import type { ValidRequest } from './schemas';
import type { RequestType, ResponseMap } from './types';

type Catalogue = Record<string, { message: string } | undefined>;
const CATALOGUES: Record<string, Catalogue> = { en, id };
const ENGLISH: Catalogue = en;

/** The default stages' names in every language Jalur speaks: a file may use any of them. */
function defaultStageNames(key: string): string[] {
  return Object.values(CATALOGUES).flatMap((c) => c[`stage_${key}`]?.message ?? []);
}

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

/**
 * Written in slices sized by time, as the options page's import is (TIMED_WRITES: about 40 ms each),
 * since a chip's lookup waits for the one holding the prospects (a fixed row count was 220 ms a slice
 * on a 2-core laptop, lib/store/import.ts). The dry run's slices stay at 250 rows: planning is work
 * on the worker's own thread, which a chip's answer waits for too, and the page's 2,000 rows would
 * hold it longer.
 */
const IMPORT_RUN: ImportRun = { ...TIMED_WRITES, planChunk: 250, pause: breather, onProgress: (p) => progressListener(p) };

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
  const companies = await d.companies.toArray();
  if (req.kind === 'companies') {
    const people = new Map<string, string[]>();
    for (const p of live) if (p.companyId) people.set(p.companyId, [...(people.get(p.companyId) ?? []), stages.get(p.stageId) ?? '']);
    const accounts = companies.filter((c) => c.deletedAt === null).sort((a, b) => a.name.localeCompare(b.name));
    return { csv: companiesCsv(accounts, { people: (id) => people.get(id) ?? [] }), rows: accounts.length };
  }
  const byId = new Map(companies.map((c) => [c.id, c]));
  return { csv: prospectsCsv(live, { stageName: (sid) => stages.get(sid), company: (id) => byId.get(id) }), rows: live.length };
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
    case 'storeSource': {
      const stages = await listStages(ctx);
      return {
        database: ctx.db.name,
        userId: ctx.userId,
        teamId: ctx.teamId,
        nodeId: ctx.nodeId,
        stageNames: Object.fromEntries(stages.map((s) => [s.key, defaultStageNames(s.key)])),
      };
    }
    case 'storeWritten':
      // The write is the page's; being a mutation, the background refreshes the badge and views after it.
      // The search re-reads everything now rather than wait for the page's change reports to arrive.
      forgetSearchIndex(ctx.db.name);
      return {};
    case 'previewImport': {
      const read = readImportFile(req.text);
      if (!read.ok) return { ...EMPTY_PREVIEW, readError: { code: read.error.code, line: read.error.line } };
      return dryRun(ctx, read.file, importOptions(req), IMPORT_RUN);
    }
    case 'applyImport':
      return runImport(ctx, readFile(req.text), importOptions(req), IMPORT_RUN);
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
