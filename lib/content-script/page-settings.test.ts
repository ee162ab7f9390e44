import { describe, expect, it } from 'vitest';
import { showFromNotice, showFromReply } from './page-settings';

describe('page settings as a content script reads them', () => {
  it('shows Jalur only on an explicit yes', () => {
    expect(showFromReply({ ok: true, data: { showOnLinkedIn: true } })).toBe(true);
    expect(showFromReply({ ok: true, data: { showOnLinkedIn: false } })).toBe(false);
  });

  it('stays quiet on a missing, failed or malformed reply', () => {
    for (const reply of [null, undefined, 'yes', 1, {}, { ok: true }, { ok: true, data: null }, { ok: false, data: { showOnLinkedIn: true } }, { ok: 'true', data: { showOnLinkedIn: true } }, { ok: true, data: { showOnLinkedIn: 'true' } }])
      expect(showFromReply(reply)).toBe(false);
  });

  it('reads the change notice and ignores other messages', () => {
    expect(showFromNotice({ type: 'pageSettings', showOnLinkedIn: false })).toBe(false);
    expect(showFromNotice({ type: 'pageSettings', showOnLinkedIn: true })).toBe(true);
    expect(showFromNotice({ type: 'pageSettings', showOnLinkedIn: 'no' })).toBe(null);
    expect(showFromNotice({ type: 'changed' })).toBe(null);
    expect(showFromNotice(null)).toBe(null);
  });
});

describe('the mail sites read their own option', () => {
  it('Gmail and Outlook obey "Show Jalur in Gmail and Outlook", whatever LinkedIn is set to', () => {
    expect(showFromReply({ ok: true, data: { showOnLinkedIn: false, showOnMail: true } }, 'showOnMail')).toBe(true);
    expect(showFromReply({ ok: true, data: { showOnLinkedIn: true, showOnMail: false } }, 'showOnMail')).toBe(false);
    // And LinkedIn ignores the mail option.
    expect(showFromReply({ ok: true, data: { showOnLinkedIn: true, showOnMail: false } })).toBe(true);
  });

  it('a reply without the mail option (a worker that does not know it) keeps the mail page quiet', () => {
    expect(showFromReply({ ok: true, data: { showOnLinkedIn: true } }, 'showOnMail')).toBe(false);
    expect(showFromReply({ ok: true, data: { showOnMail: 'true' } }, 'showOnMail')).toBe(false);
    expect(showFromReply(undefined, 'showOnMail')).toBe(false);
  });

  it('a notice about the mail option reaches only the mail scripts', () => {
    expect(showFromNotice({ type: 'pageSettings', showOnLinkedIn: true, showOnMail: false }, 'showOnMail')).toBe(false);
    expect(showFromNotice({ type: 'pageSettings', showOnLinkedIn: false, showOnMail: true }, 'showOnMail')).toBe(true);
    expect(showFromNotice({ type: 'pageSettings', showOnLinkedIn: false }, 'showOnMail')).toBe(null);
    expect(showFromNotice({ type: 'pageChanged', showOnMail: true }, 'showOnMail')).toBe(null);
  });
});
