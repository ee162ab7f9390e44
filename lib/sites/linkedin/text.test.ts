import { describe, expect, it } from 'vitest';
import { cap, clean, cleanName, decodeEntities, isNoise, nameFromTitle } from './text';

describe('clean', () => {
  it('strips controls and bidi overrides, keeps ZWJ emoji, collapses whitespace', () => {
    expect(clean('\u202eAdmin\u202c\u0007  \n\tJane\u00a0\u200bDoe\u2066')).toBe('Admin Jane Doe');
    expect(clean('Dev 👩\u200d💻')).toBe('Dev 👩\u200d💻');
    expect(clean(null)).toBe('');
  });
});

describe('cap', () => {
  it('cuts to the limit in code points with an ellipsis, never splitting a surrogate pair', () => {
    expect(cap('abc', 3)).toBe('abc');
    expect(cap('abcdef', 4)).toBe('abc…');
    const emoji = '😀'.repeat(10);
    const cut = cap(emoji, 5);
    expect(Array.from(cut)).toHaveLength(5);
    expect(cut).toBe('😀😀😀😀…');
  });
});

describe('decodeEntities', () => {
  it('undoes single and double escaping', () => {
    expect(decodeEntities('O&#39;Brien &amp; Co')).toBe("O'Brien & Co");
    expect(decodeEntities('O&amp;#39;Brien &amp;amp; Co')).toBe("O'Brien & Co");
    expect(decodeEntities('Siobh&#xE1;n &lt;b&gt;')).toBe('Siobhán <b>');
    expect(decodeEntities('&#0; &#xD800; &#99999999;')).toBe('\ufffd \ufffd &#99999999;');
    expect(decodeEntities('AT&T R&D')).toBe('AT&T R&D');
  });
});

describe('cleanName', () => {
  it.each([
    ['Jane Doe (She/Her)', 'Jane Doe'],
    ['Jane Doe she/her', 'Jane Doe'],
    ['Budi Santoso · 2nd', 'Budi Santoso'],
    ['Budi Santoso 3rd+ degree connection', 'Budi Santoso'],
    ['Thandiwe Okonkwo-Reyes Verified', 'Thandiwe Okonkwo-Reyes'],
    ['  —Jane Doe, ', 'Jane Doe'],
    ['Ni Luh Putu Ayu (they/them/theirs)', 'Ni Luh Putu Ayu'],
    ['Dr. Jane Doe, MBA', 'Dr. Jane Doe, MBA'],
    ['(He/Him)', ''],
  ])('%s → %s', (raw, expected) => expect(cleanName(raw)).toBe(expected));

  it('caps at 120', () => expect(Array.from(cleanName('A'.repeat(500)))).toHaveLength(120));
});

describe('nameFromTitle', () => {
  it.each([
    ['(3) Jane Doe | LinkedIn', false, 'Jane Doe'],
    ['(99+) Jane Doe | LinkedIn', false, 'Jane Doe'],
    ['Jane Doe - Acme | LinkedIn', true, 'Jane Doe'],
    ['Jean-Luc Picard - Starfleet | LinkedIn', true, 'Jean-Luc Picard'],
    ['O&#39;Brien | LinkedIn', false, "O'Brien"],
    ['Jane Doe – Head of Sales – Acme – LinkedIn', true, 'Jane Doe'],
    ['LinkedIn', false, ''],
    ['(2) Jane Doe | Messaging | LinkedIn', false, ''],
  ] as [string, boolean, string][])('%s (public %s) → %s', (title, isPublic, expected) => {
    expect(nameFromTitle(title, isPublic)).toBe(expected);
  });
});

describe('isNoise', () => {
  it('flags UI chrome, not content', () => {
    for (const s of ['·', '2nd', '· 1st', 'She/Her', '500+ connections', '1,234 followers', 'Contact info']) expect(isNoise(s)).toBe(true);
    for (const s of ['Helping brands grow followers', '1st Source Bank', 'Jakarta']) expect(isNoise(s)).toBe(false);
  });
});
