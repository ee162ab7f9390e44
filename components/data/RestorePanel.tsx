import { useRef, useState } from 'preact/hooks';
import type { BackupTable } from '../../lib/io/export';
import { checkFileSize } from '../../lib/io/file-limits';
import type { BackupCheck, BackupCounts } from '../../lib/messaging/data-types';
import { blobText, checkBackupStream, RestoreCancelled, restoreBackupStream, type RestoreProgress } from '../../lib/store/restore-stream';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';
import { t, uiLocale } from '../shared/i18n';
import { openPageStore, storeWritten } from './page-store';
import { TABLE_NAMES, backupErrorText } from './wording';

const SHOWN: BackupTable[] = ['prospects', 'followUps', 'touches', 'stages', 'cadences', 'companies'];

function countsText(counts: BackupCounts): string {
  return SHOWN.filter((k) => counts[k] !== undefined)
    .map((k) => `${t(TABLE_NAMES[k])}: ${formatCount(counts[k]!)}`)
    .join(' · ');
}

const formatCount = (n: number) => new Intl.NumberFormat(uiLocale()).format(n);
const formatShare = (part: number, whole: number) =>
  new Intl.NumberFormat(uiLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(whole > 0 ? part / whole : 0);

/**
 * Restore from a JSON backup: checked whole first, then confirmed, then it replaces this pipeline's
 * data in one go. The page reads the file itself as a stream (lib/store/restore-stream.ts): no message
 * carries it, whatever its size. Both steps show their progress and can be cancelled: a cancelled
 * restore is rolled back whole, leaving the pipeline exactly as it was.
 */
export function RestorePanel() {
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<BackupCheck | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [progress, setProgress] = useState<RestoreProgress | null>(null);
  const cancel = useRef<AbortController | null>(null);

  /** One long step with a progress bar and a Cancel button while it runs. */
  async function cancellable<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    cancel.current = controller;
    setProgress(null);
    setBusy(true);
    try {
      return await work(controller.signal);
    } finally {
      cancel.current = null;
      setProgress(null);
      setBusy(false);
    }
  }

  function forgetFile() {
    setFile(null);
    setCheck(null);
    setConfirming(false);
    setInputKey((k) => k + 1);
  }

  async function choose(input: HTMLInputElement) {
    const f = input.files?.[0];
    setFile(null);
    setCheck(null);
    setConfirming(false);
    setStatus('');
    setError(null);
    if (!f) return;
    // Refused on its size, before it is read.
    const tooLarge = checkFileSize('backup', f.size);
    if (tooLarge) return setError(t('backupTooLarge', [tooLarge.size, tooLarge.limit]));
    const store = await openPageStore();
    try {
      const checked = await cancellable((signal) => checkBackupStream(store.ctx, blobText(f), { signal, size: f.size, onProgress: setProgress }));
      setCheck(checked);
      setFile(f);
    } catch (e) {
      if (e instanceof RestoreCancelled) {
        forgetFile();
        setStatus(t('restoreCheckCancelled'));
      } else setError((e as Error).message);
    } finally {
      store.close();
    }
  }

  async function restore() {
    if (!file || !check?.ok) return;
    setError(null);
    setStatus('');
    const store = await openPageStore();
    let changed = true;
    try {
      const counts = await cancellable((signal) => restoreBackupStream(store.ctx, blobText(file), check, { signal, onProgress: setProgress }));
      setStatus(t('restoreDone', countsText(counts)));
      forgetFile();
    } catch (e) {
      if (e instanceof RestoreCancelled) {
        // Rolled back whole: the pipeline is as it was, and the checked file can be restored later.
        changed = false;
        setConfirming(false);
        setStatus(t('restoreCancelled'));
      } else setError((e as Error).message);
    } finally {
      store.close();
      // Badge, views and sync catch up with whatever the store now holds.
      if (changed) await storeWritten().catch(() => undefined);
    }
  }

  const date = check?.ok
    ? new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(check.exportedAt))
    : '';
  return (
    <div class="data-restore">
      <Field label={t('restoreFile')}>
        {(id) => (
          <input
            key={inputKey}
            id={id}
            type="file"
            accept=".json,application/json"
            disabled={busy}
            onChange={(e) => void choose(e.currentTarget)}
          />
        )}
      </Field>
      {check && !check.ok && (
        <p class="error" role="alert">
          {backupErrorText(check.error)}
        </p>
      )}
      {check?.ok && (
        <>
          <p class="backup-info">{t('restoreInfo', [date, countsText(check.counts)])}</p>
          {check.otherScope ? (
            <p class="error" role="alert">
              {t('restoreOtherScope')}
            </p>
          ) : confirming ? (
            <div class="confirm" role="alertdialog" aria-labelledby="restore-warning">
              <p id="restore-warning" class="error">
                {t('restoreWarning')}
              </p>
              <div class="actions">
                <button type="button" class="primary" disabled={busy} onClick={() => void restore()}>
                  {t('restoreConfirm')}
                </button>
                <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
                  {t('cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
              {t('restoreStart')}
            </button>
          )}
        </>
      )}
      {busy && cancel.current && <RestoreBar progress={progress} onCancel={() => cancel.current?.abort()} />}
      <p role="status" class="status-line">
        {status}
      </p>
      <ErrorNote error={error} />
    </div>
  );
}

function RestoreBar({ progress, onCancel }: { progress: RestoreProgress | null; onCancel: () => void }) {
  const restoring = progress?.phase === 'restoring';
  const label = t(restoring ? 'restoreProgressRestoring' : 'restoreProgressChecking');
  return (
    <div class="import-progress restore-progress">
      {progress && progress.total > 0 ? (
        <>
          <progress value={progress.done} max={progress.total} aria-label={label} />
          <span data-phase={progress.phase}>
            {restoring
              ? t('restoreProgressRestoringRows', [formatCount(progress.done), formatCount(progress.total)])
              : t('restoreProgressCheckingShare', formatShare(progress.done, progress.total))}
          </span>
        </>
      ) : (
        // Before the first report: a bar without a value is "working".
        <progress aria-label={label} />
      )}
      <button type="button" class="import-cancel" onClick={onCancel}>
        {t('restoreCancel')}
      </button>
    </div>
  );
}
