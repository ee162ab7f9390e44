import { useEffect, useState } from 'preact/hooks';
import type { SyncIssueView } from '../../lib/messaging/types';
import { ask, send } from '../api';
import { t } from '../i18n';
import { SyncStatus } from '../SyncStatus';
import { useNoticeVersion } from '../useNotice';

/** Sync state, and every change the server refused with its reason, until the rep dismisses them. */
export function SyncIssues() {
  const version = useNoticeVersion('syncChanged');
  const [issues, setIssues] = useState<SyncIssueView[]>([]);
  useEffect(() => {
    void ask({ type: 'syncIssues' }).then((r) => r.ok && setIssues(r.data.issues));
  }, [version]);
  return (
    <section aria-labelledby="sync-h">
      <h2 id="sync-h">{t('syncHeading')}</h2>
      <SyncStatus />
      {issues.length > 0 && (
        <>
          <table>
            <caption>{t('syncIssuesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('syncIssueWhen')}</th>
                <th scope="col">{t('syncIssueWhat')}</th>
                <th scope="col">{t('syncIssueWhy')}</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((i) => (
                <tr key={`${i.at}-${i.entityId}`}>
                  <td>{new Date(i.at).toLocaleString()}</td>
                  <td>{i.entity}</td>
                  <td>
                    {i.code}: {i.reason}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => void send({ type: 'clearSyncIssues' }).then(() => setIssues([]))}>
            {t('syncIssuesClear')}
          </button>
        </>
      )}
    </section>
  );
}
