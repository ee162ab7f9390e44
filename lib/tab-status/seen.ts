import { z } from 'zod';

// What a tab was last seen to show, kept in storage.session so a restarted worker can recompute every
// tab's title from the store alone. Storage is read back through this schema: an entry written by an
// older version (or damaged) is dropped, which only means that tab is looked at afresh.
const seenSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), url: z.string(), slug: z.string(), pageName: z.string().nullable() }),
  z.object({ kind: z.literal('list'), url: z.string(), slugs: z.array(z.string()), memberIds: z.array(z.string()) }),
  z.object({ kind: z.literal('none'), url: z.string() }),
]);

export type Seen = z.infer<typeof seenSchema>;
export type SeenMap = Record<string, Seen>;

/** The valid entries of a stored tab map (keys are tab ids); anything else reads as an empty map. */
export function parseSeenMap(raw: unknown): SeenMap {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const map: SeenMap = {};
  for (const [tabId, entry] of Object.entries(raw)) {
    if (!/^\d+$/.test(tabId)) continue;
    const parsed = seenSchema.safeParse(entry);
    if (parsed.success) map[tabId] = parsed.data;
  }
  return map;
}
