import { describe, expect, it } from 'vitest';
import { canonicalSlug, isLinkedInHost, isOpaqueMemberId, isProfileUrl, profileUrl } from './url';

describe('isProfileUrl', () => {
  const matrix: [string, boolean][] = [
    ['https://www.linkedin.com/in/jane-doe/', true],
    ['https://www.linkedin.com/in/jane-doe', true],
    ['http://www.linkedin.com/in/jane-doe/', true],
    ['https://linkedin.com/in/jane-doe/', true],
    ['https://id.linkedin.com/in/jane-doe', true],
    ['https://uk.linkedin.com/in/jane-doe/de', true],
    ['https://m.linkedin.com/in/jane-doe/', true],
    ['https://WWW.LinkedIn.COM/in/Jane-Doe/', true],
    ['https://www.linkedin.com./in/jane-doe/', true],
    ['https://www.linkedin.com:443/in/jane-doe/', true],
    ['https://www.linkedin.com/in/jane-doe/overlay/contact-info/', true],
    ['https://www.linkedin.com/in/jane-doe/details/experience/', true],
    ['https://www.linkedin.com/in/jane-doe/recent-activity/all/', true],
    ['https://www.linkedin.com/in/jane-doe/?originalSubdomain=id&trk=x#about', true],
    ['https://www.linkedin.com/in/J%C3%BCrgen-M%C3%BCller-1a2b3c/', true],
    ['https://www.linkedin.com/in/ACoAABCdEfGhIjKlMnOpQrStUvWxYz0123456/', true],
    ['https://www.linkedin.com/mwlite/in/jane-doe', true],
    ['linkedin.com/in/jane-doe', true],
    ['https://www.linkedin.com/company/acme/', false],
    ['https://www.linkedin.com/school/universitas-indonesia/', false],
    ['https://www.linkedin.com/pub/dir/Jane/Doe', false],
    ['https://www.linkedin.com/pub/jane-doe/12/345/678', false],
    ['https://www.linkedin.com/feed/', false],
    ['https://www.linkedin.com/search/results/people/?keywords=jane', false],
    ['https://www.linkedin.com/in/', false],
    ['https://www.linkedin.com/in', false],
    ['https://www.linkedin.com//in/jane-doe/', false],
    ['https://www.linkedin.com/in/%E0%A4%A/', false],
    ['https://www.linkedin.com/in/a%2Fb/', false],
    ['https://www.linkedin.com/in/a%20b/', false],
    ['https://www.linkedin.com/feed/?u=/in/jane-doe/', false],
    ['https://www.linkedin.com/authwall?sessionRedirect=%2Fin%2Fjane-doe', false],
    ['https://linkedin.com.evil.io/in/jane-doe/', false],
    ['https://evil-linkedin.com/in/jane-doe/', false],
    ['https://evillinkedin.com/in/jane-doe/', false],
    ['https://www.linkedin.com@evil.io/in/jane-doe/', false],
    ['https://evil.io/www.linkedin.com/in/jane-doe/', false],
    ['https://business.linkedin.com/in/jane-doe/', false],
    ['https://lnkd.in/abc123', false],
    ['javascript:alert(1)//www.linkedin.com/in/jane-doe/', false],
    ['ftp://www.linkedin.com/in/jane-doe/', false],
    ['data:text/html,https://www.linkedin.com/in/jane-doe/', false],
    ['chrome-extension://abc/in/jane-doe/', false],
    ['/in/jane-doe/', false],
    ['', false],
    ['not a url', false],
    [`https://www.linkedin.com/in/${'a'.repeat(2100)}/`, false],
  ];
  it.each(matrix)('%s → %s', (url, expected) => {
    expect(isProfileUrl(url)).toBe(expected);
  });
});

describe('canonicalSlug', () => {
  const table: [string, string | null][] = [
    ['https://www.linkedin.com/in/jane-doe/', 'jane-doe'],
    ['https://www.linkedin.com/in/Jane-Doe', 'jane-doe'],
    ['https://id.linkedin.com/in/jane-doe?trk=public_profile#experience', 'jane-doe'],
    ['https://www.linkedin.com/in/jane-doe/overlay/contact-info/', 'jane-doe'],
    ['/in/J%C3%BCrgen-M%C3%BCller-1a2b3c/', 'jürgen-müller-1a2b3c'],
    ['https://www.linkedin.com/in/jürgen-müller-1a2b3c/', 'jürgen-müller-1a2b3c'],
    // decomposed ü (u + combining diaeresis) is the same member as precomposed ü
    ['/in/ju%CC%88rgen-mu%CC%88ller-1a2b3c', 'jürgen-müller-1a2b3c'],
    ['/in/%E7%8E%8B%E5%B0%8F%E6%98%8E/', '王小明'],
    ['//www.linkedin.com/in/jane-doe', 'jane-doe'],
    ['linkedin.com/in/jane-doe/', 'jane-doe'],
    ['https://www.linkedin.com/mwlite/in/jane-doe', 'jane-doe'],
    ['https://www.linkedin.com/in/%E0%A4%A/', null],
    ['https://www.linkedin.com/in/%/', null],
    ['/in/', null],
    ['/company/acme/', null],
    ['https://www.linkedin.com/pub/jane-doe/12/345/678', null],
    ['https://linkedin.com.evil.io/in/jane-doe/', null],
    ['jane-doe', null],
    ['', null],
  ];
  it.each(table)('%s → %s', (input, expected) => {
    expect(canonicalSlug(input)).toBe(expected);
  });

  it('never throws on garbage', () => {
    for (const s of ['%', '%%%', '/in/%E0', 'http://[::1', '\u0000', 'https://www.linkedin.com/in/\ud800/']) {
      expect(() => canonicalSlug(s)).not.toThrow();
    }
  });
});

describe('profileUrl', () => {
  it('builds the one stored URL, encoding the slug', () => {
    expect(profileUrl('jane-doe')).toBe('https://www.linkedin.com/in/jane-doe/');
    expect(profileUrl('jürgen-müller-1a2b3c')).toBe('https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-1a2b3c/');
  });
  it('round-trips through canonicalSlug', () => {
    for (const slug of ['jane-doe', 'jürgen-müller-1a2b3c', '王小明']) expect(canonicalSlug(profileUrl(slug))).toBe(slug);
  });
});

describe('isLinkedInHost', () => {
  it.each([
    ['https://www.linkedin.com/feed/', true],
    ['https://id.linkedin.com/', true],
    ['https://linkedin.com/', true],
    ['https://linkedin.com.evil.io/', false],
    ['https://evil-linkedin.com/', false],
    ['file:///www.linkedin.com/', false],
  ] as [string, boolean][])('%s → %s', (url, expected) => expect(isLinkedInHost(url)).toBe(expected));
});

describe('isOpaqueMemberId', () => {
  it('tells member ids from vanity slugs', () => {
    expect(isOpaqueMemberId('acoaabcdefghijklmnopqrstuvwxyz0123456')).toBe(true);
    expect(isOpaqueMemberId('jane-doe')).toBe(false);
  });
});
