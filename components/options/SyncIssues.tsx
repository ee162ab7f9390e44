import { useEffect, useState } from 'preact/hooks';
import type { SyncIssueView } from '../../lib/messaging/types';
import { ask, send } from '../shared/api';
import { syncEntityText, syncReasonText } from '../shared/error-text';
import { t } from '../shared/i18n';
import { SyncStatus } from '../shared/SyncStatus';
import { useNoticeVersion } from '../shared/useNotice';

/**
 * Sync state, and every change that could not go to the server with its reason: refused by the
 * server, or set aside because a whole batch failed on it (lib/sync/quarantine.ts). Each can be sent
 * again or discarded; "Dismiss" tidies only the refusals, never a change still waiting for a choice.
 */
export function SyncIssues() {
  const version = useNoticeVersion('syncChanged');
  const [issues, setIssues] = useState<SyncIssueView[]>([]);
  const [said, setSaid] = useState('');
  const [reload, setReload] = useState(0);
  useEffect(() => {
    void ask({ type: 'syncIssues' }).then((r) => r.ok && setIssues(r.data.issues));
  }, [version, reload]);

  async function act(issue: SyncIssueView, type: 'retrySyncIssue' | 'discardSyncIssue') {
    await send({ type, id: issue.id });
    setSaid(t(type === 'retrySyncIssue' ? 'syncIssueRetried' : 'syncIssueDiscarded'));
    setReload((n) => n + 1);
  }

  const refusedOnly = issues.some((i) => !i.quarantined);
  return (
    <section aria-labelledby="sync-h">
      <h2 id="sync-h">{t('syncHeading')}</h2>
      <SyncStatus />
      {issues.length > 0 && (
        <>
          <table class="sync-issues">
            <caption>{t('syncIssuesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('syncIssueWhen')}</th>
                <th scope="col">{t('syncIssueWhat')}</th>
                <th scope="col">{t('syncIssueWhy')}</th>
                <th scope="col">{t('syncIssueActions')}</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((i) => {
                const when = new Date(i.at).toLocaleString();
                return (
                  <tr key={i.id} data-quarantined={i.quarantined ? 'true' : undefined}>
                    <td>{when}</td>
                    <td>{syncEntityText(i.entity)}</td>
                    <td>
                      {i.quarantined && <p class="sync-issue-aside">{t('syncIssueSetAside')}</p>}
                      <p>{syncReasonText(i.code)}</p>
                      {/* The server's own words (English, technical) stay one click away for whoever fixes it. */}
                      <details class="sync-issue-detail">
                        <summary>{t('errDetails')}</summary>
                        <code>
                          {i.code}: {i.reason}
                        </code>
                      </details>
                      {i.held > 1 && <p>{t('syncIssueHeld', String(i.held - 1))}</p>}
                    </td>
                    <td>
                      {i.held > 0 && (
                        <button type="button" aria-label={t('syncIssueRetryNamed', [syncEntityText(i.entity), when])} onClick={() => void act(i, 'retrySyncIssue')}>
                          {t('syncIssueRetry')}
                        </button>
                      )}{' '}
                      <button type="button" aria-label={t('syncIssueDiscardNamed', [syncEntityText(i.entity), when])} onClick={() => void act(i, 'discardSyncIssue')}>
                        {t('syncIssueDiscard')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {refusedOnly && (
            <button type="button" onClick={() => void send({ type: 'clearSyncIssues' }).then(() => setReload((n) => n + 1))}>
              {t('syncIssuesClear')}
            </button>
          )}
        </>
      )}
      <p role="status" class="sync-issue-said">
        {said}
      </p>
    </section>
  );
}
