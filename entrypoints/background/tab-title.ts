// The toolbar icon of a LinkedIn tab tells the story of that tab: its own tooltip ("Jalur — Rizky
// Pratama: Qualification, score 42, next follow-up …" or "… — not in your pipeline") and a per-tab icon
// variant (tracked / untracked). In quiet mode this is the only place the page's person shows outside
// the side panel, because Jalur adds nothing to LinkedIn's page. Only tab-specific action state is set
// here: the global overdue badge (badge.ts) stays as it is, and its sentence is repeated under a tab's
// own title so hovering a LinkedIn tab never hides it.
//
// What a tab shows is remembered in storage.session (tab id → profile slug and name, or the listed
// people's keys), so a worker that Chrome stopped can bring every tab's title up to date after a change
// without asking the pages again. Chrome drops a tab's own title and icon when the tab loads another
// document; LinkedIn tabs report their loads and in-app moves themselves (see watchTabTitles).
import { browser } from 'wxt/browser';
import { formatDue } from '../../components/shared/format';
import { stageLabel, t } from '../../components/shared/i18n';
import { handleRequest } from '../../lib/messaging/handle';
import type { PersonView } from '../../lib/messaging/types';
import type { ExtractResult } from '../../lib/model/draft';
import { overdueCount } from '../../lib/store/queries';
import { draftMention, findTracked, lookupKeys, mergeMentions, parsePagePeople } from '../../lib/tab-status/page-people';
import { iconImageCache } from '../../lib/tab-status/icon-images';
import { parseSeenMap, type Seen, type SeenMap } from '../../lib/tab-status/seen';
import { composeTabStatus, type TabIcon, type TabSubject, type TabTitleWords } from '../../lib/tab-status/title';
import { canonicalSlug, isLinkedInHost, isProfileUrl } from '../../lib/sites/linkedin/url';
import { storeContext } from './context';

const SESSION_KEY = 'jalur:tab-status';

const ICONS: Record<TabIcon, Record<string, string>> = {
  default: { 16: '/icon/16.png', 32: '/icon/32.png' },
  tracked: { 16: '/icon/tab/tracked-16.png', 32: '/icon/tab/tracked-32.png' },
  untracked: { 16: '/icon/tab/untracked-16.png', 32: '/icon/tab/untracked-32.png' },
};

/** One icon file as pixels, as Chrome's own setIcon decodes a path in a worker (see icon-images.ts). */
async function decodeIcon(path: string): Promise<ImageData> {
  const res = await fetch(browser.runtime.getURL(path as '/icon/16.png'));
  if (!res.ok) throw new Error(`icon ${path}: ${res.status}`);
  const bitmap = await createImageBitmap(await res.blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}
const iconImages = iconImageCache(decodeIcon);

const words: TabTitleWords = {
  t: (key, subs) => t(key, subs),
  stageLabel,
  formatDue,
};

async function readSeen(): Promise<SeenMap> {
  const stored: Record<string, unknown> = await browser.storage.session.get(SESSION_KEY).catch(() => ({}));
  return parseSeenMap(stored[SESSION_KEY]);
}

// Writes are chained so two tabs updating at once cannot drop each other's entry.
let writes: Promise<unknown> = Promise.resolve();
function updateSeen(change: (map: SeenMap) => boolean | void): Promise<void> {
  const next = writes.then(async () => {
    const map = await readSeen();
    // `false`: nothing changed (every tab of every site loading passes through forget), nothing written.
    if (change(map) === false) return;
    await browser.storage.session.set({ [SESSION_KEY]: map });
  });
  writes = next.catch(() => undefined);
  return next.catch(() => undefined);
}

async function ask(tabId: number, msg: { type: 'extract' } | { type: 'pagePeople' }): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, msg).catch(() => undefined);
}

/** Read the tab: the profile person (profile script), else the people the page lists (lists script). */
async function look(tabId: number, url: string): Promise<{ seen: Seen; settled: boolean }> {
  if (isProfileUrl(url)) {
    const urlSlug = canonicalSlug(url)!;
    const r = (await ask(tabId, { type: 'extract' })) as ExtractResult | undefined;
    if (r?.ok) {
      const m = draftMention(r.draft);
      return { seen: { kind: 'person', url, slug: m?.slug ?? urlSlug, pageName: m?.name ?? null }, settled: true };
    }
    // Not rendered yet (LinkedIn draws the top card after the URL changes) or no script yet: the URL's
    // slug already finds a tracked person; the page's name follows on a later look.
    return { seen: { kind: 'person', url, slug: urlSlug, pageName: null }, settled: r !== undefined && r.reason !== 'not-rendered' };
  }
  const people = mergeMentions(null, parsePagePeople(await ask(tabId, { type: 'pagePeople' })));
  if (people.length === 0) return { seen: { kind: 'none', url }, settled: false };
  return { seen: { kind: 'list', url, ...lookupKeys(people) }, settled: true };
}

