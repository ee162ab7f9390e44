// The board's opening times of two builds, in turns in one run so both see the same machine load:
// worker running, worker asleep, and a blank extension page of the same build (the floor any extension
// page pays), over the board bench's seed (10,000 prospects). Same readiness as ./board.ts.
// `npx tsx test/bench/board-ab.ts <buildA> <buildB> [rounds] [width] [height]` (420×900: the side panel).
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchWithExtension, serviceWorker, stopServiceWorker } from '../e2e/harness';
import { openBoard } from './board';
import { openFloor, withFloorPage } from './floor-page';
import type { BoardSeedGlobal } from './board-seed';
import { bundleForBrowser } from './bundle';
import { median, p95 } from './stats';

const [dirA, dirB] = [process.argv[2]!, process.argv[3]!].map((d) => resolve(d));
const rounds = Number(process.argv[4] ?? 8);
const viewport = { width: Number(process.argv[5] ?? 420), height: Number(process.argv[6] ?? 900) };

const seedScript = await bundleForBrowser(resolve('test/bench/board-seed.ts'));
const builds = [];
for (const dir of [dirA, dirB]) {
  const copy = withFloorPage(dir);
  const { context, close: closeBrowser } = await launchWithExtension({ extensionDir: copy });
  const close = async () => (await closeBrowser(), rmSync(copy, { recursive: true, force: true }));
  const sw = await serviceWorker(context);
  const id = new URL(sw.url()).host;
  await sw.evaluate(seedScript);
  await sw.evaluate((n) => (globalThis as unknown as BoardSeedGlobal).jalurBoardSeed(n, 11), 10_000);
  builds.push({ dir, context, close, id, warm: [] as number[], cold: [] as number[], floor: [] as number[], dcl: [] as number[], coldDcl: [] as number[], stored: 0 });
}
const loads: number[] = [loadavg()[0]!];
try {
  for (const b of builds) for (let i = 0; i < 2; i++) (await openFloor(b.context, b.id, viewport), await openBoard(b.context, b.id, true, viewport));
  for (let r = 0; r < rounds; r++) {
    for (const b of r % 2 ? [...builds].reverse() : builds) {
      b.floor.push(await openFloor(b.context, b.id, viewport));
      const w = await openBoard(b.context, b.id, true, viewport);
      b.warm.push(w.readyMs);
      b.dcl.push(w.domContentLoadedMs);
      await stopServiceWorker(b.context, await serviceWorker(b.context));
      const c = await openBoard(b.context, b.id, true, viewport);
      b.cold.push(c.readyMs);
      b.coldDcl.push(c.domContentLoadedMs);
      b.stored += Number(w.stored) + Number(c.stored);
    }
    loads.push(loadavg()[0]!);
  }
} finally {
  for (const b of builds) await b.close();
}
const f = (xs: number[]) => `median ${median(xs).toFixed(0)} p95 ${p95(xs).toFixed(0)} [${xs.map((x) => x.toFixed(0)).join(' ')}]`;
console.log(`viewport ${viewport.width}×${viewport.height}, ${rounds} rounds`);
for (const b of builds) {
  console.log(b.dir);
  console.log('  board, worker asleep :', f(b.cold), ' DCL', median(b.coldDcl).toFixed(0));
  console.log('  board, worker running:', f(b.warm), ' DCL', median(b.dcl).toFixed(0));
  console.log('  blank extension page :', f(b.floor));
  console.log('  running, over the blank page of its round:', f(b.warm.map((w, i) => w - b.floor[i]!)));
  console.log(`  from the kept first screen: ${b.stored} of ${2 * rounds}`);
}
console.log('load average (1 min) per round:', loads.map((l) => l.toFixed(2)).join(' '));
