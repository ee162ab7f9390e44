import { describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_REQUESTS, admit, type SenderInfo } from './sender-policy';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const SELF = { id: ID, origin: `chrome-extension://${ID}/` };
const SEARCH = 'https://www.linkedin.com/search/results/people/?keywords=logistik';
const linkedIn: SenderInfo = { id: ID, url: SEARCH, tab: { id: 3, url: SEARCH } };
const stranger: SenderInfo = { id: ID, url: 'https://evil.example/', tab: { id: 5, url: 'https://evil.example/' } };

const row = (source?: string) => ({
  slug: 'andini-kusuma-ls24',
  email: null,
  name: 'Andini Kusuma',
  headline: null,
  title: null,
  company: null,
  location: null,
  photoUrl: null,
  linkedinUrl: null,
  ...(source ? { source } : {}),
});

describe('captureMany from a content script', () => {
  it('is one of the requests a LinkedIn list may send', () => {
    expect(CONTENT_SCRIPT_REQUESTS).toContain('captureMany');
    expect(admit({ type: 'captureMany', inputs: [row(), row('social_selling')] }, linkedIn, SELF)).toEqual({ ok: true, from: 'contentScript' });
  });

  it('may not forge a source for any one of the rows', () => {
    const v = admit({ type: 'captureMany', inputs: [row(), row('referral')] }, linkedIn, SELF);
    expect(v.ok).toBe(false);
    expect(!v.ok && v.error).toMatch(/only clip with source/);
  });

  it('is refused to pages Jalur does not run on', () => {
    expect(admit({ type: 'captureMany', inputs: [row()] }, stranger, SELF).ok).toBe(false);
  });
});
