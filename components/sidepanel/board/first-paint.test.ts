// The board's first paint waits for its code, one round of fetches after the panel's own script: the
// delete dialog and the empty pipeline's page are their own chunks, loaded once the board has painted.
// This walks the static imports the bundler follows from the board.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

async function staticGraph(entry: string): Promise<string[]> {
  const r = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    splitting: true,
    outdir: 'out',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'empty' },
    logLevel: 'silent',
    external: ['wxt/*'],
  });
  const inputs = r.metafile.inputs;
  const seen = new Set<string>();
  const queue = [Object.keys(inputs).find((k) => k.endsWith(entry))!];
  while (queue.length) {
    const at = queue.pop()!;
    if (seen.has(at)) continue;
    seen.add(at);
    for (const i of inputs[at]?.imports ?? []) if (i.kind === 'import-statement') queue.push(i.path);
  }
  return [...seen];
}

describe("the board's first paint", () => {
  it('loads neither the delete dialog nor the empty pipeline', async () => {
    const graph = await staticGraph('components/sidepanel/board/Board.tsx');
    expect(graph.some((m) => m.endsWith('board/BoardColumn.tsx'))).toBe(true);
    const late = ['person/DeletePerson.tsx', 'sidepanel/EmptyPipeline.tsx'];
    expect(graph.filter((m) => late.some((l) => m.endsWith(l)))).toEqual([]);
  });
});
