import { useState } from 'preact/hooks';
import { stageLabel, t } from './i18n';
import { ErrorNote } from './ErrorNote';
import { useSearch } from './useSearch';

export function Search({ onPick }: { onPick: (id: string) => void }) {
  const [query, setQuery] = useState('');
  const { items, error } = useSearch(query, 50);

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
