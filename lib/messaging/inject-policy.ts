// The router's one request (lib/content-script/router.ts): "inject these surface scripts into my page".
// It comes from a content script inside LinkedIn's page, so it is held to the least it needs: only names
// from the fixed list of surfaces (never a file or code), only into the sender's own tab and frame as the
// browser reports them (never a tab or frame the message names), only on a LinkedIn page. Pure: the
// background (entrypoints/background/inject.ts) runs the plan with scripting.executeScript.
import { z } from 'zod';
import { SURFACES, type SurfaceName } from '../content-script/surfaces';
import { isLinkedInHost } from '../sites/linkedin/url';
import { matchesPattern } from './sender-policy';

export const InjectSurfacesSchema = z.strictObject({
  type: z.literal('injectSurfaces'),
  surfaces: z.array(z.enum(SURFACES)).min(1).max(SURFACES.length),
});

/** The built file of each surface (WXT writes runtime-registered content scripts to content-scripts/<entrypoint>.js). */
export const SURFACE_FILES: Record<SurfaceName, string> = {
  profile: '/content-scripts/linkedin.js',
  lists: '/content-scripts/linkedin-lists.js',
  messaging: '/content-scripts/linkedin-messaging.js',
  company: '/content-scripts/linkedin-company.js',
};

/** The fields of `chrome.runtime.MessageSender` the plan reads (set by the browser, not by the page). */
export interface InjectSender {
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

export type InjectPlan =
  | { ok: true; tabId: number; frameId: number; surfaces: SurfaceName[]; files: string[] }
  | { ok: false; error: string; code: 'invalid' | 'refused' };

const isId = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** What to inject where, or why not. */
export function planInjection(msg: unknown, sender: InjectSender | undefined): InjectPlan {
  const parsed = InjectSurfacesSchema.safeParse(msg);
  if (!parsed.success) return { ok: false, code: 'invalid', error: `Invalid request: injectSurfaces takes surfaces from ${SURFACES.join(', ')}` };
  const url = sender?.url;
  if (!url || !isLinkedInHost(url) || !matchesPattern('*://*.linkedin.com/*', url))
    return { ok: false, code: 'refused', error: 'Refused: surface scripts are injected only into a LinkedIn page that asks for them' };
  const tabId = sender?.tab?.id;
  const frameId = sender?.frameId;
  if (!isId(tabId) || !isId(frameId)) return { ok: false, code: 'refused', error: 'Refused: injectSurfaces comes only from a page in a tab' };
  // In the fixed order, each once however often the request names it.
  const surfaces = SURFACES.filter((s) => parsed.data.surfaces.includes(s));
  return { ok: true, tabId, frameId, surfaces, files: surfaces.map((s) => SURFACE_FILES[s]) };
}
