import { browser } from 'wxt/browser';
import { draftToCapture } from '../../lib/model/draft-capture';
import type { ExtractResult } from '../../lib/model/draft';
import { handleRequest } from '../../lib/messaging/handle';
import type { StoreContext } from '../../lib/store/context';
import { captureFromLink } from '../../lib/sites/linkedin/link-capture';

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

/** Context menu on a LinkedIn profile link anywhere. */
export async function clipLink(ctx: StoreContext, linkUrl: string): Promise<string> {
  const input = captureFromLink(linkUrl);
  if (!input) return 'not a profile link';
  const reply = await handleRequest(ctx, { type: 'capture', input });
  return reply.ok ? 'clipped' : reply.error;
}
