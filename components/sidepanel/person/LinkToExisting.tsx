import { useState } from 'preact/hooks';
import { send } from '../../shared/api';
import { ErrorNote } from '../../ui/ErrorNote';
import { t } from '../../shared/i18n';
import { useSearch } from '../useSearch';

/** A correspondent who is already in the pipeline under another address (or from LinkedIn): add this address to them. */
export function LinkToExisting({ email, onLinked }: { email: string; onLinked: () => void }) {
  const [query, setQuery] = useState('');
  const found = useSearch(query, 8, { emptyQuery: false });
  const [linkError, setError] = useState<string | null>(null);
  const items = found.items;
  const error = linkError ?? found.error;
  return (
    <section class="link-existing">
      <h3>{t('linkHeading')}</h3>
      <input
        type="search"
        aria-label={t('linkSearch')}
        placeholder={t('searchPlaceholder')}
        value={query}
        onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
      />
      <ul class="results">
        {items.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              class="result"
              onClick={() =>
                send({ type: 'linkEmail', prospectId: p.id, email })
                  .then(onLinked)
                  .catch((e: Error) => setError(e.message))
              }
            >
              <span class="name">{t('linkAddress', p.name)}</span>
              <span class="sub">{[p.company, p.emails.join(', ')].filter(Boolean).join(' · ')}</span>
            </button>
          </li>
        ))}
      </ul>
      <ErrorNote error={error} />
    </section>
  );
}
