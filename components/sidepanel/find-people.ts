import type { SearchHit } from '../../lib/search/result';
import { send } from '../shared/api';

/**
 * Prospects matching `query` as the background's search answers them: the result lines' fields only
 * (lib/search/result.ts), checked on arrival like every reply crossing into a page. A person opens by id.
 */
export async function findPeople(query: string, limit: number): Promise<SearchHit[]> {
  // The check (zod) loads with the first search, not with the panel's first screen.
  const [{ SearchReplySchema }, reply] = await Promise.all([import('../../lib/search/result'), send({ type: 'search', query, limit })]);
  return SearchReplySchema.parse(reply).items;
}
