// Fails the test run when a content script grows past its budget (DESIGN.md §6: 20 KB gzipped)
// or pulls in a library that must stay out of pages (DESIGN.md §2).
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dir = '.output/chrome-mv3/content-scripts';
const BUDGET = 20 * 1024;
let failed = false;
for (const f of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
  const src = readFileSync(`${dir}/${f}`);
  const gz = gzipSync(src, { level: 9 }).length;
  const banned = ['Dexie', 'ZodError', 'supabase'].filter((w) => src.includes(w));
  console.log(`${f}: ${(gz / 1024).toFixed(1)} KB gzipped${banned.length ? `, contains ${banned.join(', ')}` : ''}`);
  if (gz > BUDGET || banned.length) failed = true;
}
if (failed) {
  console.error('content script over budget or carrying a forbidden library');
  process.exit(1);
}
