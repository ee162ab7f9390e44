import { browser } from 'wxt/browser';
import type { ExtractResult, ProspectDraft } from '../../lib/model/draft';
import { isProfileUrl, profileKeys, profileUrl } from '../../lib/sites/linkedin/url';

/** `?tabId=<id>` pins a page to one tab (CONTRACT.md); otherwise it acts on the active tab. */
export function pinnedTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

/**
 * The tab the rep is looking at. When this page is itself a tab (the panel popped out, or opened as
 * sidepanel.html), it never follows itself: it takes the most recently used other tab.
 */
export async function activeTabId(): Promise<number | null> {
  const own = (await browser.tabs.getCurrent())?.id;
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (active?.id !== undefined && active.id !== own) return active.id;
  const others = (await browser.tabs.query({})).filter((t) => t.id !== undefined && t.id !== own);
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0]?.id ?? null;
}

/** This page's own tab id, when it is a tab; undefined in the real side panel and the popup. */
export async function ownTabId(): Promise<number | undefined> {
  return (await browser.tabs.getCurrent())?.id;
}

/** Ask the tab's content script what it sees; null when no Jalur script runs there. */
export async function extractFromTab(tabId: number): Promise<ExtractResult | null> {
  try {
    const r = (await browser.tabs.sendMessage(tabId, { type: 'extract' })) as ExtractResult | undefined;
    return r ?? null;
  } catch {
    return null;
  }
}

/**
 * What the tab's page shows once it has drawn its profile: asked again while the answer is
 * "not rendered yet", for at most `waitMs`, so a page whose profile never becomes readable gives
 * its last answer instead of leaving the popup on "Loading…".
 */
export async function extractSettled(tabId: number, alive: () => boolean, waitMs = 900, stepMs = 150): Promise<ExtractResult | null> {
  const until = Date.now() + waitMs;
  for (;;) {
    const r = await extractFromTab(tabId);
    if (!r || r.ok || r.reason !== 'not-rendered' || Date.now() >= until || !alive()) return r;
    await new Promise((done) => setTimeout(done, stepMs));
  }
}

/** Everyone the tab's page shows (the participants of a mail thread); empty where there is one person or none. */
export async function peopleInTab(tabId: number): Promise<ProspectDraft[]> {
  try {
    const r = (await browser.tabs.sendMessage(tabId, { type: 'people' })) as ProspectDraft[] | undefined;
    return Array.isArray(r) ? r : [];
  } catch {
    return [];
  }
}

/**
 * When a profile is open but its name cannot be read (LinkedIn changed its markup), the rep can still
 * clip it by typing: a draft with the identity from the tab's URL and no fields.
 */
export async function manualDraft(tabId: number): Promise<ProspectDraft | null> {
  const url = await browser.tabs.get(tabId).then(
    (t) => t.url ?? '',
    () => '',
  );
  const { slug, memberId } = isProfileUrl(url) ? profileKeys(url) : { slug: null, memberId: null };
  const key = slug ?? memberId;
  return key ? { site: 'linkedin', slug, ...(memberId ? { memberId } : {}), linkedinUrl: profileUrl(key), fields: {} } : null;
}
