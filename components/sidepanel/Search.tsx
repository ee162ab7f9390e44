import { useEffect, useState } from 'preact/hooks';
import { stageLabel, t } from '../shared/i18n';
import { ErrorNote } from '../ui/ErrorNote';
import { useSearch } from './useSearch';

const LIMIT = 20;

/**
 * Find a prospect by any word of their name, title, company, headline, location, e-mail or notes
 * (lib/pipeline/search.ts: word prefixes, accents and case ignored, name matches first). Results show
 * only while a query is typed, so an empty box takes one line and the panel leads with the person or
 * the day's queue. The query goes up through `onQuery`: it is the panel's one search, views filter by it.
 */
export function Search({ onPick, onQuery }: { onPick: (id: string) => void; onQuery?: (query: string) => void }) {
  const [query, setQuery] = useState('');
  // The board filters its cards by the same box (one search for the whole panel).
  useEffect(() => onQuery?.(query), [query]);
  const typed = query.trim() !== '';
  const { items, error } = useSearch(query, LIMIT, { emptyQuery: false });

  return (
    <section class="search" aria-label={t('searchProspects')}>
      <input
        type="search"
        aria-label={t('searchProspects')}
        placeholder={t('searchPlaceholder')}
        value={query}
        onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && query) {
            e.preventDefault();
            setQuery('');
          }
        }}
      />
      <ErrorNote error={error} />
      {typed && items.length === 0 && !error && <p class="muted">{t('noResults')}</p>}
      {typed && items.length > 0 && (
        <ul class="results">
          {items.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                class="result"
                onClick={() => {
                  setQuery('');
                  onPick(p.id);
                }}
              >
                <span class="name">{p.name}</span>
                <span class="sub">
                  {[p.title, p.company, stageLabel(p.stageKey, p.stageName)].filter(Boolean).join(' · ')} · {t('scoreShort', String(p.score))}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
