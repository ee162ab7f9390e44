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
//
// The dry run's plan is kept (DryRun.planned) and handed to the import: while no prospect was written
// since, the import writes it as it is instead of planning the whole file again.
import type { ImportFile } from '../io/import-plan';
import { previewOf } from '../io/import-view';
import type { ImportPreview, ImportResult } from '../messaging/data-types';
import type { StoreContext } from './context';
import { applyImport, planned as planImportNow, type ImportOptions, type ImportOutcome, type ImportProgress, type ImportRun, type PlannedImport } from './import';
import { listStages } from './queries';

/**
 * Write slices sized by time, wherever an import runs (the options page, the background's
 * `applyImport`): about 40 ms each, as many rows as the last slices' pace fits, 100 to 1,000
 * (nextSliceRows in ./import). One short transaction each, so a chip's lookup waits for one slice at
 * most on a fast or a busy machine alike, and never so few rows that commits cost more than the rows.
 */
export const TIMED_WRITES = { chunk: 1000, sliceMs: 40 } as const satisfies ImportRun;

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

/** A dry run as the page shows it, and the plan behind it for the import to reuse. */
export interface DryRun {
  preview: ImportPreview;
  planned: PlannedImport;
}

/** The dry run of a file, keeping its plan (see the top). Writes nothing. */
export async function checkImport(ctx: StoreContext, file: ImportFile, options: ImportOptions, run?: ImportRun): Promise<DryRun> {
  const planned = await planImportNow(ctx, file, options, run);
  const stageNames = Object.fromEntries((await listStages(ctx)).map((s) => [s.key, s.name]));
  return { preview: previewOf(file, planned.plan, stageNames), planned };
}

/** The dry run of a file: what importing it would do, as the page shows it. Writes nothing. */
export async function dryRun(ctx: StoreContext, file: ImportFile, options: ImportOptions, run?: ImportRun): Promise<ImportPreview> {
  return (await checkImport(ctx, file, options, run)).preview;
}

/**
 * Imports the file (ImportError: refused whole, nothing written; ImportCancelled: stopped, see the top).
 * Given the dry run's plan, it is reused while the prospects are as they were when it was made.
 */
export async function runImport(ctx: StoreContext, file: ImportFile, options: ImportOptions, run?: ImportRun, planned?: PlannedImport): Promise<ImportResult> {
  return importResult(await applyImport(ctx, file, options, run, planned));
}

/**
 * An import's progress as it goes, for the one part of a page that shows it. The page hands `set` to
 * the run (ImportRun.onProgress) instead of keeping the progress in its own state: a 100,000-row import
 * reports after each of its ~1,000 slices, and re-rendering the whole import panel each time (the
 * column mapping, the dry run's table of rows, each label a chrome.i18n lookup) was about 10 ms of the
 * page's thread a slice on the 2-core machine, spent between two slices while the database waited.
 * Listeners are told every value, in order: the line a rep reads is the rows committed so far.
 */
export class ProgressFeed {
  private value: ImportProgress | null = null;
  private readonly listeners = new Set<(p: ImportProgress | null) => void>();
  get current(): ImportProgress | null {
    return this.value;
  }
  readonly set = (p: ImportProgress | null): void => {
    this.value = p;
    for (const l of this.listeners) l(p);
  };
  /** Tells `listener` each new value from now on; returns how to stop. */
  subscribe(listener: (p: ImportProgress | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
