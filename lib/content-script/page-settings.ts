// The rep's page settings ("Show Jalur on LinkedIn pages", "Show Jalur in Gmail and Outlook") as a
// content script learns them. Content scripts cannot read extension storage, so they ask the background
// (entrypoints/background/page-settings.ts) and are told of changes by a notice. zod stays out of page
// bundles (scripts/check-bundles.mjs), so the reply and the notice are checked by hand here: anything
// but an explicit yes means "add nothing to the page".
import { browser } from 'wxt/browser';

/** Which option a content script obeys: the LinkedIn scripts `showOnLinkedIn`, the Gmail and Outlook scripts `showOnMail`. */
export type ShowField = 'showOnLinkedIn' | 'showOnMail';

/** True only for `{ ok: true, data: { <field>: true } }`: a missing or malformed reply keeps Jalur quiet. */
export function showFromReply(reply: unknown, field: ShowField = 'showOnLinkedIn'): boolean {
  if (typeof reply !== 'object' || reply === null) return false;
  const r = reply as { ok?: unknown; data?: unknown };
  if (r.ok !== true || typeof r.data !== 'object' || r.data === null) return false;
  return (r.data as Record<string, unknown>)[field] === true;
}

/** The background's `pageSettings` notice (sent when the rep flips an option), or null for any other message. */
export function showFromNotice(msg: unknown, field: ShowField = 'showOnLinkedIn'): boolean | null {
  if (typeof msg !== 'object' || msg === null) return null;
  const m = msg as Record<string, unknown>;
  if (m.type !== 'pageSettings' || typeof m[field] !== 'boolean') return null;
  return m[field] as boolean;
}

/** Ask once per page load; a worker that cannot answer leaves the page untouched. */
export async function askShow(field: ShowField): Promise<boolean> {
  const reply: unknown = await browser.runtime.sendMessage({ type: 'pageSettings' }).catch(() => null);
  return showFromReply(reply, field);
}

/** "Show Jalur on LinkedIn pages", asked once per page load by every LinkedIn script. */
export function askShowOnLinkedIn(): Promise<boolean> {
  return askShow('showOnLinkedIn');
}
