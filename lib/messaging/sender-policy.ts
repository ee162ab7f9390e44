// Who may ask the background what. Every message to the background carries its sender as Chrome
// reports it (set by the browser, not by the sender). Extension pages of Jalur itself (side panel,
// popup, options — in their own frame or opened in a tab) may ask anything. A content script runs
// inside LinkedIn's or a mail site's page: if that page's scripts ever got hold of it, they must get
// no more than the inline chip needs — never the whole pipeline, the account or the settings.
// Everyone else (other extensions, web pages, unknown URLs) is refused. Pure: no browser here.
import { SITE_PATTERNS } from '../sites/hosts';
import { COMPANY_CHIP_REQUESTS } from './company-schemas';
import { CONVERSATION_CHIP_REQUESTS } from './conversation-schemas';

/** What a content script may ask: the inline chip's reads and quick actions, and "the page changed". */
export const CONTENT_SCRIPT_REQUESTS = [
  'lookup',
  'capture',
  'logTouch',
  'linkEmail',
  'pageChanged',
  'addFollowUp',
  'setStage',
  'openSidePanel',
  // Whether the rep wants Jalur shown on the page at all ("Show Jalur on LinkedIn pages"): read-only.
  'pageSettings',
  // Bulk clip from a LinkedIn list: the same clip as `capture`, for several rows the rep selected.
  'captureMany',
  // The company chip (entrypoints/linkedin-company.content): its summary and Add company.
  ...COMPANY_CHIP_REQUESTS,
  // The messaging chip: whether the conversation's last message is logged already (read-only).
  ...CONVERSATION_CHIP_REQUESTS,
  // The LinkedIn router: inject the named surface scripts (a fixed list) into its own tab and frame
  // (lib/messaging/inject-policy.ts). From a LinkedIn page only.
  'injectSurfaces',
] as const;
export type ContentScriptRequest = (typeof CONTENT_SCRIPT_REQUESTS)[number];

/** Sources a chip clips with: none (the background derives it), LinkedIn social selling, or a mail correspondent. */
export const CONTENT_SCRIPT_SOURCES: readonly string[] = ['social_selling', 'email'];

/** The fields of `chrome.runtime.MessageSender` the policy reads. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string; pendingUrl?: string };
}

/** This extension, as the background knows itself (`runtime.id`, `runtime.getURL('')`). */
export interface Self {
  id: string;
  /** `chrome-extension://<id>` (with or without the trailing slash). */
  origin: string;
}

export type SenderKind = { kind: 'extension' } | { kind: 'contentScript'; url: string } | { kind: 'stranger'; why: string };

export type Verdict = { ok: true; from: 'extension' | 'contentScript' } | { ok: false; error: string };

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    // chrome-extension:// and moz-extension:// URLs have an opaque `origin` in some engines.
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

/** A match pattern of the manifest (`*://*.linkedin.com/*`, `https://mail.google.com/*`) tested against a URL. */
export function matchesPattern(pattern: string, url: string): boolean {
  const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const protocol = u.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  // Credentials in a URL ("https://www.linkedin.com@evil.example/") are no part of the host check below,
  // but a page on a supported site never has them.
  if (u.username || u.password) return false;
  const h = u.hostname.toLowerCase();
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2).toLowerCase();
      if (h !== base && !h.endsWith(`.${base}`)) return false;
    } else if (h !== host.toLowerCase()) return false;
  }
  if (path === '/*') return true;
  const re = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return re.test(u.pathname + u.search);
}

/** A page Jalur's content scripts run on (the manifest's host permissions). */
export function isSupportedSite(url: string | undefined): boolean {
  return !!url && SITE_PATTERNS.some((p) => matchesPattern(p, url));
}

function isOwnPage(url: string | undefined, self: Self): boolean {
  const own = self.origin.replace(/\/+$/, '');
  return originOf(url) === own;
}

/** Who sent a message, by what the browser says about the sender. */
export function classifySender(sender: SenderInfo | undefined, self: Self): SenderKind {
  if (!sender || typeof sender !== 'object') return { kind: 'stranger', why: 'no sender' };
  if (!sender.id) return { kind: 'stranger', why: 'no extension id' };
  if (sender.id !== self.id) return { kind: 'stranger', why: 'another extension' };
  if (isOwnPage(sender.url, self)) {
    if (!sender.tab) return { kind: 'extension' };
    // One of our pages opened in a tab (popup or side panel popped out, options): the tab shows it too.
    // Our page framed inside someone else's tab is not an extension page of ours at work.
    const tabUrl = sender.tab.url ?? sender.tab.pendingUrl;
    if (isOwnPage(tabUrl, self)) return { kind: 'extension' };
    return { kind: 'stranger', why: 'an extension page inside another site' };
  }
  if (sender.tab && isSupportedSite(sender.url)) return { kind: 'contentScript', url: sender.url as string };
  return { kind: 'stranger', why: sender.tab ? 'a page Jalur does not work on' : 'an unknown sender' };
}

function typeOf(msg: unknown): string | null {
  if (typeof msg !== 'object' || msg === null) return null;
  const t = (msg as { type?: unknown }).type;
  return typeof t === 'string' ? t : null;
}

function show(type: string | null): string {
  return type === null ? 'a message with no type' : `“${type.slice(0, 40)}”`;
}

/**
 * What a content script sends beyond the request's own schema (which the background checks for
 * everyone): only what a chip would send. Returns the refusal sentence, or null when it is fine.
 */
export function contentScriptPayloadError(msg: unknown): string | null {
  const type = typeOf(msg);
  const inputs =
    type === 'capture' ? [(msg as { input?: unknown }).input] : type === 'captureMany' ? (msg as { inputs?: unknown }).inputs : [];
  for (const input of Array.isArray(inputs) ? inputs : []) {
    const source = typeof input === 'object' && input !== null ? (input as { source?: unknown }).source : undefined;
    if (source !== undefined && !CONTENT_SCRIPT_SOURCES.includes(source as string)) {
      return `Refused: a page may only clip with source ${CONTENT_SCRIPT_SOURCES.join(' or ')}`;
    }
  }
  return null;
}

/**
 * May this sender ask this? Extension pages: anything. Content scripts on a supported site: only
 * CONTENT_SCRIPT_REQUESTS, with a chip's payload. Anyone else: nothing. A refusal is a sentence for
 * the error reply.
 */
export function admit(msg: unknown, sender: SenderInfo | undefined, self: Self): Verdict {
  const who = classifySender(sender, self);
  const type = typeOf(msg);
  if (who.kind === 'extension') return { ok: true, from: 'extension' };
  if (who.kind === 'stranger') return { ok: false, error: `Refused: Jalur answers only its own pages and content scripts (${who.why})` };
  if (type === null || !(CONTENT_SCRIPT_REQUESTS as readonly string[]).includes(type)) {
    return { ok: false, error: `Refused: a page may not ask Jalur for ${show(type)}; open the side panel or options instead` };
  }
  if (type === 'injectSurfaces' && !matchesPattern('*://*.linkedin.com/*', who.url)) {
    return { ok: false, error: 'Refused: only a LinkedIn page may ask for LinkedIn surface scripts' };
  }
  const payload = contentScriptPayloadError(msg);
  return payload ? { ok: false, error: payload } : { ok: true, from: 'contentScript' };
}
