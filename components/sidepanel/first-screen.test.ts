// The side panel's first screen loads no validation library: zod (about 90 KB minified) would otherwise
// be fetched, compiled and run before the panel's first paint, on every open. Replies the first screen
// reads are the background's own; the checks that need zod (search results, a LinkedIn tab's people,
// the person's record) load with the views that use them. This walks the static imports the bundler
// follows from the panel's entry and from the views it opens on (Today is in the entry; the board is
// loaded before the first render when the panel opens on it).
import { describe, expect, it } from 'vitest';
import { staticGraph } from '../../test/unit/static-graph';

describe("the side panel's first screen", () => {
  it.each(['entrypoints/sidepanel/main.tsx', 'components/sidepanel/board/Board.tsx'])('%s imports no zod before its first paint', async (entry) => {
    const graph = await staticGraph(entry);
    expect(graph.length).toBeGreaterThan(10);
    expect(graph.filter((m) => m.includes('node_modules/zod/'))).toEqual([]);
  });
});
