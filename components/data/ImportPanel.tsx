import { useEffect, useRef, useState } from 'preact/hooks';
import { checkFileSize } from '../../lib/io/file-limits';
import { SourceOptions } from '../shared/SourceOptions';
import { IMPORT_FIELDS, readImportFile, type ImportField, type ImportFile } from '../../lib/io/import-plan';
import { EMPTY_PREVIEW } from '../../lib/io/import-view';
import type { ImportPreview, ImportResult } from '../../lib/messaging/data-types';
import type { Source } from '../../lib/model/enums';
import { ImportCancelled, type ImportProgress, type ImportRun, type PlannedImport } from '../../lib/store/import';
import { checkImport, importResult, ProgressFeed, runImport, TIMED_WRITES } from '../../lib/store/import-run';
import { nextTurn, openPageStore, storeWritten, type PageStore } from './page-store';
import { listenForLookups, yieldingToLookups } from '../../lib/messaging/lookups-in-flight';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';
import { t, uiLocale } from '../shared/i18n';
import { readText } from './download';
import { ImportSummary } from './ImportSummary';
import { FIELD_NAMES } from './wording';

// One formatter for the page: made anew per call it was a good part of each progress line's render.
let counts: { locale: string; format: Intl.NumberFormat } | null = null;
const formatCount = (n: number) => {
  const locale = uiLocale();
  if (counts?.locale !== locale) counts = { locale, format: new Intl.NumberFormat(locale) };
  return counts.format.format(n);
};

interface Choice {
  mapping?: (ImportField | null)[];
  skipBadRows: boolean;
  defaultSource?: Source;
}

/**
 * Written slices of about 40 ms each (as many rows as the last slices' pace fits, 100 to 1,000): one
 * short transaction each, so a chip's lookup (a few reads in the background) waits at most one slice;
 * never under 100 rows, where commits would cost more than the rows (lib/store/import.ts); the same
 * as the background's import (TIMED_WRITES). The dry run writes nothing and takes bigger slices.
 */
export const PAGE_IMPORT = { ...TIMED_WRITES, planChunk: 2000 } as const;

