// The side panel's first screen loads no validation library: zod (about 90 KB minified) would otherwise
// be fetched, compiled and run before the panel's first paint, on every open. Replies the first screen
// reads are the background's own; the checks that need zod (search results, a LinkedIn tab's people,
// the person's record) load with the views that use them. This walks the static imports the bundler
// follows from the panel's entry and from the views it opens on (Today is in the entry; the board is
// loaded before the first render when the panel opens on it).
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
  const start = Object.keys(inputs).find((k) => k.endsWith(entry))!;
  const queue = [start];
  while (queue.length) {
    const at = queue.pop()!;
    if (seen.has(at)) continue;
    seen.add(at);
    for (const i of inputs[at]?.imports ?? []) if (i.kind === 'import-statement') queue.push(i.path);
  }
  return [...seen];
}

describe("the side panel's first screen", () => {
  it.each(['entrypoints/sidepanel/main.tsx', 'components/sidepanel/board/Board.tsx'])('%s imports no zod before its first paint', async (entry) => {
    const graph = await staticGraph(entry);
    expect(graph.length).toBeGreaterThan(10);
    expect(graph.filter((m) => m.includes('node_modules/zod/'))).toEqual([]);
  });
});
