import { describe, expect, it } from 'vitest';
import {
  CONTENT_SCRIPT_REQUESTS,
  admit,
  classifySender,
  contentScriptPayloadError,
  isSupportedSite,
  matchesPattern,
  type SenderInfo,
} from './sender-policy';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const SELF = { id: ID, origin: `chrome-extension://${ID}/` };
const EXT = `chrome-extension://${ID}`;
const PROFILE = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';

const sidePanel: SenderInfo = { id: ID, url: `${EXT}/sidepanel.html` };
const popupInTab: SenderInfo = { id: ID, url: `${EXT}/popup.html?tabId=7`, tab: { id: 9, url: `${EXT}/popup.html?tabId=7` } };
const optionsOpening: SenderInfo = { id: ID, url: `${EXT}/options.html`, tab: { id: 9, pendingUrl: `${EXT}/options.html` } };
const linkedIn: SenderInfo = { id: ID, url: PROFILE, tab: { id: 3, url: PROFILE } };
const gmail: SenderInfo = { id: ID, url: 'https://mail.google.com/mail/u/0/#inbox/abc', tab: { id: 4 } };

const PRIVILEGED = [
  { type: 'backup' },
  { type: 'restoreBackup', text: '{}' },
  { type: 'connect', url: 'https://evil.supabase.co', anonKey: 'x' },
  { type: 'signIn', email: 'a@b.co', password: 'secret123' },
  { type: 'useTeam', teamId: '00000000-0000-4000-8000-000000000000', bringLocal: true },
  { type: 'saveSettings', settings: null },
  { type: 'previewSettings', settings: {} },
  { type: 'applyImport', text: 'a', skipBadRows: true },
  { type: 'exportCsv', kind: 'prospects', lang: 'en' },
  { type: 'search', query: '', limit: 500 },
  { type: 'board' },
  { type: 'detail', slug: 'x' },
  { type: 'deleteProspect', id: 'x' },
  { type: 'update', id: 'x', patch: {} },
  { type: 'account' },
  { type: 'disconnect' },
  { type: 'signOut' },
  { type: 'syncNow' },
  { type: 'clearSyncIssues' },
  { type: 'changed' },
  { type: 'nope' },
  {},
  null,
  'backup',
];

describe('classifySender', () => {
  it('knows extension pages: in their own frame, and popped out into a tab', () => {
    expect(classifySender(sidePanel, SELF)).toEqual({ kind: 'extension' });
    expect(classifySender(popupInTab, SELF)).toEqual({ kind: 'extension' });
    expect(classifySender(optionsOpening, SELF)).toEqual({ kind: 'extension' });
    // The origin may be given without the trailing slash.
    expect(classifySender(sidePanel, { id: ID, origin: EXT })).toEqual({ kind: 'extension' });
  });

  it('knows content scripts by their tab and a supported site', () => {
    expect(classifySender(linkedIn, SELF)).toEqual({ kind: 'contentScript', url: PROFILE });
    expect(classifySender(gmail, SELF).kind).toBe('contentScript');
    expect(classifySender({ id: ID, url: 'https://outlook.office.com/mail/', tab: { id: 1 } }, SELF).kind).toBe('contentScript');
  });

  it('treats everything else as a stranger', () => {
    for (const s of [
      undefined,
      {},
      { url: `${EXT}/sidepanel.html` }, // no id
      { id: 'other-extension-id', url: `chrome-extension://other-extension-id/page.html` },
      { id: 'other-extension-id', url: PROFILE, tab: { id: 3 } }, // another extension's content script
      { id: ID, url: 'https://evil.example/', tab: { id: 3 } }, // unsupported site
      { id: ID, url: 'https://www.linkedin.com.evil.example/in/x/', tab: { id: 3 } },
      { id: ID, url: 'https://www.linkedin.com@evil.example/', tab: { id: 3 } },
      { id: ID, url: 'http://mail.google.com/', tab: { id: 3 } }, // mail sites are https only
      { id: ID, url: PROFILE }, // a site URL without a tab: no content script sends that
      { id: ID, tab: { id: 3 } }, // no URL
      { id: ID, url: 'not a url', tab: { id: 3 } },
      // Our page framed inside a LinkedIn tab is not one of our pages at work.
      { id: ID, url: `${EXT}/popup.html`, tab: { id: 3, url: PROFILE } },
      { id: ID, url: `chrome-extension://${ID}x/popup.html` },
    ] as (SenderInfo | undefined)[]) {
      expect(classifySender(s, SELF).kind, JSON.stringify(s)).toBe('stranger');
    }
  });
});