/** CSV in: choose a file, check how its columns map, see what would happen, then import it whole (or without its bad rows). */
export function ImportPanel() {
  // Read and parsed once; every check and the import reuse it. Null file: the file could not be read.
  const [file, setFile] = useState<{ name: string; data: ImportFile | null } | null>(null);
  const [choice, setChoice] = useState<Choice>({ skipBadRows: false });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [stopped, setStopped] = useState<ImportResult | 'check' | null>(null);
  // A new key empties the file input after an import.
  const [inputKey, setInputKey] = useState(0);
  // Progress goes to the line that shows it, not into this panel's state (ProgressFeed).
  const [progress] = useState(() => new ProgressFeed());
  const cancel = useRef<AbortController | null>(null);
  // The plan behind the preview shown: the import reuses it while nothing changed (lib/store/import-run.ts).
  const planned = useRef<PlannedImport | null>(null);

  /** A Cancel for the step about to start; the button shows for as long as the page is busy with it. */
  function cancellable(): AbortSignal {
    const controller = new AbortController();
    cancel.current = controller;
    return controller.signal;
  }

  /** Runs one long step on the store opened here, with progress and a Cancel button while it runs. */
  async function withStore<T>(work: (store: PageStore, run: ImportRun) => Promise<T>): Promise<T> {
    const signal = cancel.current?.signal ?? cancellable();
    progress.set(null);
    const store = await openPageStore();
    // A chip's lookup the background is answering goes first: between slices, and a slice being written
    // when one starts ends at the step it wrote (lib/messaging/lookups-in-flight.ts, ImportRun.giveWay).
    const lookups = listenForLookups();
    try {
      if (signal.aborted) throw new ImportCancelled(null);
      return await work(store, { ...PAGE_IMPORT, pause: yieldingToLookups(nextTurn, lookups), giveWay: lookups.arrival, onProgress: progress.set, signal });
    } finally {
      lookups.close();
      store.close();
      cancel.current = null;
      progress.set(null);
    }
  }

  function reset() {
    planned.current = null;
    setFile(null);
    setPreview(null);
    setChoice({ skipBadRows: false });
    setInputKey((k) => k + 1);
  }

  async function check(data: ImportFile, next: Choice) {
    setChoice(next);
    if (!cancel.current) cancellable();
    setBusy(true);
    setError(null);
    setStopped(null);
    try {
      planned.current = null;
      const checked = await withStore((store, run) => checkImport(store.ctx, data, { ...next, stageNames: store.stageNames }, run));
      planned.current = checked.planned;
      setPreview(checked.preview);
    } catch (e) {
      planned.current = null;
      setPreview(null);
      if (e instanceof ImportCancelled) {
        reset();
        setStopped('check');
      } else setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function choose(input: HTMLInputElement) {
    const f = input.files?.[0];
    setDone(null);
    setStopped(null);
    setPreview(null);
    setFile(null);
    setError(null);
    if (!f) return;
    // Refused on its size, before it is read: a huge file would stall the page first.
    const tooLarge = checkFileSize('csv', f.size);
    if (tooLarge) return setError(t('importTooLarge', [tooLarge.size, tooLarge.limit]));
    // Cancel shows from here: reading a big file takes a moment before the check reports progress.
    cancellable();
    setBusy(true);
    const read = readImportFile(await readText(f));
    if (!read.ok) {
      cancel.current = null;
      setBusy(false);
      setFile({ name: f.name, data: null });
      return setPreview({ ...EMPTY_PREVIEW, readError: { code: read.error.code, line: read.error.line } });
    }
    setFile({ name: f.name, data: read.file });
    await check(read.file, { skipBadRows: false });
  }

  async function importNow() {
    if (!file?.data || !preview) return;
    const data = file.data;
    cancellable();
    setBusy(true);
    setError(null);
    try {
      const result = await withStore((store, run) =>
        runImport(store.ctx, data, { ...choice, mapping: preview.mapping, stageNames: store.stageNames }, run, planned.current ?? undefined),
      );
      setDone(result);
      reset();
    } catch (e) {
      if (e instanceof ImportCancelled && e.outcome) {
        setStopped(importResult(e.outcome));
        reset();
      } else setError((e as Error).message);
    } finally {
      setBusy(false);
      // Whatever went in (all of it, or the slices before a cancel or a failure): badge, views, sync.
      await storeWritten().catch(() => undefined);
    }
  }

  const setColumn = (i: number, value: string) => {
    const data = file?.data;
    if (!data || !preview) return;
    const mapping = preview.mapping.map((m, k) => (k === i ? ((value || null) as ImportField | null) : m));
    void check(data, { ...choice, mapping });
  };

  const nothingToDo = !!preview && preview.creates + preview.updates === 0;
  const data = file?.data ?? null;

  return (
    <div class="data-import">
      <Field label={t('importFile')}>
        {(id) => (
          <input key={inputKey} id={id} type="file" accept=".csv,.tsv,.txt,text/csv" onChange={(e) => void choose(e.currentTarget)} />
        )}
      </Field>
      {data && preview && !preview.readError && (
        <>
          <fieldset class="mapping">
            <legend>{t('importMapping')}</legend>
            <ul>
              {preview.header.map((h, i) => (
                <li key={i}>
                  <Field label={t('importColumn', [String(i + 1), h || '—'])}>
                    {(id) => (
                      <select
                        id={id}
                        value={preview.mapping[i] ?? ''}
                        disabled={busy}
                        onChange={(e) => setColumn(i, e.currentTarget.value)}
                      >
                        <option value="">{t('importIgnore')}</option>
                        {IMPORT_FIELDS.map((f) => (
                          <option key={f} value={f}>
                            {t(FIELD_NAMES[f])}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  {preview.samples[i] && <span class="muted sample">{t('importSample', preview.samples[i]!)}</span>}
                </li>
              ))}
            </ul>
          </fieldset>
          <Field label={t('importDefaultSource')}>
            {(id) => (
              <select
                id={id}
                value={choice.defaultSource ?? ''}
                disabled={busy}
                onChange={(e) =>
                  void check(data, {
                    ...choice,
                    mapping: preview.mapping,
                    defaultSource: (e.currentTarget.value || undefined) as Source | undefined,
                  })
                }
              >
                <option value="">{t(preview.kind === 'linkedin-connections' ? 'importSourceAutoConnections' : 'importSourceAuto')}</option>
                <SourceOptions />
              </select>
            )}
          </Field>
        </>
      )}
      {preview && <ImportSummary preview={preview} />}
      {data && preview && !preview.readError && (
        <div class="actions">
          <label class="check">
            <input
              type="checkbox"
              checked={choice.skipBadRows}
              disabled={busy}
              onChange={(e) => void check(data, { ...choice, mapping: preview.mapping, skipBadRows: e.currentTarget.checked })}
            />
            {t('importSkipBadRows')}
          </label>
          <button type="button" class="primary" disabled={busy || !preview.importable || nothingToDo} onClick={() => void importNow()}>
            {t('importNow')}
          </button>
        </div>
      )}
      {preview && !preview.importable && preview.badRows > 0 && !choice.skipBadRows && <p class="hint">{t('importBlocked')}</p>}
      {preview?.importable && nothingToDo && <p class="hint">{t('importNothingNew')}</p>}
      {busy && cancel.current && <ImportProgressLine feed={progress} onCancel={() => cancel.current?.abort()} />}
      <p role="status" class="status-line">
        {stopped === 'check' && t('importCheckCancelled')}
        {stopped && stopped !== 'check' && t('importStopped', [formatCount(stopped.created), formatCount(stopped.updated)])}
        {done &&
          t('importDone', [
            String(done.created),
            String(done.updated),
            String(done.unchanged + done.duplicatesInFile),
            String(done.skippedBadRows),
          ])}
      </p>
      <ErrorNote error={error} />
    </div>
  );
}

/**
 * The import's progress bar, count and Cancel: re-rendered alone with each slice's report (see
 * ProgressFeed), the rest of the panel stays as it is.
 */
function ImportProgressLine({ feed, onCancel }: { feed: ProgressFeed; onCancel: () => void }) {
  const [progress, setProgress] = useState<ImportProgress | null>(feed.current);
  // What was reported between the first render and this effect is read here, then every report after.
  useEffect(() => {
    setProgress(feed.current);
    return feed.subscribe(setProgress);
  }, [feed]);
  return (
    <div class="import-progress">
      {progress && progress.total > 0 ? (
        <>
          <progress
            value={progress.done}
            max={progress.total}
            aria-label={t(progress.phase === 'checking' ? 'importProgressChecking' : 'importProgressImporting')}
          />
          <span data-phase={progress.phase}>
            {t(progress.phase === 'checking' ? 'importProgressCheckingRows' : 'importProgressImportingRows', [
              formatCount(progress.done),
              formatCount(progress.total),
            ])}
          </span>
        </>
      ) : (
        // Reading the file, before the first slice reports: a bar without a value is "working".
        <progress aria-label={t('importProgressChecking')} />
      )}
      <button type="button" class="import-cancel" onClick={onCancel}>
        {t('importCancel')}
      </button>
    </div>
  );
}
