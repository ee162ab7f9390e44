import { useEffect, useState } from 'preact/hooks';
import type { SearchHit } from '../../lib/search/result';
import { useStoreVersion } from '../shared/useStoreVersion';
import { findPeople } from './find-people';

export type SearchItem = SearchHit;

/** Prospects matching `query`, debounced while typing and re-read when the store changes. */
export function useSearch(query: string, limit: number, { emptyQuery = true } = {}): { items: SearchItem[]; error: string | null } {
  const [items, setItems] = useState<SearchItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const version = useStoreVersion();
  useEffect(() => {
    if (!emptyQuery && !query.trim()) return setItems([]);
    let live = true;
    const timer = setTimeout(() => {
      findPeople(query, limit)
        .then((found) => live && (setItems(found), setError(null)))
        .catch((e: Error) => live && setError(e.message));
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, limit, version]);
  return { items, error };
}
