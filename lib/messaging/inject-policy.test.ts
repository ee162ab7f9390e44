import { describe, expect, it } from 'vitest';
import { planInjection, SURFACE_FILES } from './inject-policy';
import { CONTENT_SCRIPT_REQUESTS, admit, type SenderInfo } from './sender-policy';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const SELF = { id: ID, origin: `chrome-extension://${ID}/` };
const PROFILE = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const fromLinkedIn = { id: ID, url: PROFILE, frameId: 0, tab: { id: 3, url: PROFILE } };
const ask = (surfaces: unknown) => ({ type: 'injectSurfaces', surfaces });

describe('the LinkedIn router may ask for its page’s surface scripts, and nothing more', () => {
  it('is a content-script request', () => {
    expect(CONTENT_SCRIPT_REQUESTS).toContain('injectSurfaces');
    expect(admit(ask(['profile']), fromLinkedIn, SELF)).toEqual({ ok: true, from: 'contentScript' });
  });

  it('injects the named surfaces, in a fixed order and each once, into the sender’s own tab and frame', () => {
    expect(planInjection(ask(['messaging', 'profile', 'lists', 'profile']), fromLinkedIn)).toEqual({
      ok: true,
      tabId: 3,
      frameId: 0,
      surfaces: ['profile', 'lists', 'messaging'],
      files: ['/content-scripts/linkedin.js', '/content-scripts/linkedin-lists.js', '/content-scripts/linkedin-messaging.js'],
    });
    expect(planInjection(ask(['company']), { ...fromLinkedIn, frameId: 5, tab: { id: 11 } })).toMatchObject({ ok: true, tabId: 11, frameId: 5 });
    expect(Object.values(SURFACE_FILES).every((f) => /^\/content-scripts\/linkedin(-[a-z]+)?\.js$/.test(f))).toBe(true);
  });

  it('refuses anything outside the fixed list: a file, a path, code, another site’s script, an empty or malformed list', () => {
    for (const msg of [
      ask(['gmail']),
      ask(['outlook']),
      ask(['content-scripts/linkedin.js']),
      ask(['../background.js']),
      ask(['profile', 'background']),
      ask([]),
      ask('profile'),
      ask([{ file: 'x.js' }]),
      ask(['profile', 'lists', 'messaging', 'company', 'profile']),
      { type: 'injectSurfaces' },
      { type: 'injectSurfaces', surfaces: ['profile'], files: ['evil.js'] },
      { type: 'injectSurfaces', surfaces: ['profile'], tabId: 9 },
      { type: 'injectSurfaces', surfaces: ['profile'], func: 'alert(1)' },
    ]) {
      const plan = planInjection(msg, fromLinkedIn);
      expect(plan, JSON.stringify(msg)).toMatchObject({ ok: false, code: 'invalid' });
    }
  });

  it('refuses a sender that is not a LinkedIn page in a tab: a mail site, a lookalike host, an extension page, no tab or frame', () => {
    const gmail: SenderInfo = { id: ID, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 4 } };
    const v = admit(ask(['profile']), gmail, SELF);
    expect(v).toEqual({ ok: false, error: 'Refused: only a LinkedIn page may ask for LinkedIn surface scripts' });
    for (const sender of [
      { url: 'https://mail.google.com/mail/u/0/#inbox', frameId: 0, tab: { id: 4 } },
      { url: 'https://www.linkedin.com.evil.example/in/x/', frameId: 0, tab: { id: 4 } },
      { url: 'https://evil.example/?https://www.linkedin.com/in/x/', frameId: 0, tab: { id: 4 } },
      { url: 'https://www.linkedin.com@evil.example/in/x/', frameId: 0, tab: { id: 4 } },
      { url: `chrome-extension://${ID}/sidepanel.html` },
      { url: `chrome-extension://${ID}/popup.html`, frameId: 0, tab: { id: 4 } },
      { url: PROFILE, frameId: 0 },
      { url: PROFILE, tab: { id: 4 } },
      { url: PROFILE, frameId: -1, tab: { id: 4 } },
      { url: PROFILE, frameId: 0, tab: { id: 1.5 } },
      { frameId: 0, tab: { id: 4 } },
      undefined,
    ]) {
      expect(planInjection(ask(['profile']), sender), JSON.stringify(sender)).toMatchObject({ ok: false, code: 'refused' });
    }
    // Other extensions and web pages never get as far as the plan.
    expect(admit(ask(['profile']), { id: 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk', url: PROFILE, tab: { id: 1 } }, SELF).ok).toBe(false);
    expect(admit(ask(['profile']), { id: ID, url: 'https://evil.example/', tab: { id: 1 } }, SELF).ok).toBe(false);
  });
});