describe('admit', () => {
  it('lets extension pages ask anything', () => {
    for (const msg of PRIVILEGED) {
      expect(admit(msg, sidePanel, SELF)).toEqual({ ok: true, from: 'extension' });
      expect(admit(msg, popupInTab, SELF)).toEqual({ ok: true, from: 'extension' });
    }
  });

  it('refuses a content script on LinkedIn everything beyond what the chip needs, with a clear sentence', () => {
    for (const msg of PRIVILEGED) {
      const v = admit(msg, linkedIn, SELF);
      expect(v.ok, JSON.stringify(msg)).toBe(false);
      if (!v.ok) expect(v.error).toMatch(/^Refused: a page may not ask Jalur for /);
    }
    const backup = admit({ type: 'backup' }, linkedIn, SELF);
    expect(backup).toEqual({ ok: false, error: 'Refused: a page may not ask Jalur for “backup”; open the side panel or options instead' });
  });

  it('lets a content script on a supported site look up, clip and use the chip quick actions', () => {
    expect(CONTENT_SCRIPT_REQUESTS).toEqual(['lookup', 'capture', 'logTouch', 'linkEmail', 'pageChanged', 'addFollowUp', 'setStage', 'openSidePanel', 'pageSettings', 'captureMany', 'companySummary', 'addCompany', 'messagesLogged', 'injectSurfaces']);
    for (const type of CONTENT_SCRIPT_REQUESTS) {
      expect(admit({ type }, linkedIn, SELF)).toEqual({ ok: true, from: 'contentScript' });
      // The LinkedIn router's request is LinkedIn's alone (lib/messaging/inject-policy.test.ts).
      if (type !== 'injectSurfaces') expect(admit({ type }, gmail, SELF)).toEqual({ ok: true, from: 'contentScript' });
    }
    expect(admit({ type: 'lookup', slugs: ['rizky-pratama-5e6f7a'], emails: [] }, linkedIn, SELF).ok).toBe(true);
  });

  it('refuses even a lookup from an unsupported site, another extension or a sender without id', () => {
    const lookup = { type: 'lookup', slugs: ['x'], emails: [] };
    for (const s of [
      { id: ID, url: 'https://evil.example/in/x/', tab: { id: 1, url: 'https://evil.example/in/x/' } },
      { id: 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk', url: PROFILE, tab: { id: 1 } },
      { id: 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk', url: 'chrome-extension://kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk/x.html' },
      { url: PROFILE, tab: { id: 1 } },
      undefined,
    ] as (SenderInfo | undefined)[]) {
      const v = admit(lookup, s, SELF);
      expect(v.ok, JSON.stringify(s)).toBe(false);
      if (!v.ok) expect(v.error).toMatch(/^Refused: Jalur answers only its own pages and content scripts/);
    }
  });

  it('lets a content script clip only as a chip does (no forged source)', () => {
    const capture = (source?: string) => ({ type: 'capture', input: { slug: 'x', name: 'X', ...(source ? { source } : {}) } });
    expect(admit(capture(), linkedIn, SELF).ok).toBe(true);
    expect(admit(capture('social_selling'), linkedIn, SELF).ok).toBe(true);
    expect(admit(capture('email'), gmail, SELF).ok).toBe(true);
    for (const source of ['referral', 'inbound_form', 'event']) {
      const v = admit(capture(source), linkedIn, SELF);
      expect(v).toEqual({ ok: false, error: 'Refused: a page may only clip with source social_selling or email' });
      // The side panel and popup may set any source.
      expect(admit(capture(source), sidePanel, SELF).ok).toBe(true);
    }
    expect(contentScriptPayloadError({ type: 'capture', input: { source: 42 } })).not.toBeNull();
    expect(contentScriptPayloadError({ type: 'lookup', slugs: [] })).toBeNull();
  });
});

describe('matchesPattern / isSupportedSite', () => {
  it('follows the manifest match patterns', () => {
    expect(matchesPattern('*://*.linkedin.com/*', 'https://linkedin.com/feed/')).toBe(true);
    expect(matchesPattern('*://*.linkedin.com/*', 'http://id.linkedin.com/in/x')).toBe(true);
    expect(matchesPattern('*://*.linkedin.com/*', 'https://evillinkedin.com/')).toBe(false);
    expect(matchesPattern('*://*.linkedin.com/*', 'ftp://www.linkedin.com/')).toBe(false);
    expect(matchesPattern('https://mail.google.com/*', 'https://mail.google.com/mail/u/0/')).toBe(true);
    expect(matchesPattern('https://mail.google.com/*', 'https://docs.google.com/')).toBe(false);
    expect(isSupportedSite('https://outlook.live.com/mail/0/')).toBe(true);
    expect(isSupportedSite('https://example.com/')).toBe(false);
    expect(isSupportedSite(undefined)).toBe(false);
  });
});
