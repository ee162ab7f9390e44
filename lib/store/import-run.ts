// An import as a page runs it (components/data/ImportPanel.tsx): the dry run and the import of a file
// already read, in slices, against a store the caller opened, reporting progress and stopping when
// cancelled. The background's `previewImport` / `applyImport` requests answer with the same views.
//
// Cancel, and a page closed mid-way, leave the store consistent and the rep told what is in: each slice
// is its own transaction (one big one would hold the prospects table, and every chip's lookup, for the
// whole file), so an import stops at a slice boundary with every row before it imported whole and
// nothing after it. It is resumable rather than rolled back: an import matches people by key, so
// running the same file again finds the rows already in unchanged and carries on with the rest, while
// rolling back would have to undo updates the rep or a teammate may have built on meanwhile.
import type { ImportFile } from '../io/import-plan';
import { previewOf } from '../io/import-view';
import type { ImportPreview, ImportResult } from '../messaging/data-types';
import type { StoreContext } from './context';
import { applyImport, previewImport, type ImportOptions, type ImportOutcome, type ImportRun } from './import';
import { listStages } from './queries';

/** What an import (whole or stopped) did, as the page words it. */
export function importResult(o: ImportOutcome): ImportResult {
  return {
    created: o.created.length,
    updated: o.updated.length,
    unchanged: o.plan.skipped.filter((s) => s.reason === 'unchanged').length + o.raced,
    duplicatesInFile: o.plan.skipped.filter((s) => s.reason === 'duplicate-in-file').length,
    skippedBadRows: o.plan.badRows,
  };
}

/** The dry run of a file: what importing it would do, as the page shows it. Writes nothing. */
export async function dryRun(ctx: StoreContext, file: ImportFile, options: ImportOptions, run?: ImportRun): Promise<ImportPreview> {
  const plan = await previewImport(ctx, file, options, run);
  const stageNames = Object.fromEntries((await listStages(ctx)).map((s) => [s.key, s.name]));
  return previewOf(file, plan, stageNames);
}

/** Imports the file (ImportError: refused whole, nothing written; ImportCancelled: stopped, see the top). */
export async function runImport(ctx: StoreContext, file: ImportFile, options: ImportOptions, run?: ImportRun): Promise<ImportResult> {
  return importResult(await applyImport(ctx, file, options, run));
}
