// @vitest-environment jsdom
// The marks on a 50-result people search, frame by frame (animation frames and the clock are the
// test's). Every frame that inserts marks makes the page restyle, lay out and paint again, so the marks
// come in few large batches: 50 new people are read in one frame and marked in three, not read twelve
// and marked six a frame (nine frames of re-rendering the page). The people the marks read are also the
// `pagePeople` answer, without reading the rows again.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const hub = vi.hoisted(() => ({
  listener: null as null | ((msg: unknown) => unknown),
  lookups: [] as { slugs: string[] }[],
}));
vi.mock('wxt/browser', () => ({
  browser: {
    i18n: { getMessage: (k: string) => k, getUILanguage: () => 'en' },
    runtime: {
      sendMessage: async (m: { type: string; slugs?: string[] }) => {
        if (m.type === 'pageSettings') return { ok: true, data: { showOnLinkedIn: true } };
        if (m.type === 'lookup') {
          hub.lookups.push({ slugs: m.slugs ?? [] });
          return { ok: true, data: { people: [] } }; // everyone is new: search offers each "Add to pipeline"
        }
        return { ok: false, error: 'unexpected', code: 'unknown' };
      },
      onMessage: { addListener: (cb: (msg: unknown) => unknown) => (hub.listener = cb) },
    },
  },
}));

const { runLists } = await import('./run-lists');

const FIXTURE = resolve(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/linkedin-lists/search-2024.html');
const ROWS = 50;

/** The 2024 search page, its list holding the first row repeated for 50 different people. */
function searchPage(): void {
  const html = readFileSync(FIXTURE, 'utf8');
  const start = html.indexOf('<li class="reusable-search__result-container">');
  const row = html.slice(start, html.indexOf('</li>', start) + 5);
  const end = html.indexOf('</ul>', start);
  const rows = Array.from({ length: ROWS }, (_, i) => row.split('andini-kusuma-ls24').join(`person-${i}-fx`).split('Andini Kusuma').join(`Person ${i}`));
  document.documentElement.innerHTML = (html.slice(0, start) + rows.join('') + html.slice(end)).replace(/<!doctype[^>]*>|<\/?html[^>]*>/gi, '');
  history.replaceState({}, '', '/search/results/people/?keywords=x');
}

let frames: FrameRequestCallback[] = [];
/** Run one animation frame, then let promise continuations (the lookup's reply) settle. */
async function frame(): Promise<void> {
  const due = frames;
  frames = [];
  for (const cb of due) cb(0);
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await new Promise((r) => setTimeout(r, 0));
}
const marks = () => document.querySelectorAll('jalur-mark').length;

beforeEach(() => {
  frames = [];
  hub.lookups = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  // A fast machine: the time slice never runs out, the per-frame counts decide.
  vi.spyOn(performance, 'now').mockReturnValue(0);
  searchPage();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('marks on a 50-result search', () => {
  it('are read in one frame, looked up in one request and drawn in three frames', async () => {
    const ctx = { addEventListener: () => undefined, onInvalidated: () => undefined };
    runLists(ctx as unknown as Parameters<typeof runLists>[0]);
    await frame(); // the start: "Show Jalur on LinkedIn pages" answered, the first pass asked for
    expect(marks()).toBe(0);
    expect(frames.length).toBe(1);

    await frame(); // every row read, everyone looked up at once
    expect(document.querySelectorAll('li.reusable-search__result-container')).toHaveLength(ROWS);
    expect(hub.lookups.map((l) => l.slugs.length)).toEqual([ROWS]);
    const drawn: number[] = [];
    for (let i = 0; i < 12 && marks() < ROWS; i++) {
      const before = marks();
      await frame();
      drawn.push(marks() - before);
    }
    expect(marks()).toBe(ROWS);
    expect(drawn.filter((n) => n > 0)).toEqual([17, 17, 16]);
    expect(document.querySelectorAll('jalur-mark[data-slug="person-49-fx"]')).toHaveLength(1);

    // The side panel's and the toolbar title's question: the same people the marks read.
    const reply = (await hub.listener!({ type: 'pagePeople' })) as { people: { slug: string }[] };
    expect(reply.people.map((p) => p.slug)).toEqual(Array.from({ length: ROWS }, (_, i) => `person-${i}-fx`));
  });
});
