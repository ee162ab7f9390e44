// Marks on LinkedIn lists (DESIGN.md §6, issue "Beyond the profile"): a 50-result people search and a
// 30-post feed, in one Chromium with the built extension, served at their real URLs.
//   - time to all marks: from the rows' insertion (in-app navigation, as LinkedIn swaps its main
//     column) to the last mark showing its stage or its Add button, seen by a main-world observer;
//   - main-thread work per frame while marking: CDP traces attributed to the content script per frame
//     (test/bench/mail-trace.ts explains the method), budget 8 ms;
// Their page load is measured by the `load` group (./page-load.ts) on these same two pages, served whole
// as the document: Jalur ÷ an extension whose content script does nothing (≤ 1.01), with Jalur ÷ no
// extension and that floor ÷ no extension beside it. A row here timed with ÷ without on its own, against
// the first budget (≤ 1.05); on the search page the empty content script alone costs about
// 1.11 of no extension, so that row judged Chromium's cost of any content script, not Jalur's.
// A third of the people are in the pipeline, spread over the list; the rest are new (search offers
// them Add, the feed shows nothing for them).
import type { BrowserContext, Page } from '@playwright/test';
import { fixture } from '../shared/pages';
import { launchWithExtension, serveLinkedIn, serviceWorker } from '../e2e/harness';
import { contentScriptWork, startTrace, type FrameWork } from './mail-trace';
import { median, ms, p95 } from './stats';
import type { Row } from './table';

const FRAME_BUDGET_MS = 8;

export interface Surface {
  label: string;
  url: string;
  rows: number;
  /** The repeated row and the person in it, from a committed fixture. */
  template: { file: string; start: string; end: string; slug: string; name: string };
  /** Marks expected once done: tracked people, plus new ones where Add is offered. */
  expected: (tracked: number, rows: number) => number;
}

export const SEARCH: Surface = {
  label: '50-result people search',
  url: 'https://www.linkedin.com/search/results/people/?keywords=bench',
  rows: 50,
  template: { file: 'linkedin-lists/search-2024.html', start: '<li class="reusable-search__result-container">', end: '</li>', slug: 'andini-kusuma-ls24', name: 'Andini Kusuma' },
  expected: (_tracked, rows) => rows,
};

export const FEED: Surface = {
  label: '30-post feed',
  url: 'https://www.linkedin.com/feed/?bench=1',
  rows: 30,
  template: { file: 'linkedin-lists/feed-2024.html', start: '<!-- 1: a person', end: '<!-- 2:', slug: 'gilang-ramadhan-ls24', name: 'Gilang Ramadhan' },
  expected: (tracked) => tracked,
};

function personAt(s: Surface, i: number) {
  const tag = s === SEARCH ? 's' : 'f';
  return { slug: `bench-${tag}-person-${i}`, name: `Bench Person ${tag.toUpperCase()}${i}` };
}

/** The surface's rows: the fixture's first row repeated with a different person each time. */
function rowsHtml(s: Surface): string {
  const html = fixture(s.template.file);
  const from = html.indexOf(s.template.start);
  const block = html.slice(from, html.indexOf(s.template.end, from + s.template.start.length) + (s.template.end === '</li>' ? 5 : 0));
  return Array.from({ length: s.rows }, (_, i) => {
    const p = personAt(s, i);
    return block.split(s.template.slug).join(p.slug).split(s.template.name).join(p.name);
  }).join('\n');
}

/** The page as LinkedIn's app shows it: its chrome, then the list swapped in on navigation (#list) or served whole. */
export function page(s: Surface, whole: boolean): string {
  const html = fixture(s.template.file);
  const head = html.slice(0, html.indexOf('<main'));
  const rows = rowsHtml(s);
  const list = s === SEARCH ? `<ul class="reusable-search__entity-result-list">${rows}</ul>` : rows;
  if (whole) return `${head}<main id="main">${list}</main></body></html>`;
  return `${head}<main id="main"></main><script>
const LIST = ${JSON.stringify(list).replace(/<\//g, '<\\/')};
function render() { document.getElementById('main').innerHTML = location.hash === '#list' ? LIST : ''; }
addEventListener('hashchange', render); render();
</script></body></html>`;
}

interface Probe {
  arm(expected: number): void;
  samples: number[];
}

/**
 * Main-world: when the list arrives (first mutation after arming) and when every expected mark shows.
 * Plain JavaScript (no bundler step between here and the page).
 */
const PROBE = `(() => {
  let armed = null;
  const probe = { samples: [], arm(expected) { armed = { expected, start: 0 }; performance.mark('jalur-nav'); } };
  const check = () => {
    if (!armed) return;
    const now = performance.now();
    if (!armed.start) {
      if (!document.querySelector('#main > *')) return;
      armed.start = now;
    }
    let shown = 0;
    for (const m of document.querySelectorAll('jalur-mark')) if (m.shadowRoot && m.shadowRoot.querySelector('[data-stage], button')) shown++;
    if (shown < armed.expected) return;
    probe.samples.push(now - armed.start);
    armed = null;
    performance.mark('jalur-marks-done');
  };
  window.__listsProbe = probe;
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  // Marks render inside shadow roots a document observer does not see: check each frame too.
  const tick = () => { check(); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})();`;

