// Builds' CSV imports in turns, in the same conditions: the import bench (test/bench/import-bench.ts:
// file chosen from disk, dry run, Import, a LinkedIn tab's chips timed meanwhile) run for each build
// in a fresh browser, round after round, the order rotated every round so a busy moment on the shared
// machine falls on all of them. Prints each run and the medians per build.
// `npx tsx scripts/import-ab.mts <rows> <rounds> <name>=<extension dir> …`
// e.g. `npx tsx scripts/import-ab.mts 30000 3 before=.output-bulk-before/chrome-mv3 after=.output-bulk/chrome-mv3`
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importRows } from '../test/bench/import-bench';

const [rowsArg = '30000', roundsArg = '3', ...builds] = process.argv.slice(2);
const sides = builds.map((b) => {
  const [name, dir] = b.split('=');
  if (!name || !dir) throw new Error(`not name=dir: ${b}`);
  return { name, dir: resolve(dir), dry: [] as number[], apply: [] as number[], chip: [] as number[], idle: [] as number[] };
});
if (sides.length === 0) throw new Error('usage: import-ab.mts <rows> <rounds> <name>=<extension dir> …');
const rows = Number(rowsArg);
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]! : NaN);
const p95 = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)]! : NaN);

for (let k = 0; k < Number(roundsArg); k++) {
  const order = sides.map((_, i) => sides[(i + k) % sides.length]!);
  for (const side of order) {
    const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    const { raw } = await importRows({ rows, extensionDir: side.dir });
    const chips = [...raw.chips.preview, ...raw.chips.apply];
    side.dry.push(raw.previewMs);
    side.apply.push(raw.applyMs);
    side.chip.push(...raw.chips.apply);
    side.idle.push(...raw.idle);
    console.log(
      `round ${k + 1} ${side.name}: dry run ${raw.previewMs} ms, apply ${raw.applyMs} ms (created ${raw.created}), chip during apply median ${median(raw.chips.apply).toFixed(1)} p95 ${p95(raw.chips.apply).toFixed(1)} (n ${raw.chips.apply.length}; all ${median(chips).toFixed(1)}), idle chip ${median(raw.idle).toFixed(1)}, load ${load}`,
    );
  }
}
for (const s of sides)
  console.log(`${s.name}: median dry run ${median(s.dry)} ms, apply ${median(s.apply)} ms; chips during the apply (all rounds) median ${median(s.chip).toFixed(1)} p95 ${p95(s.chip).toFixed(1)} ms (n ${s.chip.length}); idle ${median(s.idle).toFixed(1)}`);
