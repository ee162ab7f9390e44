// "Show Jalur on LinkedIn pages" (options and the welcome page write it to extension storage). Content
// scripts cannot read extension storage (storage is closed to them), so the LinkedIn content script asks
// here before it adds anything to a page, and open LinkedIn tabs are told when the rep changes it.
import { browser } from 'wxt/browser';
import { PageSettingsRequestSchema } from '../../lib/messaging/schemas';
import type { Notice } from '../../lib/messaging/types';
import { SHOW_ON_LINKEDIN_KEY, showOnLinkedIn, type PageSettings } from '../../lib/model/page-prefs';

export function isPageSettingsRequest(msg: unknown): boolean {
  return typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === 'pageSettings';
}

export async function answerPageSettings(msg: unknown): Promise<{ ok: true; data: PageSettings } | { ok: false; error: string }> {
  if (!PageSettingsRequestSchema.safeParse(msg).success) return { ok: false, error: 'Invalid request: pageSettings takes no fields' };
  const stored = await browser.storage.local.get(SHOW_ON_LINKEDIN_KEY);
  return { ok: true, data: { showOnLinkedIn: showOnLinkedIn(stored[SHOW_ON_LINKEDIN_KEY]) } };
}

/** Tell every open LinkedIn tab at once, so unticking the option removes the chips without a reload. */
export function watchPageSettings(): void {
  browser.storage.onChanged.addListener(async (changes, area) => {
    if (area !== 'local' || !(SHOW_ON_LINKEDIN_KEY in changes)) return;
    const notice: Notice = { type: 'pageSettings', showOnLinkedIn: showOnLinkedIn(changes[SHOW_ON_LINKEDIN_KEY]!.newValue) };
    const tabs = await browser.tabs.query({ url: '*://*.linkedin.com/*' });
    for (const tab of tabs) if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, notice).catch(() => undefined);
  });
}

/** The first-run page, opened once when Jalur is installed (not on updates or browser restarts). */
export function openWelcome(reason: string): void {
  if (reason !== 'install') return;
  void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined);
}
