import { useEffect, useState } from 'preact/hooks';
import type { ResponseMap } from '../lib/messaging/types';
import { send } from './api';
import { ErrorNote } from './ErrorNote';
import { t } from './i18n';

/** A correspondent who is already in the pipeline under another address (or from LinkedIn): add this address to them. */
export function LinkToExisting({ email, onLinked }: { email: string; onLinked: () => void }) {
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<ResponseMap['search']['items']>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!query.trim()) return setItems([]);
    let live = true;
    const timer = setTimeout(() => {
      send({ type: 'search', query, limit: 8 })
        .then((r) => live && setItems(r.items))
        .catch((e: Error) => live && setError(e.message));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);
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
