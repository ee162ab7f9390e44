// "Show Jalur on LinkedIn pages" and "Show Jalur in Gmail and Outlook" (options and the welcome page
// write them to extension storage). Content scripts cannot read extension storage (storage is closed to
// them), so every LinkedIn, Gmail and Outlook content script asks here before it adds anything to a
// page, and the open tabs of a site are told when the rep changes its option.
import { browser } from 'wxt/browser';
import { PageSettingsRequestSchema } from '../../lib/messaging/schemas';
import type { Notice } from '../../lib/messaging/types';
import { migratePagePrefs, PAGE_PREF_KEYS, SHOW_ON_LINKEDIN_KEY, SHOW_ON_MAIL_KEY, type PageSettings } from '../../lib/model/page-prefs';
import { SITE_PATTERNS } from '../../lib/sites/hosts';

export function isPageSettingsRequest(msg: unknown): boolean {
  return typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === 'pageSettings';
}

async function readPageSettings(): Promise<PageSettings> {
  return migratePagePrefs(await browser.storage.local.get([...PAGE_PREF_KEYS]));
}

export async function answerPageSettings(msg: unknown): Promise<{ ok: true; data: PageSettings } | { ok: false; error: string }> {
  if (!PageSettingsRequestSchema.safeParse(msg).success) return { ok: false, error: 'Invalid request: pageSettings takes no fields' };
  return { ok: true, data: await readPageSettings() };
}

const LINKEDIN_TABS = SITE_PATTERNS.filter((p) => p.includes('linkedin.com'));
const MAIL_TABS = SITE_PATTERNS.filter((p) => !p.includes('linkedin.com'));

/** Tell every open tab of the site whose option changed at once, so unticking it removes the chips without a reload. */
export function watchPageSettings(): void {
  browser.storage.onChanged.addListener(async (changes, area) => {
    if (area !== 'local') return;
    const patterns = [...(SHOW_ON_LINKEDIN_KEY in changes ? LINKEDIN_TABS : []), ...(SHOW_ON_MAIL_KEY in changes ? MAIL_TABS : [])];
    if (patterns.length === 0) return;
    const notice: Notice = { type: 'pageSettings', ...(await readPageSettings()) };
    const tabs = await browser.tabs.query({ url: patterns });
    for (const tab of tabs) if (tab.id !== undefined) browser.tabs.sendMessage(tab.id, notice).catch(() => undefined);
  });
}

/** The first-run page, opened once when Jalur is installed (not on updates or browser restarts). */
export function openWelcome(reason: string): void {
  if (reason !== 'install') return;
  void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).catch(() => undefined);
}
