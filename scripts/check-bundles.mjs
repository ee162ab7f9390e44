// Fails the test run when a content script grows past its budget (DESIGN.md §6: 20 KB gzipped)
// or pulls in a library that must stay out of pages (DESIGN.md §2), and when the open-shadow-roots
// build differs from the shipped one in anything but the shadow roots' mode (CONTRACT.md "Build").
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const SHIPPED = process.env.JALUR_SHIPPED_DIR ?? '.output/chrome-mv3';
const OPEN = process.env.JALUR_OPEN_DIR ?? '.output-open/chrome-mv3';
const BUDGET = 20 * 1024;
// WXT's content-script context announces the extension to the page ("…:content-script-started");
// Jalur runs its own (lib/content-script/context.ts).
const BANNED = ['Dexie', 'ZodError', 'supabase', 'content-script-started'];

let failed = false;
// Every script that runs in a page: the manifest's content scripts (the LinkedIn router is an unlisted
// script at the root, see wxt.config.ts) and every file under content-scripts/, which holds the surface
// scripts the background injects at run time (`registration: 'runtime'`, not in the manifest).
const manifest = JSON.parse(readFileSync(`${SHIPPED}/manifest.json`, 'utf8'));
const pageScripts = new Set((manifest.content_scripts ?? []).flatMap((c) => c.js ?? []));
for (const f of readdirSync(`${SHIPPED}/content-scripts`).filter((n) => n.endsWith('.js'))) pageScripts.add(`content-scripts/${f}`);
const router = (manifest.content_scripts ?? []).filter((c) => (c.matches ?? []).some((m) => m.includes('linkedin.com')));
if (router.length !== 1 || router[0].js?.length !== 1) {
  console.error(`LinkedIn pages must get exactly one manifest script (the router), found ${JSON.stringify(router.map((c) => c.js))}`);
  failed = true;
}
// The router runs on every LinkedIn page load, before the load event: it stays tiny and carries no
// library (it is built as an unlisted script, which the content-script plugins of wxt.config.ts skip).
const ROUTER_BUDGET = 1024;
for (const f of router[0]?.js ?? []) {
  const src = readFileSync(`${SHIPPED}/${f}`);
  const gz = gzipSync(src, { level: 9 }).length;
  const heavy = ['api-metadata.json', 'Dexie', 'ZodError'].filter((w) => src.includes(w));
  console.log(`${f} (LinkedIn router): ${gz} bytes gzipped (budget ${ROUTER_BUDGET})${heavy.length ? `, contains ${heavy.join(', ')}` : ''}`);
  if (gz > ROUTER_BUDGET || heavy.length) failed = true;
}
for (const f of [...pageScripts].sort()) {
  const src = readFileSync(`${SHIPPED}/${f}`);
  const gz = gzipSync(src, { level: 9 }).length;
  const banned = BANNED.filter((w) => src.includes(w));
  console.log(`${f}: ${(gz / 1024).toFixed(1)} KB gzipped${banned.length ? `, contains ${banned.join(', ')}` : ''}`);
  if (gz > BUDGET || banned.length) failed = true;
}
if (failed) {
  console.error('content script over budget or carrying a forbidden library');
  process.exit(1);
}

function files(root) {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(root, join(d.parentPath, d.name)))
    .sort();
}

/** Same text apart from `closed` where the open build says `open`. */
function sameButMode(shipped, open) {
  const a = shipped.split(/(closed|open)/);
  const b = open.split(/(closed|open)/);
  if (a.length !== b.length) return false;
  return a.every((part, i) => part === b[i] || (part === 'closed' && b[i] === 'open'));
}

if (existsSync(OPEN)) {
  const names = files(SHIPPED);
  const other = files(OPEN);
  const differ = [];
  if (names.join('\n') !== other.join('\n')) differ.push(`file lists (${SHIPPED}: ${names.length}, ${OPEN}: ${other.length})`);
  else
    for (const n of names) {
      const x = readFileSync(join(SHIPPED, n));
      const y = readFileSync(join(OPEN, n));
      if (!x.equals(y) && !sameButMode(x.toString('latin1'), y.toString('latin1'))) differ.push(n);
    }
  if (differ.length) {
    console.error(`the open-shadow-roots build differs from the shipped one beyond the roots' mode: ${differ.join(', ')}`);
    console.error('(if sources changed between the two builds, build both again)');
    process.exit(1);
  }
  console.log(`${OPEN} is ${SHIPPED} with open shadow roots, nothing else`);
}
