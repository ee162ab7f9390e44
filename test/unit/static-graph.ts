// The modules the bundler loads with `entry` before anything runs: its static imports, followed
// transitively (dynamic imports are left out: they are fetched later, when asked for). For tests that
// keep a page's first paint from waiting on code it does not need.
import { build } from 'esbuild';

export async function staticGraph(entry: string): Promise<string[]> {
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
