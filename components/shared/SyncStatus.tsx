import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SyncStatus as Status } from '../../lib/sync/status';
import { ask } from './api';
import { t, type MessageKey } from './i18n';
import { useNoticeVersion } from './useNotice';

const FAILURE: Record<NonNullable<Status['failure']>, MessageKey> = {
  offline: 'syncFailOffline',
  auth: 'syncFailAuth',
  forbidden: 'syncFailForbidden',
  server: 'syncFailServer',
  invalid: 'syncFailInvalid',
  'not-configured': 'syncFailNotConfigured',
};

function describe(s: Status): string {
  switch (s.state) {
    case 'synced':
      return t('syncSynced');
    case 'pending':
      return t('syncPending', String(s.pending));
    case 'syncing':
      return t('syncSyncing');
    case 'offline':
      return t('syncOffline', String(s.pending));
    case 'signed-out':
      return t('syncSignedOut', String(s.pending));
    case 'error':
      // Said in the UI language by kind; the server's own (English, technical) words stay in the tooltip.
      return t('syncError', s.failure ? t(FAILURE[s.failure]) : (s.reason ?? ''));
    default:
      return '';
  }
}

/** One line in the popup and side panel: synced / N changes waiting / offline / error, with a retry. */
export function SyncStatus() {
  const version = useNoticeVersion('syncChanged', 'changed');
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    void ask({ type: 'syncStatus' }).then((r) => r.ok && setStatus(r.data));
  }, [version]);
  // Back online: try now instead of waiting out the backoff.
  useEffect(() => {
    const online = () => void ask({ type: 'syncNow' });
    addEventListener('online', online);
    return () => removeEventListener('online', online);
  }, []);
  if (!status || status.state === 'local') return null;
  const retry = async () => {
    const r = await ask({ type: 'syncNow' });
    if (r.ok) setStatus(r.data);
  };
  return (
    <p class={`sync sync-${status.state}`} role="status" data-sync={status.state}>
      <span title={status.state === 'error' && status.failure && status.reason ? status.reason : undefined}>{describe(status)}</span>
      {status.rejected > 0 && <span class="muted"> · {t('syncRejected', String(status.rejected))}</span>}
      {status.state === 'signed-out' ? (
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('syncSignInAgain')}
        </button>
      ) : (
        status.state !== 'syncing' && (
          <button type="button" class="link" onClick={() => void retry()}>
            {status.state === 'offline' || status.state === 'error' ? t('syncRetry') : t('syncNow')}
          </button>
        )
      )}
    </p>
  );
}
