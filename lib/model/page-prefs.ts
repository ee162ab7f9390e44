// The rep's choices about what Jalur shows inside the sites it works on. Per browser, never synced:
// how visible Jalur is on LinkedIn or in a mailbox is a personal risk decision (LinkedIn scans pages for
// injected elements; a company's mail client may be watched too), not a team setting. Stored in
// extension storage, which content scripts cannot read, so content scripts ask the background
// (`pageSettings`) before they add anything, and are told when a choice changes.
import { z } from 'zod';

/** `chrome.storage.local` key of "Show Jalur on LinkedIn pages". */
export const SHOW_ON_LINKEDIN_KEY = 'showOnLinkedIn';
/** `chrome.storage.local` key of "Show Jalur in Gmail and Outlook" (absent in stores written before it existed). */
export const SHOW_ON_MAIL_KEY = 'showOnMail';

/** Every stored page preference, one storage key each (read them together with `storage.local.get(PAGE_PREF_KEYS)`). */
export const PAGE_PREF_KEYS = [SHOW_ON_LINKEDIN_KEY, SHOW_ON_MAIL_KEY] as const;
export type PagePrefKey = (typeof PAGE_PREF_KEYS)[number];

// On unless the rep turned it off: anything but an explicit `false` (absent, or unreadable) means
// shown, because an install that never saw the option must keep working as it did.
const ShownUnlessOff = z.boolean().catch(true);

/** What a content script learns about the rep's page settings (the `pageSettings` reply and notice). */
export const PagePrefsSchema = z.object({
  showOnLinkedIn: ShownUnlessOff,
  showOnMail: ShownUnlessOff,
});
export type PageSettings = { [K in PagePrefKey]: boolean };

// The schema and the keys must name the same preferences.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const keysMatch: Same<z.infer<typeof PagePrefsSchema>, PageSettings> = true;
void keysMatch;

export const DEFAULT_PAGE_PREFS: PageSettings = { showOnLinkedIn: true, showOnMail: true };

/**
 * Whatever a store holds, from any version, to the current preferences. Stores from before the mail
 * option hold only `showOnLinkedIn` (or nothing at all): the mail sites keep their chips there, as
 * they always had. Read-time, nothing is rewritten: a migration writing defaults on update could race
 * the rep (or another page) turning an option off and put it back on.
 */
export function migratePagePrefs(stored: unknown): PageSettings {
  const record = typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? stored : {};
  return PagePrefsSchema.parse(record);
}

/** One stored preference: on unless explicitly `false`. */
export function prefShown(stored: unknown): boolean {
  return stored !== false;
}

/** "Show Jalur on LinkedIn pages" from its stored value. */
export function showOnLinkedIn(stored: unknown): boolean {
  return prefShown(stored);
}
