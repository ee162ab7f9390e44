// The marks layer on LinkedIn lists, the feed and Sales Navigator rows (entrypoints/linkedin-lists.content).
// Browser glue: what a page shows comes from lib/sites/linkedin/page-people.ts and its surface readers.
//
// Work is cut into frames. A mutation schedules one pass per animation frame; a pass reads rows not
// seen before (or whose link changed: LinkedIn reuses row nodes) until its time slice is spent and
// continues in the next frame; everyone a frame found is looked up in one request; marks are then
// inserted, again a time slice per frame. Nothing is added to the page while the rep has switched
// Jalur off on LinkedIn; the people on the page are still answered to the side panel (`pagePeople`).
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { showOnLinkedInOnce } from '../../../lib/content-script/after-load';
import { showFromNotice } from '../../../lib/content-script/page-settings';
import type { PagePeopleReply, PersonView, Request, TabRequest } from '../../../lib/messaging/types';
import { keyOf, viewerOf, type Viewer } from '../../../lib/sites/linkedin/lists/identity';
import { CLIP_SURFACES, type ListPerson } from '../../../lib/sites/linkedin/lists/types';
import { pagePeople, pageRows, readRef, rowReader } from '../../../lib/sites/linkedin/page-people';
import { profileUrl } from '../../../lib/sites/linkedin/url';
import { ask } from '../../shared/api';
import { BULK_TAG, createBulkBar, renderBulkBar, type BulkState } from './bulk-bar';
import { shadowHost, tr as t, type Host } from './dom';
import { renderMark, type Engagement, type MarkState } from './mark';

export const MARK_TAG = 'jalur-mark';

/**
 * Our share of a frame for reading rows and inserting marks. The budget is 8 ms of the content script's
 * work per frame, and a lookup reply and observer callbacks land in the same frame: half of it.
 */
const SLICE_MS = 4;
/**
 * …and at most this many rows read and marks drawn per frame, whatever the clock says (a busy machine's
 * clock is coarse). Every frame that inserts marks makes the page restyle, lay out and paint again, a
 * cost of its own besides the marks' share: drawn six a frame, a 50-result search took nine such frames
 * and its marks cost the page ~110 ms of main-thread time after the load (whole-browser trace,
 * test/bench/page-load-trace.ts); seventeen a frame, three frames and about half of it. Reading inserts
 * nothing, so rows are read as fast as the slice allows.
 */
const READ_PER_FRAME = 50;
const DRAW_PER_FRAME = 17;
/** The background's lookup takes up to 200 keys of each kind. */
const LOOKUP_BATCH = 200;
const OURS = `${MARK_TAG}, ${BULK_TAG}, jalur-inline`;

interface Mark {
  row: Element;
  href: string | null;
  person: ListPerson;
  key: string;
  host: Host | null;
  /** The lookup answered (tracked or not). */
  looked: boolean;
  state: MarkState | null;
}

type Lookup = Extract<Request, { type: 'lookup' }>;

/** One lookup per batch of people (split only past the request's 200-key limit). */
async function lookup(people: ListPerson[]): Promise<Map<string, PersonView>> {
  const slugs = [...new Set(people.map((p) => p.slug).filter((s): s is string => !!s))];
  const ids = [...new Set(people.map((p) => p.memberId).filter((s): s is string => !!s))];
  const found = new Map<string, PersonView>();
  for (let i = 0; i < Math.max(slugs.length, ids.length); i += LOOKUP_BATCH) {
    const req: Lookup = { type: 'lookup', slugs: slugs.slice(i, i + LOOKUP_BATCH), emails: [], memberIds: ids.slice(i, i + LOOKUP_BATCH) };
    const reply = await ask(req);
    if (!reply.ok) throw new Error(reply.error);
    for (const v of reply.data.people) {
      found.set(v.key, v);
      if (v.memberId) found.set(v.memberId, v);
    }
  }
  return found;
}

