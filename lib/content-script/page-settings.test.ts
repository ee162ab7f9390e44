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
