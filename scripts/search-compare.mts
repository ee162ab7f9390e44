// Side panel search at 10,000 prospects, two builds compared in turns under the same load:
//   npx tsx scripts/search-compare.mts <extension dir A> <extension dir B> [cycles] [rounds]
// Each cycle launches A then B (fresh profile, 10,000 prospects imported, the first search timed on its
// own), so a busy moment on the shared machine hits both. Prints each run and the pooled median / p95,
// the reply's size, and — for a build instrumented with `globalThis.__prof` — the worker's own split.
// SEARCH_PANEL_FIRST=1 opens the side panel two seconds before the first search (as a rep would).
import { launchWithExtension, serviceWorker } from '../test/e2e/harness';
import { csv, QUERIES } from '../test/bench/search-bench';
import { median, p95 } from '../test/bench/stats';
import { loadavg } from 'node:os';

const [dirA, dirB, cyclesArg, roundsArg] = process.argv.slice(2);
if (!dirA) throw new Error('usage: search-compare.mts <dirA> [dirB] [cycles] [rounds]');
const dirs = [dirA, ...(dirB ? [dirB] : [])];
const cycles = Number(cyclesArg ?? 3);
const rounds = Number(roundsArg ?? 8);
const text = csv(10_000);
/** SEARCH_PANEL_FIRST=1: the side panel is opened and left PANEL_PAUSE_MS before the first search. */
const panelFirst = process.env.SEARCH_PANEL_FIRST === '1';
const PANEL_PAUSE_MS = 2_000;

interface Run {
  firstMs: number;
  samples: number[];
  bytes: Record<string, number>;
  prof: unknown[];
}

async function once(dir: string): Promise<Run> {
  const { context, close } = await launchWithExtension({ keepWelcome: true, extensionDir: dir });
  try {
    const sw = await serviceWorker(context);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(sw.url()).host}/options.html`);
    await page.evaluate(`(async (text) => {
      const r = await chrome.runtime.sendMessage({ type: 'applyImport', text, skipBadRows: false });
      if (!r.ok) throw new Error(r.error);
    })(${JSON.stringify(text)})`);
    if (panelFirst) {
      // As a rep does: the side panel opens, and the first search comes a couple of seconds later.
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${new URL(sw.url()).host}/sidepanel.html`);
      await panel.getByRole('searchbox', { name: 'Search prospects' }).waitFor();
      await panel.waitForTimeout(PANEL_PAUSE_MS);
    }
    const run = (await page.evaluate(
      `(async ({ queries, rounds }) => {
        const send = async (req) => {
          const r = await chrome.runtime.sendMessage(req);
          if (!r.ok) throw new Error(r.error);
          return r;
        };
        const t0 = performance.now();
        await send({ type: 'search', query: 'warm', limit: 20 });
        const firstMs = performance.now() - t0;
        const samples = [];
        const bytes = {};
        for (let r = 0; r < rounds; r++) {
          for (const q of queries) {
            const t = performance.now();
            const res = await send({ type: 'search', query: q, limit: 20 });
            samples.push(performance.now() - t);
            bytes[q] = JSON.stringify(res).length;
          }
        }
        return { firstMs, samples, bytes };
      })(${JSON.stringify({ queries: QUERIES, rounds })})`,
    )) as Omit<Run, 'prof'>;
    const prof = (await sw.evaluate('globalThis.__prof ?? []')) as unknown[];
    return { ...run, prof };
  } finally {
    await close();
  }
}

const pooled = new Map<string, number[]>();
const f = (v: number) => v.toFixed(1);
for (let c = 0; c < cycles; c++) {
  for (const dir of dirs) {
    const load = loadavg()[0]!.toFixed(2);
    const r = await once(dir);
    pooled.set(dir, [...(pooled.get(dir) ?? []), ...r.samples]);
    console.log(
      `cycle ${c + 1} ${dir}: load ${load}, first ${f(r.firstMs)} ms, median ${f(median(r.samples))} / p95 ${f(p95(r.samples))} / max ${f(Math.max(...r.samples))} ms, reply bytes ${JSON.stringify(r.bytes)}`,
    );
    if (r.prof.length) {
      // Flattened ({ a, sub: { b } } → a, sub.b), each part's median / p95 / max over the run.
      const flat = (r.prof.slice(1) as Record<string, unknown>[]).map((e) =>
        Object.fromEntries(Object.entries(e).flatMap(([k, v]) => (v && typeof v === 'object' ? Object.entries(v).map(([k2, v2]) => [`${k}.${k2}`, v2]) : [[k, v]]))),
      );
      const parts = Object.keys(flat[0] ?? {}).filter((k) => typeof flat[0]![k] === 'number');
      console.log('  worker split: ' + parts.map((k) => { const v = flat.map((e) => e[k] as number); return `${k} ${f(median(v))}/${f(p95(v))}/${f(Math.max(...v))}`; }).join(', '));
    }
  }
}
for (const [dir, s] of pooled) console.log(`pooled ${dir}: n=${s.length} median ${f(median(s))} ms, p95 ${f(p95(s))} ms, max ${f(Math.max(...s))} ms`);
