// The rep's choices about what Jalur shows inside the sites it works on. Per browser, never synced:
// how visible Jalur is on LinkedIn is a personal risk decision (LinkedIn scans pages for injected
// elements), not a team setting. Stored in extension storage, which content scripts cannot read, so
// the LinkedIn content script asks the background (`pageSettings`) before it adds anything.

/** `chrome.storage.local` key of "Show Jalur on LinkedIn pages". */
export const SHOW_ON_LINKEDIN_KEY = 'showOnLinkedIn';

/** On unless the rep turned it off: anything but an explicit `false` (absent, corrupted) means shown. */
export function showOnLinkedIn(stored: unknown): boolean {
  return stored !== false;
}

/** What a content script learns about the rep's page settings. */
export interface PageSettings {
  showOnLinkedIn: boolean;
}
