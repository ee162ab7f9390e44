import { browser } from 'wxt/browser';
import { draftToCapture } from '../../lib/model/draft-capture';
import type { ExtractResult } from '../../lib/model/draft';
import { handleRequest } from '../../lib/messaging/handle';
import type { StoreContext } from '../../lib/store/context';
import { canonicalSlug, isProfileUrl, profileUrl } from '../../lib/sites/linkedin/url';
import { nameFromSlug } from '../../lib/sites/linkedin/slug-name';

/** Keyboard shortcut: clip the profile in the active tab, as the chip's button would. */
export async function clipActiveTab(ctx: StoreContext): Promise<string> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return 'no tab';
  let result: ExtractResult;
  try {
    result = (await browser.tabs.sendMessage(tab.id, { type: 'extract' })) as ExtractResult;
  } catch {
    return 'not a supported page';
  }
  if (!result?.ok) return result?.reason ?? 'not a profile';
  const reply = await handleRequest(ctx, { type: 'capture', input: draftToCapture(result.draft) });
  return reply.ok ? 'clipped' : reply.error;
}

/**
 * Context menu on a profile link: Jalur never fetches the linked page (DESIGN.md §2), so it clips
 * the slug with a name guessed from it; the rep corrects it when they open the profile.
 */
export async function clipLink(ctx: StoreContext, linkUrl: string): Promise<string> {
  if (!isProfileUrl(linkUrl)) return 'not a profile link';
  const slug = canonicalSlug(linkUrl);
  if (!slug) return 'not a profile link';
  const reply = await handleRequest(ctx, {
    type: 'capture',
    input: {
      slug,
      email: null,
      name: nameFromSlug(slug),
      headline: null,
      title: null,
      company: null,
      location: null,
      photoUrl: null,
      linkedinUrl: profileUrl(slug),
    },
  });
  return reply.ok ? 'clipped' : reply.error;
}
