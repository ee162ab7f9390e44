import { browser } from 'wxt/browser';
import type { ExtractResult } from '../lib/model/draft';

/** `?tabId=<id>` pins a page to one tab (CONTRACT.md); otherwise it acts on the active tab. */
export function pinnedTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id ?? null;
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
