import { SearchReplySchema, type SearchHit } from '../../lib/search/result';
import { send } from '../shared/api';

/**
 * Prospects matching `query` as the background's search answers them: the result lines' fields only
 * (lib/search/result.ts), checked on arrival like every reply crossing into a page. A person opens by id.
 */
export async function findPeople(query: string, limit: number): Promise<SearchHit[]> {
  return SearchReplySchema.parse(await send({ type: 'search', query, limit })).items;
}
