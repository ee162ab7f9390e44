import { useEffect, useState } from 'preact/hooks';
import type { ResponseMap } from '../lib/messaging/types';
import { send } from './api';
import { formatDue } from './format';
import { t } from './i18n';
import { ErrorNote } from './ErrorNote';
import { useStoreVersion } from './useStoreVersion';

const DAY = 86_400_000;

/** Overdue and due-today follow-ups, each closable in one click. */
export function DueNow() {
  const [items, setItems] = useState<ResponseMap['due']['items']>([]);
  const [error, setError] = useState<string | null>(null);
  const version = useStoreVersion();
  useEffect(() => {
    void send({ type: 'due', withinMs: DAY, limit: 20 })
      .then((r) => setItems(r.items))
      .catch((e: Error) => setError(e.message));
  }, [version]);
  const now = Date.now();
  return (
    <section aria-labelledby="due-h">
      <h2 id="due-h">{t('dueNow')}</h2>
      <ErrorNote error={error} />
      {items.length === 0 ? (
        <p class="muted">{t('nothingDue')}</p>
      ) : (
        <ul class="follow-ups">
          {items.map(({ followUp: f, prospectName }) => {
            const due = f.openDueAt ?? f.dueAt;
            return (
              <li key={f.id} class={due <= now ? 'overdue' : ''}>
                <span class="what">
                  {prospectName}: {f.title}
                </span>
                <span class="when">{formatDue(due)}</span>
                <button
                  type="button"
                  aria-label={`${t('done')}: ${prospectName} – ${f.title}`}
                  onClick={() => send({ type: 'completeFollowUp', id: f.id }).catch((e: Error) => setError(e.message))}
                >
                  {t('done')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
