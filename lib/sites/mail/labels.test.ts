import { describe, expect, it } from 'vitest';
import { isMeWord, roleOfLabel, splitLabel } from './labels';

describe('roleOfLabel', () => {
  it.each([
    ['To:', 'to'],
    ['to', 'to'],
    ['cc:', 'cc'],
    ['Cc :', 'cc'],
    ['bcc:', 'bcc'],
    ['From:', 'from'],
    ['Dari:', 'from'],
    ['Kepada:', 'to'],
    ['À\u00a0:', 'to'],
    ['Von:', 'from'],
    ['CCI :', 'bcc'],
    ['reply-to:', null],
    ['mailed-by:', null],
    ['Subject:', null],
    ['', null],
    [null, null],
    ['a very long text that is not a label:', null],
  ] as [string | null, string | null][])('%j → %j', (s, role) => {
    expect(roleOfLabel(s)).toBe(role);
  });
});

describe('splitLabel', () => {
  it('splits "Label: rest" for header labels only', () => {
    expect(splitLabel('From: Anita <a@b.example>')).toEqual({ role: 'from', rest: 'Anita <a@b.example>' });
    expect(splitLabel('Kepada: Rina Kartika')).toEqual({ role: 'to', rest: 'Rina Kartika' });
    expect(splitLabel('Cc:')).toEqual({ role: 'cc', rest: '' });
    expect(splitLabel('Subject: To: everyone')).toBeNull();
    expect(splitLabel('Reading Pane')).toBeNull();
    expect(splitLabel('To')).toBeNull(); // the compose "To" field has no colon
    expect(splitLabel(null)).toBeNull();
  });
});

describe('isMeWord', () => {
  it('matches the UI words for the signed-in user, not names', () => {
    for (const w of ['me', 'saya', 'You', 'Anda', 'mich', 'moi']) expect(isMeWord(w)).toBe(true);
    for (const w of ['Ben', 'Mi', 'Budi', 'ME TOO', '', null]) expect(isMeWord(w)).toBe(false);
  });
});
