import { useState } from 'preact/hooks';
import type { BackupTable } from '../../lib/io/export';
import { checkFileSize } from '../../lib/io/file-limits';
import type { BackupCheck, BackupCounts } from '../../lib/messaging/data-types';
import { blobText, checkBackupStream, restoreBackupStream } from '../../lib/store/restore-stream';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';
import { t, uiLocale } from '../shared/i18n';
import { openPageStore, storeWritten } from './page-store';
import { TABLE_NAMES, backupErrorText } from './wording';

const SHOWN: BackupTable[] = ['prospects', 'followUps', 'touches', 'stages', 'cadences'];

function countsText(counts: BackupCounts): string {
  return SHOWN.filter((k) => counts[k] !== undefined)
    .map((k) => `${t(TABLE_NAMES[k])}: ${counts[k]}`)
    .join(' · ');
}

/**
 * Restore from a JSON backup: checked whole first, then confirmed, then it replaces this pipeline's
 * data in one go. The page reads the file itself as a stream (lib/store/restore-stream.ts): no message
 * carries it, whatever its size.
 */
export function RestorePanel() {
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<BackupCheck | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);

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
    setBusy(true);
    const store = await openPageStore();
    try {
      setCheck(await checkBackupStream(store.ctx, blobText(f)));
      setFile(f);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      store.close();
      setBusy(false);
    }
  }

  async function restore() {
    if (!file || !check?.ok) return;
    setBusy(true);
    setError(null);
    const store = await openPageStore();
    try {
      const counts = await restoreBackupStream(store.ctx, blobText(file), check);
      setStatus(t('restoreDone', countsText(counts)));
      setFile(null);
      setCheck(null);
      setConfirming(false);
      setInputKey((k) => k + 1);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      store.close();
      setBusy(false);
      // Badge, views and sync catch up with whatever the store now holds.
      await storeWritten().catch(() => undefined);
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
      <p role="status" class="status-line">
        {status}
      </p>
      <ErrorNote error={error} />
    </div>
  );
}
