// Opening the side panel on a given person or view from another extension page (the popup). Chrome
// opens the panel only within the click's user gesture, so sidePanel.open() is called before
// anything is awaited; the panel learns what to show from session storage (read on load, watched
// while open). Where Chrome refuses, the same view opens as a tab (sidepanel.html?person=… / ?view=).
import { browser } from 'wxt/browser';
import { openSidePanel } from '../../shared/open-side-panel';

export const PANEL_OPEN_KEY = 'jalur:panel-open';
/** A request older than this is from an earlier opening and is ignored. */
const FRESH_MS = 15_000;

export type PanelTarget = { view: 'person'; prospectId: string } | { view: 'today' };

export function panelUrl(target: PanelTarget): string {
  return browser.runtime.getURL(
    target.view === 'person' ? `/sidepanel.html?person=${encodeURIComponent(target.prospectId)}` : '/sidepanel.html?view=today',
  );
}

export function openPanelOn(target: PanelTarget, where: { tabId: number | null; windowId: number | null }): Promise<'panel' | 'tab'> {
  let opening: Promise<unknown>;
  try {
    opening =
      where.tabId !== null
        ? openSidePanel({ tabId: where.tabId })
        : where.windowId !== null
          ? openSidePanel({ windowId: where.windowId })
          : Promise.reject(new Error('no window'));
  } catch (e) {
    opening = Promise.reject(e);
  }
  const told = browser.storage.session.set({ [PANEL_OPEN_KEY]: { ...target, at: Date.now() } });
  return opening.then(
    async () => {
      await told;
      return 'panel' as const;
    },
    async () => {
      await told.catch(() => undefined);
      await browser.storage.session.remove(PANEL_OPEN_KEY).catch(() => undefined);
      await browser.tabs.create({ url: panelUrl(target) });
      return 'tab' as const;
    },
  );
}

function parse(v: unknown): PanelTarget | null {
  const o = v as { view?: unknown; prospectId?: unknown; at?: unknown } | undefined;
  if (!o || typeof o.at !== 'number' || Date.now() - o.at > FRESH_MS) return null;
  if (o.view === 'today') return { view: 'today' };
  if (o.view === 'person' && typeof o.prospectId === 'string' && o.prospectId.length <= 100)
    return { view: 'person', prospectId: o.prospectId };
  return null;
}

/** In the panel: call back with each request to show a person or view (one waiting at load, then new ones). */
export function watchPanelRequests(onTarget: (t: PanelTarget) => void): () => void {
  const take = (v: unknown) => {
    const target = parse(v);
    if (!target) return;
    onTarget(target);
    void browser.storage.session.remove(PANEL_OPEN_KEY).catch(() => undefined);
  };
  void browser.storage.session
    .get(PANEL_OPEN_KEY)
    .then((r) => take(r[PANEL_OPEN_KEY]))
    .catch(() => undefined);
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && changes[PANEL_OPEN_KEY]?.newValue) take(changes[PANEL_OPEN_KEY].newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