function viewOf(found: Map<string, PersonView>, p: ListPerson): PersonView | null {
  return (p.slug && found.get(p.slug)) || (p.memberId && found.get(p.memberId)) || null;
}

/** What a row shows, as a clip (what `capture` and `captureMany` take). */
function captureOf(p: ListPerson) {
  return {
    slug: p.slug,
    memberId: p.memberId,
    email: null,
    name: p.name,
    headline: p.headline,
    title: p.title,
    company: p.company,
    location: p.location,
    photoUrl: null,
    linkedinUrl: p.slug ? profileUrl(p.slug) : null,
    source: 'social_selling',
  };
}

function ours(list: NodeList): boolean {
  for (let i = 0; i < list.length; i++) {
    const n = list[i]!;
    if (n.nodeType !== 1 || !(n as Element).matches(OURS)) return false;
  }
  return true;
}

/** A mutation that only inserts or removes our own marks (beside the page's nodes). */
function onlyOurs(r: MutationRecord): boolean {
  return r.addedNodes.length + r.removedNodes.length > 0 && ours(r.addedNodes) && ours(r.removedNodes);
}

export function runLists(ctx: ContentScriptContext): void {
  const marks = new Map<Element, Mark>();
  /** Rendering waits here, a slice per frame. */
  const toRender = new Set<Mark>();
  let shown = false;
  let scheduled = false;
  let bar: { host: Host; list: Element } | null = null;
  const bulk: BulkState = { selecting: false, selected: 0, busy: false, said: '' };
  const selected = new Set<string>();

  /** The page changed since the rows were last listed (our own frames of reading and drawing do not count). */
  let dirty = true;
  /** The viewer, read once their nav shows (it does not change within a page). */
  let viewer: Viewer | null = null;
  /** Rows are read once, for the marks and for `pagePeople` alike (the toolbar title asks after every load). */
  const readRow = rowReader();

  function changed() {
    dirty = true;
    schedule();
  }

  function schedule() {
    if (scheduled || !shown) return;
    scheduled = true;
    requestAnimationFrame(pass);
  }

  function removeAll() {
    for (const m of marks.values()) m.host?.el.remove();
    marks.clear();
    toRender.clear();
    bar?.host.el.remove();
    bar = null;
    selected.clear();
    Object.assign(bulk, { selecting: false, selected: 0, busy: false, said: '' });
  }

  /** What the mark of a row should show, from its lookup and the surface. */
  function stateFor(m: Mark, view: PersonView | null): MarkState | null {
    const prev = m.state;
    if (view) {
      const engage = m.person.surface === 'feed' ? (prev?.kind === 'tracked' && prev.engage) || 'closed' : undefined;
      return { kind: 'tracked', person: view, engage, added: prev?.kind === 'new' && prev.busy };
    }
    if (!CLIP_SURFACES.has(m.person.surface)) return null;
    const busy = prev?.kind === 'new' ? prev.busy && !m.looked : false;
    return { kind: 'new', busy, error: prev?.kind === 'new' ? prev.error : null, selecting: bulk.selecting, selected: selected.has(m.key) };
  }

  function setState(m: Mark, state: MarkState | null) {
    m.state = state;
    toRender.add(m);
    schedule();
  }

  function render(m: Mark) {
    if (!m.state) {
      m.host?.el.remove();
      m.host = null;
      return;
    }
    if (!m.person.anchor.isConnected) return;
    if (!m.host) {
      const p = m.person;
      m.host = shadowHost(MARK_TAG, p.slug ? { 'data-slug': p.slug } : { 'data-member-id': p.memberId ?? '' });
    }
    // After the name (or the link around it), and back there if the page moved things about.
    if (m.person.anchor.nextSibling !== m.host.el) m.person.anchor.insertAdjacentElement('afterend', m.host.el);
    renderMark(m.host.mount, m.state, m.person.name, {
      add: () => void add(m),
      select: (on) => toggle(m, on),
      engage: (what) => void engage(m, what),
    });
  }

  async function refresh(list: Mark[]) {
    if (!list.length) return;
    let found: Map<string, PersonView>;
    try {
      found = await lookup(list.map((m) => m.person));
    } catch {
      return; // the worker could not answer: marks stay as they were, the next change asks again
    }
    for (const m of list) {
      if (marks.get(m.row) !== m) continue;
      m.looked = true;
      const view = viewOf(found, m.person);
      if (view) selected.delete(m.key);
      setState(m, stateFor(m, view));
    }
    updateBar();
  }

  async function add(m: Mark) {
    if (m.state?.kind !== 'new' || m.state.busy) return;
    setState(m, { ...m.state, busy: true, error: null });
    const reply = await ask({ type: 'capture', input: captureOf(m.person) } as Extract<Request, { type: 'capture' }>);
    if (!reply.ok) {
      setState(m, { kind: 'new', busy: false, error: reply.error, selecting: bulk.selecting, selected: selected.has(m.key) });
      return;
    }
    m.looked = false;
    await refresh([m]);
  }

  async function engage(m: Mark, what: Engagement | 'open' | 'close') {
    const s = m.state;
    if (s?.kind !== 'tracked') return;
    if (what === 'open' || what === 'close') return setState(m, { ...s, engage: what === 'open' ? 'open' : 'closed', added: false });
    if (s.engage === 'busy') return;
    setState(m, { ...s, engage: 'busy', added: false });
    const req = { type: 'logTouch', prospectId: s.person.prospectId, channel: 'social_engagement', direction: 'out', note: null, engagement: what };
    const reply = await ask(req as Extract<Request, { type: 'logTouch' }>);
    const now = m.state;
    if (now?.kind === 'tracked') setState(m, { ...now, engage: reply.ok ? 'done' : { error: reply.error } });
  }

  // ---- bulk clip ----
  function clippable(): Mark[] {
    return [...marks.values()].filter((m) => m.state?.kind === 'new' && m.person.anchor.isConnected);
  }

  function rerenderNew() {
    for (const m of marks.values()) if (m.state?.kind === 'new') setState(m, stateFor(m, null));
  }

  function toggle(m: Mark, on: boolean) {
    if (on) selected.add(m.key);
    else selected.delete(m.key);
    if (m.state?.kind === 'new') m.state = { ...m.state, selected: on };
    updateBar();
  }

  const bulkActions = {
    start() {
      bulk.selecting = true;
      bulk.said = '';
      rerenderNew();
      updateBar();
    },
    selectAll() {
      for (const m of clippable()) selected.add(m.key);
      rerenderNew();
      updateBar();
    },
    cancel() {
      bulk.selecting = false;
      selected.clear();
      rerenderNew();
      updateBar();
    },
    async add() {
      if (bulk.busy) return;
      const chosen = clippable().filter((m) => selected.has(m.key));
      const people = [...new Map(chosen.map((m) => [m.key, m.person])).values()];
      if (!people.length) return;
      bulk.busy = true;
      updateBar();
      const reply = await ask({ type: 'captureMany', inputs: people.map(captureOf) } as Extract<Request, { type: 'captureMany' }>);
      bulk.busy = false;
      if (reply.ok) {
        bulk.selecting = false;
        selected.clear();
        bulk.said = t('bulkSummary', [String(reply.data.added), String(reply.data.alreadyTracked)]);
        for (const m of chosen) m.looked = false;
        await refresh(chosen);
        rerenderNew();
      } else bulk.said = reply.error;
      updateBar();
    },
  };

  /** The bar sits above the first list of rows offering "Add to pipeline", when at least two do. */
  function updateBar() {
    const open = clippable();
    bulk.selected = open.filter((m) => selected.has(m.key)).length;
    // Once everyone is added the bar stays where it was, to say how it went.
    const list = open[0]?.row.parentElement ?? (bar?.list.isConnected ? bar.list : null);
    if (!list || (open.length < 2 && !bulk.selecting && !bulk.said)) {
      bar?.host.el.remove();
      bar = null;
      return;
    }
    if (!bar || bar.list !== list || !bar.host.el.isConnected) {
      bar?.host.el.remove();
      bar = { host: bar?.host ?? createBulkBar(), list };
      list.insertAdjacentElement('beforebegin', bar.host.el);
    }
    renderBulkBar(bar.host.mount, bulk, bulkActions);
  }

  // ---- the pass ----
  let pending: ReturnType<typeof pageRows> = [];
  let lookupQueue: Mark[] = [];

  function pass() {
    scheduled = false;
    if (!shown) return removeAll();
    const start = performance.now();
    if (dirty && !pending.length) {
      dirty = false;
      pending = pageRows(document, location.href);
      // Rows gone from the page take their marks with them.
      const live = new Set(pending.map((r) => r.row));
      for (const [row, m] of marks) {
        if (live.has(row) && m.person.anchor.isConnected) continue;
        m.host?.el.remove();
        marks.delete(row);
        toRender.delete(m);
      }
    }
    if (pending.length && !viewer?.slugs.size && !viewer?.memberIds.size) viewer = viewerOf(document);
    let read = 0;
    while (pending.length && read < READ_PER_FRAME && performance.now() - start < SLICE_MS) {
      const ref = pending.shift()!;
      const known = marks.get(ref.row);
      const href = known?.person.anchor.getAttribute('href') ?? null;
      if (known && known.person.anchor.isConnected && ref.row.contains(known.person.anchor) && href === known.href) continue;
      known?.host?.el.remove();
      read += 1;
      const person = readRef(ref, viewer!, readRow);
      if (!person) {
        marks.delete(ref.row);
        continue;
      }
      const m: Mark = { row: ref.row, href: person.anchor.getAttribute('href'), person, key: keyOf(person), host: null, looked: false, state: null };
      marks.set(ref.row, m);
      lookupQueue.push(m);
    }
    // Everyone the rows just read name, in one lookup once they are all read (a message to the
    // background costs more than reading a row).
    if (lookupQueue.length && !pending.length) {
      const batch = lookupQueue;
      lookupQueue = [];
      void refresh(batch);
    }
    let drawn = 0;
    for (const m of toRender) {
      if (drawn++ >= DRAW_PER_FRAME || performance.now() - start >= SLICE_MS) break;
      toRender.delete(m);
      render(m);
    }
    if (pending.length || toRender.size) schedule();
  }

  // ---- wiring ----
  const observer = new MutationObserver((records) => {
    if (records.every(onlyOurs)) return;
    changed();
  });

  ctx.addEventListener(window, 'wxt:locationchange', () => {
    pending = [];
    viewer = null;
    changed();
  });

  browser.runtime.onMessage.addListener((msg: unknown) => {
    const m = msg as TabRequest | { type?: string } | undefined;
    if (m?.type === 'pagePeople') {
      const known = viewer && (viewer.slugs.size || viewer.memberIds.size) ? viewer : undefined;
      return Promise.resolve<PagePeopleReply>({ people: pagePeople(document, location.href, { read: readRow, viewer: known }) });
    }
    if (m?.type === 'changed' && shown) void refresh([...marks.values()]);
    const show = showFromNotice(msg);
    if (show !== null && show !== shown) {
      shown = show;
      if (show) {
        observer.observe(document.body, { childList: true, subtree: true });
        changed();
      } else {
        observer.disconnect();
        removeAll();
      }
    }
    return undefined;
  });

  ctx.onInvalidated(() => {
    observer.disconnect();
    removeAll();
  });

  // After the page's load event: LinkedIn renders its lists by script after it anyway.
  const start = async () => {
    shown = await showOnLinkedInOnce(); // one question for all of Jalur's LinkedIn scripts
    if (!shown) return;
    observer.observe(document.body, { childList: true, subtree: true });
    changed();
  };
  if (document.readyState === 'complete') void start();
  else ctx.addEventListener(window, 'load', () => void start(), { once: true });
}
