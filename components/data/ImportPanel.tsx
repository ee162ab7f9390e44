import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { checkFileSize } from '../../lib/io/file-limits';
import { SourceOptions } from '../shared/SourceOptions';
import { IMPORT_FIELDS, type ImportField } from '../../lib/io/import-plan';
import type { ImportPreview, ImportProgressNotice, ImportResult } from '../../lib/messaging/data-types';
import type { Source } from '../../lib/model/enums';
import { send } from '../shared/api';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';
import { t, uiLocale } from '../shared/i18n';
import { readText } from './download';
import { ImportSummary } from './ImportSummary';
import { FIELD_NAMES } from './wording';

const formatCount = (n: number) => new Intl.NumberFormat(uiLocale()).format(n);

interface Choice {
  mapping?: (ImportField | null)[];
  skipBadRows: boolean;
  defaultSource?: Source;
}

/** CSV in: choose a file, check how its columns map, see what would happen, then import it whole (or without its bad rows). */
export function ImportPanel() {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [choice, setChoice] = useState<Choice>({ skipBadRows: false });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  // A new key empties the file input after an import.
  const [inputKey, setInputKey] = useState(0);
  const [progress, setProgress] = useState<ImportProgressNotice | null>(null);

  // The background reports how far a long check or import has got.
  useEffect(() => {
    if (!busy) return setProgress(null);
    const listener = (msg: unknown) => {
      const m = msg as ImportProgressNotice | undefined;
      if (m?.type === 'importProgress') setProgress(m);
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [busy]);

  async function check(text: string, next: Choice) {
    setChoice(next);
    setBusy(true);
    setError(null);
    try {
      setPreview(await send({ type: 'previewImport', text, ...next }));
    } catch (e) {
      setPreview(null);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function choose(input: HTMLInputElement) {
    const f = input.files?.[0];
    setDone(null);
    setPreview(null);
    setFile(null);
    if (!f) return;
    // Refused on its size, before it is read: a huge file would stall the page first.
    const tooLarge = checkFileSize('csv', f.size);
    if (tooLarge) return setError(t('importTooLarge', [tooLarge.size, tooLarge.limit]));
    const text = await readText(f);
    setFile({ name: f.name, text });
    await check(text, { skipBadRows: false });
  }

  async function importNow() {
    if (!file || !preview) return;
    setBusy(true);
    setError(null);
    try {
      const result = await send({ type: 'applyImport', text: file.text, ...choice, mapping: preview.mapping });
      setDone(result);
      setFile(null);
      setPreview(null);
      setChoice({ skipBadRows: false });
      setInputKey((k) => k + 1);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const setColumn = (i: number, value: string) => {
    if (!file || !preview) return;
    const mapping = preview.mapping.map((m, k) => (k === i ? ((value || null) as ImportField | null) : m));
    void check(file.text, { ...choice, mapping });
  };

  const nothingToDo = !!preview && preview.creates + preview.updates === 0;

  return (
    <div class="data-import">
      <Field label={t('importFile')}>
        {(id) => (
          <input key={inputKey} id={id} type="file" accept=".csv,.tsv,.txt,text/csv" onChange={(e) => void choose(e.currentTarget)} />
        )}
      </Field>
      {file && preview && !preview.readError && (
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
                  void check(file.text, {
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
      {file && preview && !preview.readError && (
        <div class="actions">
          <label class="check">
            <input
              type="checkbox"
              checked={choice.skipBadRows}
              disabled={busy}
              onChange={(e) => void check(file.text, { ...choice, mapping: preview.mapping, skipBadRows: e.currentTarget.checked })}
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
      {busy && progress && progress.total > 0 && (
        <div class="import-progress">
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
        </div>
      )}
      <p role="status" class="status-line">
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
