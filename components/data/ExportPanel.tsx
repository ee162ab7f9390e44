import { useState } from 'preact/hooks';
import type { ExportKind } from '../../lib/messaging/data-types';
import { send } from '../shared/api';
import { ErrorNote } from '../ui/ErrorNote';
import { t, uiLocale, type MessageKey } from '../shared/i18n';
import { backupFile } from './backup-file';
import { download, downloadBlob, fileStamp } from './download';

const CSV: Array<{ kind: ExportKind; file: string; label: MessageKey; done: MessageKey }> = [
  { kind: 'prospects', file: 'prospects', label: 'exportProspects', done: 'exportedProspects' },
  { kind: 'followUps', file: 'follow-ups', label: 'exportFollowUps', done: 'exportedFollowUps' },
  { kind: 'touches', file: 'touches', label: 'exportTouches', done: 'exportedTouches' },
  { kind: 'companies', file: 'companies', label: 'exportCompanies', done: 'exportedCompanies' },
];

export function ExportPanel() {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function run(work: () => Promise<string>) {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      setStatus(await work());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="data-export">
      <div class="actions">
        {CSV.map((c) => (
          <button
            key={c.kind}
            type="button"
            disabled={busy}
            onClick={() =>
              run(async () => {
                const { csv, rows } = await send({ type: 'exportCsv', kind: c.kind, lang: uiLocale() });
                download(csv, `jalur-${c.file}-${fileStamp()}.csv`, 'text/csv;charset=utf-8');
                return t(c.done, String(rows));
              })
            }
          >
            {t(c.label)}
          </button>
        ))}
        <button
          type="button"
          disabled={busy}
          onClick={() =>
            run(async () => {
              const { database, exportedAt } = await send({ type: 'backupSource' });
              const { blob, counts } = await backupFile(database, exportedAt);
              downloadBlob(blob, `jalur-backup-${fileStamp()}.json`);
              return t('backupDone', String(counts.prospects ?? 0));
            })
          }
        >
          {t('backupDownload')}
        </button>
      </div>
      <p class="muted hint">{t('exportHint')}</p>
      <p role="status" class="status-line">
        {status}
      </p>
      <ErrorNote error={error} />
    </div>
  );
}
