// "Show Jalur on LinkedIn pages" as a LinkedIn content script learns it. Content scripts cannot read
// extension storage, so they ask the background (entrypoints/background/page-settings.ts) and are told
// of changes by a notice. zod stays out of page bundles (scripts/check-bundles.mjs), so the reply and
// the notice are checked by hand here: anything but an explicit yes means "add nothing to the page".
import { browser } from 'wxt/browser';

/** True only for `{ ok: true, data: { showOnLinkedIn: true } }`: a missing or malformed reply keeps Jalur quiet. */
export function showFromReply(reply: unknown): boolean {
  if (typeof reply !== 'object' || reply === null) return false;
  const r = reply as { ok?: unknown; data?: unknown };
  if (r.ok !== true || typeof r.data !== 'object' || r.data === null) return false;
  return (r.data as { showOnLinkedIn?: unknown }).showOnLinkedIn === true;
}

/** The background's `pageSettings` notice (sent when the rep flips the option), or null for any other message. */
export function showFromNotice(msg: unknown): boolean | null {
  if (typeof msg !== 'object' || msg === null) return null;
  const m = msg as { type?: unknown; showOnLinkedIn?: unknown };
  if (m.type !== 'pageSettings' || typeof m.showOnLinkedIn !== 'boolean') return null;
  return m.showOnLinkedIn;
}

/** Ask once per page load; a worker that cannot answer leaves the page untouched. */
export async function askShowOnLinkedIn(): Promise<boolean> {
  const reply: unknown = await browser.runtime.sendMessage({ type: 'pageSettings' }).catch(() => null);
  return showFromReply(reply);
}
