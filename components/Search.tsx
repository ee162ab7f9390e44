import { useEffect, useState } from 'preact/hooks';
import type { ResponseMap } from '../lib/messaging/types';
import { send } from './api';
import { stageLabel, t } from './i18n';
import { ErrorNote } from './ErrorNote';
import { useStoreVersion } from './useStoreVersion';

type Item = ResponseMap['search']['items'][number];

export function Search({ onPick }: { onPick: (id: string) => void }) {
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<Item[]>([]);
  const [error, setError] = useState<string | null>(null);
  const version = useStoreVersion();

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      send({ type: 'search', query, limit: 50 })
        .then((r) => live && (setItems(r.items), setError(null)))
        .catch((e: Error) => live && setError(e.message));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, version]);

  return (
    <section class="search" aria-label={t('searchProspects')}>
      <input
        type="search"
        aria-label={t('searchProspects')}
        placeholder={t('searchPlaceholder')}
        value={query}
        onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
      />
      <ErrorNote error={error} />
      {query && items.length === 0 && !error && <p class="muted">{t('noResults')}</p>}
      <ul class="results">
        {items.map((p) => (
          <li key={p.id}>
            <button type="button" class="result" onClick={() => onPick(p.id)}>
              <span class="name">{p.name}</span>
              <span class="sub">
                {[p.company, stageLabel(p.stageKey, p.stageName)].filter(Boolean).join(' · ')} · {t('scoreShort', String(p.score))}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
