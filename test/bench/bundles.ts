import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../e2e/harness';
import { BUDGETS } from './budgets';
import type { Row } from './table';

// Everything that ends up in the built extension; tests do not, so editing one does not force a build.
const SOURCES = ['entrypoints', 'components', 'lib', 'public', 'wxt.config.ts', 'package.json'];

function newestSourceMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newestSourceMtime(join(path, n))));
}

/**
 * Build only when the output is missing or older than the sources: other people run the e2e suite
 * against the same `.output` in this tree, and a build wipes it while it runs.
 */
export function ensureBuilt(force: boolean): 'built' | 'up to date' {
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  const builtAt = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  if (!force && builtAt > Math.max(...SOURCES.map(newestSourceMtime))) return 'up to date';
  try {
    // The bench looks inside chips: the open-shadow-roots build, into the directory it measures.
    const env = { ...process.env, JALUR_OPEN_SHADOW: '1', JALUR_OUT_DIR: dirname(EXTENSION_DIR) };
    execFileSync('npx', ['wxt', 'build'], { stdio: 'pipe', encoding: 'utf8', env });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    throw new Error(`wxt build failed:\n${err.stdout ?? ''}${err.stderr ?? ''}`);
  }
  return 'built';
}

/** Gzip level 9, the same measure as scripts/check-bundles.mjs, so the two never disagree. */
export function contentScriptRows(): Row[] {
  const dir = join(EXTENSION_DIR, 'content-scripts');
  const files = readdirSync(dir).filter((n) => n.endsWith('.js'));
  if (files.length === 0) throw new Error(`no content scripts in ${dir}`);
  return files.map((f) => {
    const raw = readFileSync(join(dir, f));
    const gz = gzipSync(raw, { level: 9 }).length;
    return {
      what: `content script ${f}, gzipped`,
      measured: `${(gz / 1024).toFixed(1)} KB`,
      budget: `≤ ${BUDGETS.contentScriptGzipBytes / 1024} KB`,
      pass: gz <= BUDGETS.contentScriptGzipBytes,
      detail: { file: f, bytes: raw.length, gzipBytes: gz },
    };
  });
}
