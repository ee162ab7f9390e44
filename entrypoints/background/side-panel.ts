// "Open in side panel" from an inline chip. Chrome opens the side panel only within a user gesture;
// a click in a content script may or may not count by the time its message arrives here (it depends
// on the Chrome version), so sidePanel.open() is called first thing, before anything is awaited, and
// where Chrome refuses, the same view opens as a tab pinned to the rep's tab (sidepanel.html?tabId=),
// which shows the person that tab shows. The chip tells the rep which of the two happened.
import { browser } from 'wxt/browser';
import type { Reply } from '../../lib/messaging/types';

interface Sender {
  tab?: { id?: number; index?: number; windowId?: number };
}

export function isOpenSidePanel(msg: unknown): boolean {
  return typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === 'openSidePanel';
}

export function openSidePanelFor(sender: Sender | undefined): Promise<Reply<'openSidePanel'>> {
  const tab = sender?.tab;
  const tabId = tab?.id;
  if (!tab || tabId === undefined) return Promise.resolve({ ok: false, error: 'Open the side panel from the toolbar', code: 'side_panel_from_toolbar' });
  let opening: Promise<unknown>;
  try {
    opening = browser.sidePanel.open({ tabId });
  } catch (e) {
    opening = Promise.reject(e);
  }
  return opening.then(
    () => ({ ok: true, data: { opened: 'panel' } }) as const,
    async () => {
      await browser.tabs.create({
        url: browser.runtime.getURL(`/sidepanel.html?tabId=${tabId}`),
        ...(tab.index !== undefined ? { index: tab.index + 1 } : {}),
        ...(tab.windowId !== undefined ? { windowId: tab.windowId } : {}),
        openerTabId: tabId,
      });
      return { ok: true, data: { opened: 'tab' } } as const;
    },
  );
}
