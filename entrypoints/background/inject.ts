// The LinkedIn router's request (lib/content-script/router.ts): inject the surface scripts its URL needs
// into the sender's own tab and frame, after the page's load event. The plan (what, where, or why not)
// is lib/messaging/inject-policy.ts; this only runs it. Not wrapped in warm-up's `answering`: the chips'
// first lookups, which follow at once, are what a woken worker should answer before its start-up work.
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { planInjection, type InjectSender } from '../../lib/messaging/inject-policy';
import { tabChanged } from './tab-title';

export function isInjectSurfacesRequest(msg: unknown): boolean {
  return typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === 'injectSurfaces';
}

export type InjectReply = { ok: true; data: { injected: string[] } } | { ok: false; error: string; code: string };

export async function injectSurfaces(msg: unknown, sender: InjectSender): Promise<InjectReply> {
  const plan = planInjection(msg, sender);
  if (!plan.ok) return plan;
  try {
    await browser.scripting.executeScript({ target: { tabId: plan.tabId, frameIds: [plan.frameId] }, files: plan.files as ScriptPublicPath[] });
  } catch (e) {
    // The tab closed or moved to another site meanwhile: nothing to start.
    return { ok: false, code: 'unknown', error: `Could not start Jalur on this page: ${(e as Error)?.message ?? String(e)}` };
  }
  // A page's first request comes after its load: the moment to give the tab its own title.
  if (plan.frameId === 0) tabChanged(plan.tabId);
  return { ok: true, data: { injected: plan.surfaces } };
}
