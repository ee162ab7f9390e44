import { build } from 'esbuild';

/**
 * One self-contained script (store code, Dexie and all) to run in a page or a service worker.
 * esbuild comes with tsx and vite; the extension's own build is not involved.
 */
export async function bundleForBrowser(entry: string): Promise<string> {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const file = out.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return file.text;
}
