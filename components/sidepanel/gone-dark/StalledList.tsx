import { useEffect, useState } from 'preact/hooks';
import type { ResponseMap } from '../../../lib/messaging/types';
import { send } from '../../shared/api';
import { ErrorNote } from '../../ui/ErrorNote';
import { stageLabel, t } from '../../shared/i18n';
import { useStoreVersion } from '../../shared/useStoreVersion';
import '../person/playbook/playbook.css';

const LIMIT = 200;

/** Deals gone dark (no touch for longer than their stage allows), longest silence first, each one click from its record. */
export function StalledList({ onPick }: { onPick: (id: string) => void }) {
  const [list, setList] = useState<ResponseMap['stalled'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useStoreVersion();
  useEffect(() => {
    let live = true;
    send({ type: 'stalled', limit: LIMIT })
      .then((r) => live && (setList(r), setError(null)))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [version]);

  return (
    <section class="stalled-list" aria-labelledby="gone-dark-h">
      <h2 id="gone-dark-h">{t('goneDark')}</h2>
      <ErrorNote error={error} />
      {list === null ? (
        !error && <p class="muted">{t('loading')}</p>
      ) : list.count === 0 ? (
        <p class="muted">{t('goneDarkNone')}</p>
      ) : (
        <>
          <p class="count" data-count={list.count}>
            {t('goneDarkCount', String(list.count))}
          </p>
          <ul class="results">
            {list.items.map((s) => (
              <li key={s.prospectId} data-prospect={s.prospectId}>
                <button type="button" class="result" onClick={() => onPick(s.prospectId)}>
                  <span class="name">{s.name}</span>
                  <span class="sub">
                    {[s.company, stageLabel(s.stageKey, s.stageName)].filter(Boolean).join(' · ')} ·{' '}
                    <span class="stalled">{t('daysSilent', String(s.silenceDays))}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {list.count > list.items.length && <p class="muted">{t('goneDarkMore', String(list.items.length))}</p>}
        </>
      )}
    </section>
  );
}
