// Page load with Jalur, judged against the floor: an extension whose content scripts do nothing. Any
// extension with a content script costs the page something (Chromium sets up an isolated world and
// injects the file), which no extension can avoid, so the budget is Jalur ÷ that floor (≤ 1.01), not
// Jalur ÷ no extension. Both are measured on the small synthetic profile and on a large one of a real
// logged-in profile's size (~1 MB). The floor is made here: the built extension's own manifest's
// content-script entries (every LinkedIn script the build has, whoever added it), each pointing at an
// empty file. Jalur is the whole built extension, so every content script it ships is measured.
import type { BrowserContext, Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, fixture, launchWithExtension, serveLinkedIn, serviceWorker } from '../e2e/harness';
import { BUDGETS } from './budgets';
import { launchPlain } from './browser';
import { largeProfile } from './large-profile';
import { median } from './stats';
import type { Row } from './table';

// A full logged-in profile of a recent vintage, at its real URL so the content scripts do their full work.
const FIXTURE = 'linkedin/2024-data-view-name.html';
const SLUG = 'thandiwe-okonkwo-reyes-fx24';
const PROFILE = `https://www.linkedin.com/in/${SLUG}/`;
const WARMUP = 3;
/** Issue 19: Jalur ÷ an extension whose content script does nothing. */
const FLOOR_RATIO = 1.01;

type Who = 'jalur' | 'floor' | 'plain';
const WHO: readonly Who[] = ['jalur', 'floor', 'plain'];

interface Timing {
  /** Document fully received: what comes before is the route round trip through Node, not the page. */
  responseEnd: number;
  domContentLoaded: number;
  load: number;
}

/** The floor: Jalur's manifest's content scripts, same matches and timing, each an empty file. */
function floorExtension(): { dir: string; scripts: number } {
  const jalur = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    content_scripts?: Array<{ matches: string[]; run_at?: string; js?: string[]; all_frames?: boolean }>;
  };
  const dir = mkdtempSync(join(tmpdir(), 'jalur-floor-'));
  const entries = (jalur.content_scripts ?? []).map((c) => ({ ...c, js: (c.js ?? []).map((_, i) => `empty-${i}.js`) }));
  const most = Math.max(0, ...entries.map((e) => e.js.length));
  for (let i = 0; i < most; i++) writeFileSync(join(dir, `empty-${i}.js`), '// does nothing\n');
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'Empty content script (bench floor)', version: '1.0.0', content_scripts: entries }, null, 2),
  );
  return { dir, scripts: entries.reduce((n, e) => n + e.js.length, 0) };
}

async function loadOnce(page: Page, url: string, who: Who): Promise<Timing> {
  // A fresh query string each time: a new-document navigation, never a reload of the previous one.
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(
    () => ((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? 0) > 0,
  );
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { responseEnd: nav.responseEnd, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
  });
  // Proof Jalur really ran on this load, and its after-load work is over before the next browser's
  // turn on the same two cores.
  if (who === 'jalur') await page.locator(`jalur-inline[data-slug="${SLUG}"]`).waitFor({ timeout: 10_000 });
  await page.waitForTimeout(100);
  return t;
}

interface Measured {
  load: Record<Who, number>;
  raw: Record<Who, Timing[]>;
}

async function measure(pages: Map<Who, Page>, path: string, loads: number): Promise<Measured> {
  const raw: Record<Who, Timing[]> = { jalur: [], floor: [], plain: [] };
  for (let i = 0; i < WARMUP + loads; i++) {
    // Rotate who goes first so drift in machine load (other jobs, GC) falls on all three alike.
    const order = WHO.map((_, k) => WHO[(i + k) % WHO.length]!);
    for (const who of order) {
      const t = await loadOnce(pages.get(who)!, `${PROFILE}?${path}=${i}`, who);
      if (i >= WARMUP) raw[who].push(t);
    }
  }
  const load = Object.fromEntries(WHO.map((w) => [w, median(raw[w].map((t) => t.load))])) as Record<Who, number>;
  return { load, raw };
}

function rows(label: string, m: Measured, bytes: number, loads: number): Row[] {
  const paired = m.raw.jalur.map((t, i) => t.load / m.raw.floor[i]!.load);
  const ratio = m.load.jalur / m.load.floor;
  return [
    {
      what: `page load Jalur ÷ empty-content-script floor, ${label}`,
      measured: `${ratio.toFixed(3)} (${m.load.jalur.toFixed(1)} ÷ ${m.load.floor.toFixed(1)} ms loadEventEnd medians; paired median ${median(paired).toFixed(3)})`,
      budget: `≤ ${FLOOR_RATIO}`,
      pass: ratio <= FLOOR_RATIO,
      detail: {
        fixture: FIXTURE,
        htmlBytes: bytes,
        loadsEach: loads,
        loadMs: m.load,
        ratio,
        pairedRatioMedian: median(paired),
        domContentLoadedRatio: median(m.raw.jalur.map((t) => t.domContentLoaded)) / median(m.raw.floor.map((t) => t.domContentLoaded)),
        // Without the document's own route round trip through Node, the noisiest part on a busy machine.
        afterResponseRatio:
          median(m.raw.jalur.map((t) => t.load - t.responseEnd)) / median(m.raw.floor.map((t) => t.load - t.responseEnd)),
      },
    },
    {
      what: `page load floor ÷ no extension, ${label} (what any content script costs)`,
      measured: `${(m.load.floor / m.load.plain).toFixed(3)}; Jalur ÷ no extension ${(m.load.jalur / m.load.plain).toFixed(3)}`,
      budget: `for comparison (old row ≤ ${BUDGETS.pageLoadRatio})`,
      pass: null,
    },
  ];
}

export async function pageLoadRows(o: { loads: number }): Promise<{ rows: Row[]; raw: Record<string, Record<Who, Timing[]>> }> {
  const small = fixture(FIXTURE);
  const large = largeProfile(small);
  const floor = floorExtension();
  const browsers = await Promise.all([launchWithExtension(), launchWithExtension({ extensionDir: floor.dir }), launchPlain()]);
  try {
    await serviceWorker(browsers[0].context);
    const pages = new Map<Who, Page>();
    for (const [k, who] of WHO.entries()) {
      const context: BrowserContext = browsers[k]!.context;
      await serveLinkedIn(context, /^https:\/\/www\.linkedin\.com\//, (url) => (url.searchParams.has('large') ? large : small));
      pages.set(who, await context.newPage());
    }
    const s = await measure(pages, 'small', o.loads);
    const l = await measure(pages, 'large', o.loads);
    return {
      rows: [
        ...rows(`small synthetic profile (${Math.round(small.length / 1024)} KB)`, s, small.length, o.loads),
        ...rows(`large synthetic profile (${Math.round(large.length / 1024)} KB, ${floor.scripts} content scripts in the floor)`, l, large.length, o.loads),
      ],
      raw: { small: s.raw, large: l.raw },
    };
  } finally {
    await Promise.all(browsers.map((b) => b.close()));
    rmSync(floor.dir, { recursive: true, force: true });
  }
}

if (import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1] ?? '').href) {
  const r = await pageLoadRows({ loads: Number(process.argv[2] ?? 30) });
  for (const row of r.rows) console.log(`${row.what}: ${row.measured} (budget ${row.budget})`);
}
