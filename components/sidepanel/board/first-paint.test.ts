// The board's first paint waits for its code, one round of fetches after the panel's own script: the
// delete dialog and the empty pipeline's page are their own chunks, loaded once the board has painted.
// This walks the static imports the bundler follows from the board.
import { describe, expect, it } from 'vitest';
import { staticGraph } from '../../../test/unit/static-graph';

describe("the board's first paint", () => {
  it('loads neither the delete dialog nor the empty pipeline', async () => {
    const graph = await staticGraph('components/sidepanel/board/Board.tsx');
    expect(graph.some((m) => m.endsWith('board/BoardColumn.tsx'))).toBe(true);
    const late = ['person/DeletePerson.tsx', 'sidepanel/EmptyPipeline.tsx'];
    expect(graph.filter((m) => late.some((l) => m.endsWith(l)))).toEqual([]);
  });
});