async function clip(context: BrowserContext, extensionId: string, people: { slug: string; name: string }[]): Promise<void> {
  const p = await context.newPage();
  await p.goto(`chrome-extension://${extensionId}/options.html`);
  await p.evaluate(async (list) => {
    for (const x of list) {
      const r = (await chrome.runtime.sendMessage({
        type: 'capture',
        input: { slug: x.slug, email: null, name: x.name, headline: null, title: null, company: null, location: null, photoUrl: null, linkedinUrl: null },
      })) as { ok: boolean; error?: string };
      if (!r.ok) throw new Error(r.error);
    }
  }, people);
  await p.close();
}

async function marking(context: BrowserContext, tab: Page, extensionId: string, s: Surface, tracked: number, o: { timed: number; traced: number }) {
  await tab.goto(s.url);
  const expected = s.expected(tracked, s.rows);
  const timed: number[] = [];
  const traced: FrameWork[] = [];
  const own: FrameWork[] = [];
  const cdp = await context.newCDPSession(tab);
  for (let i = 0; i < 1 + o.timed + o.traced; i++) {
    await tab.evaluate(() => (location.hash = '#empty'));
    await tab.waitForFunction(() => document.querySelectorAll('jalur-mark').length === 0);
    const stop = i > o.timed ? await startTrace(cdp) : null;
    await tab.evaluate((n) => {
      (window as unknown as { __listsProbe: Probe }).__listsProbe.arm(n);
      location.hash = '#list';
    }, expected);
    await tab.waitForFunction((k) => (window as unknown as { __listsProbe: Probe }).__listsProbe.samples.length >= k, i + 1, { timeout: 20_000, polling: 'raf' });
    const sample = await tab.evaluate((k) => (window as unknown as { __listsProbe: Probe }).__listsProbe.samples[k]!, i);
    await tab.waitForTimeout(300);
    if (stop) {
      const events = await stop();
      traced.push(contentScriptWork(events, { scriptPrefix: `chrome-extension://${extensionId}/`, startMark: 'jalur-nav' }));
      // The same trace, only this surface's own script (every LinkedIn content script runs on these pages).
      own.push(contentScriptWork(events, { scriptPrefix: `chrome-extension://${extensionId}/content-scripts/linkedin-lists.js`, startMark: 'jalur-nav' }));
    }
    else if (i > 0) timed.push(sample);
  }
  await cdp.detach();
  return { timed, traced, own };
}

export async function listRows(o: { timed: number; traced: number }): Promise<{ rows: Row[]; raw: Record<string, unknown> }> {
  const rows: Row[] = [];
  const raw: Record<string, unknown> = {};
  const { context, close } = await launchWithExtension();
  try {
    const sw = await serviceWorker(context);
    const extensionId = new URL(sw.url()).host;
    await context.addInitScript({ content: PROBE });
    for (const s of [SEARCH, FEED]) {
      const people = Array.from({ length: s.rows }, (_, i) => personAt(s, i)).filter((_, i) => i % 3 === 0);
      await clip(context, extensionId, people);
      await serveLinkedIn(context, new RegExp(`^${s.url.split('?')[0]!.replace(/[.?/]/g, '\\$&')}`), page(s, false));
      const tab = await context.newPage();
      const { timed, traced, own } = await marking(context, tab, extensionId, s, people.length, o);
      await tab.close();
      const worst = own.map((t) => t.maxPerFrameMs);
      const all = traced.map((t) => t.maxPerFrameMs);
      raw[s.label] = { timed, traced };
      rows.push(
        {
          what: `LinkedIn ${s.label}: time to all marks (${s.expected(people.length, s.rows)} marks, ${people.length} tracked)`,
          measured: `${ms(median(timed))} median, p95 ${ms(p95(timed))} (${timed.length} navigations)`,
          budget: '—',
          pass: null,
          detail: { timedMs: timed },
        },
        {
          what: `LinkedIn ${s.label}: marks content script's main-thread work per frame while marking`,
          measured: `${ms(median(worst))} worst frame (median of ${worst.length}), max ${ms(Math.max(...worst))}; total ${ms(median(own.map((t) => t.totalMs)))}; all of Jalur's LinkedIn scripts together ${ms(median(all))} worst frame`,
          budget: `≤ ${FRAME_BUDGET_MS} ms per frame`,
          pass: median(worst) <= FRAME_BUDGET_MS,
          detail: { perNavigation: own, allScripts: traced },
        },
      );
    }
  } finally {
    await close();
  }
  return { rows, raw };
}