async function lookup(slugs: string[], memberIds: string[]): Promise<PersonView[]> {
  const req = { type: 'lookup', slugs, emails: [], ...(memberIds.length ? { memberIds } : {}) };
  const reply = await handleRequest(await storeContext(), req);
  return reply.ok ? (reply.data as { people: PersonView[] }).people : [];
}

async function subjectOf(seen: Seen): Promise<TabSubject> {
  if (seen.kind === 'person') {
    const p = (await lookup([seen.slug], []))[0] ?? null;
    return { kind: 'person', pageName: seen.pageName, tracked: p };
  }
  if (seen.kind === 'list') {
    const people = await lookup(seen.slugs, seen.memberIds);
    const keys = [...seen.slugs.map((slug) => ({ slug, memberId: null })), ...seen.memberIds.map((memberId) => ({ slug: null, memberId }))];
    const tracked = keys.filter((k) => findTracked({ ...k, name: '', headline: null, location: null, surface: '' }, people)).length;
    return { kind: 'list', shown: keys.length, tracked };
  }
  return { kind: 'none' };
}

/** Set the tab's own title and icon from what it shows; false when the tab is gone. */
async function apply(tabId: number, seen: Seen, overdue?: number): Promise<boolean> {
  const count = overdue ?? (await overdueCount(await storeContext()));
  const status = composeTabStatus(await subjectOf(seen), count, words);
  try {
    await browser.action.setTitle({ tabId, title: status.title });
    const paths = ICONS[status.icon];
    // Pixels decoded once per worker; the paths only if decoding is impossible here.
    const imageData = await iconImages(paths).catch(() => null);
    await browser.action.setIcon(imageData ? { tabId, imageData } : { tabId, path: paths });
    return true;
  } catch {
    return false;
  }
}

function forget(tabId: number): Promise<void> {
  return updateSeen((map) => String(tabId) in map && delete map[String(tabId)]);
}

// Per tab: the latest look wins, and a burst of updates (LinkedIn retitles its tab often) is one look.
const generation = new Map<number, number>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();
const RETRY_MS = [250, 500, 1000, 2000, 4000];

async function inspect(tabId: number, attempt: number): Promise<void> {
  const gen = (generation.get(tabId) ?? 0) + 1;
  generation.set(tabId, gen);
  const url = await browser.tabs.get(tabId).then(
    (tab) => tab.url ?? '',
    () => null,
  );
  if (url === null) return forget(tabId);
  if (!isLinkedInHost(url)) {
    // Left LinkedIn: the new document has the default title already; nothing to remember.
    return forget(tabId);
  }
  const { seen, settled } = await look(tabId, url);
  if (generation.get(tabId) !== gen) return;
  await updateSeen((map) => void (map[String(tabId)] = seen));
  if (!(await apply(tabId, seen))) return forget(tabId);
  // The page is still drawing (name not rendered, list not there yet): look again shortly.
  const wait = RETRY_MS[attempt];
  if (!settled && wait !== undefined) {
    clearTimeout(timers.get(tabId));
    timers.set(
      tabId,
      setTimeout(() => {
        if (generation.get(tabId) === gen) void inspect(tabId, attempt + 1);
      }, wait),
    );
  }
}

/** Look at a tab soon (coalescing bursts of tab updates into one look). */
export function tabChanged(tabId: number): void {
  clearTimeout(timers.get(tabId));
  timers.set(
    tabId,
    setTimeout(() => void inspect(tabId, 0), 100),
  );
}

/**
 * After anything that changes what titles say (a change in the store, a follow-up falling due): every
 * LinkedIn tab given a title of its own gets it again, from storage.session and the store alone.
 */
export async function refreshTabTitles(overdue?: number): Promise<void> {
  const map = await readSeen();
  const count = overdue ?? (await overdueCount(await storeContext()));
  // Tabs showing nobody too: their own title repeats the overdue count, which may have changed.
  for (const [id, seen] of Object.entries(map)) {
    const tabId = Number(id);
    // Jalur sees the URL of its own sites only: a tab that left LinkedIn (or closed) is forgotten, never
    // given a LinkedIn person's title again; one that moved within LinkedIn is looked at afresh.
    const url = await browser.tabs.get(tabId).then(
      (tab) => tab.url ?? null,
      () => null,
    );
    if (url === null || !isLinkedInHost(url)) await forget(tabId);
    else if (url !== seen.url) tabChanged(tabId);
    else if (!(await apply(tabId, seen, count))) await forget(tabId);
  }
}

/**
 * Registered at the worker's top level. Jalur keeps no watch on tab updates: that listener would wake the
 * worker for every page load on every site, competing with the page for the CPU. A LinkedIn tab tells the
 * background itself (the router's injection request after the load, and `pageChanged` after in-app
 * moves); a tab that left LinkedIn has its title and icon reset by Chrome and is forgotten at the next
 * refresh (refreshTabTitles).
 */
export function watchTabTitles(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    clearTimeout(timers.get(tabId));
    generation.delete(tabId);
    void forget(tabId);
  });
}
