// How much an extension page's first paint pays per file it loads before its first script runs:
// blank pages that differ only in how many scripts and style sheets they list, opened in turns.
// `npx tsx scripts/page-files-cost.mts [rounds]` (JALUR_EXTENSION_DIR picks the build to copy).
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launchWithExtension, serviceWorker } from '../test/e2e/harness';
import { median } from '../test/bench/stats';

const rounds = Number(process.argv[2] ?? 15);
const MARK = 'x:painted';
const dir = mkdtempSync(join(tmpdir(), 'page-start-'));
cpSync(EXTENSION_DIR, dir, { recursive: true });
const mark = `requestAnimationFrame(() => setTimeout(() => performance.mark(${JSON.stringify(MARK)}), 0));`;
const page = (head: string) => `<!doctype html><html><head><meta charset="utf-8"><title>x</title>${head}</head><body><div id="app"></div></body></html>`;
writeFileSync(join(dir, 'x-main.js'), mark);
writeFileSync(join(dir, 'x-main4.js'), `import './x-a.js'; import './x-b.js'; import './x-c.js';\n${mark}`);
for (const n of ['a', 'b', 'c']) writeFileSync(join(dir, `x-${n}.js`), `export const ${n} = 1;`);
for (const n of ['a', 'b']) writeFileSync(join(dir, `x-${n}.css`), `body{margin:0}`);
writeFileSync(join(dir, 'x-tiny.js'), `performance.mark('x:tiny');`);
const preloads = `<link rel="modulepreload" href="/x-a.js"><link rel="modulepreload" href="/x-b.js"><link rel="modulepreload" href="/x-c.js">`;
const sheets = `<link rel="stylesheet" href="/x-a.css"><link rel="stylesheet" href="/x-b.css">`;
const variants: Record<string, string> = {
  one: page(`<script type="module" src="/x-main.js"></script>`),
  oneCss: page(`<script type="module" src="/x-main.js"></script>${sheets}`),
  oneInlineCss: page(`<script type="module" src="/x-main.js"></script><style>body{margin:0}</style><style>body{margin:0}</style>`),
  four: page(`<script type="module" src="/x-main4.js"></script>${preloads}`),
  fourCss: page(`<script type="module" src="/x-main4.js"></script>${preloads}${sheets}`),
};
for (const [k, v] of Object.entries(variants)) writeFileSync(join(dir, `x-${k}.html`), v);

const { context, close } = await launchWithExtension({ extensionDir: dir });
const id = new URL((await serviceWorker(context)).url()).host;
const got: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
const tiny: number[] = [];
for (let r = 0; r < rounds + 2; r++) {
  const order = r % 2 ? Object.keys(variants).reverse() : Object.keys(variants);
  for (const k of order) {
    const p = await context.newPage();
    await p.setViewportSize({ width: 420, height: 900 });
    await p.goto(`chrome-extension://${id}/x-${k}.html`);
    await p.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARK, { polling: 20 });
    const [t, tm] = await p.evaluate((m) => [performance.getEntriesByName(m)[0]!.startTime, performance.getEntriesByName('x:tiny')[0]?.startTime ?? NaN], MARK);
    if (r >= 2) {
      got[k]!.push(t);
      
    }
    await p.close();
  }
}
await close();
console.log(`load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const [k, v] of Object.entries(got)) console.log(k.padEnd(12), 'median', median(v).toFixed(1), 'ms', v.map((x) => x.toFixed(0)).join(' '));

