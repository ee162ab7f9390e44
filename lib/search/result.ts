// What a search answers with: the few fields a result line shows (the side panel's results, Merge's and
// "Add this address to…"'s pickers), never the whole prospect. A result opens the person by id, which
// reads the full record then. Twenty of these are about 4.5 KB over the message channel where twenty full
// rows (score breakdowns, every field) were about 18 KB, and they come from the search index in the
// background's memory, so answering a search reads nothing from IndexedDB.
import { z } from 'zod';

export const SearchHitSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  title: z.string().nullable(),
  company: z.string().nullable(),
  /** Every address the person has (pickers show them; the panel's list does not). */
  emails: z.array(z.string()),
  stageKey: z.string(),
  /** The team's own name for the stage; null for a default stage, worded in the UI language. */
  stageName: z.string().nullable(),
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchReplySchema = z.object({ items: z.array(SearchHitSchema) });
export type SearchReply = z.infer<typeof SearchReplySchema>;

/**
 * At most this many results per search, whatever a caller asks for: a result list longer than this is
 * not read by anyone, and a one-letter query would otherwise send thousands of rows.
 */
export const SEARCH_RESULTS_MAX = 50;
