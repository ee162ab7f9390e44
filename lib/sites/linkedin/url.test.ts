import { describe, expect, it } from 'vitest';
import { canonicalSlug, isLinkedInHost, isMemberId, isOpaqueMemberId, isProfileUrl, memberIdOf, profileKeys, profileUrl } from './url';

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

const ID = 'ACoAABCdEfGhIjKlMnOpQrStUvWxYz0123456';
const SALES_ID = 'ACwAAAB1c2VyLXNhbGVzLW5hdi0xMjM0NTY3ODk';

describe('memberIdOf', () => {
  const table: [string, string | null][] = [
    [`https://www.linkedin.com/in/${ID}/`, ID],
    [`https://www.linkedin.com/in/${ID}`, ID],
    [`https://id.linkedin.com/in/${ID}/overlay/contact-info/?trk=x`, ID],
    [`/in/${ID}/`, ID],
    [`https://www.linkedin.com/mwlite/in/${ID}`, ID],
    [`urn:li:fsd_profile:${ID}`, ID],
    [`urn:li:fs_miniProfile:${ID}`, ID],
    [`urn%3Ali%3Afsd_profile%3A${ID}`, ID],
    [`urn:li:fs_salesProfile:(${SALES_ID},NAME_SEARCH,Ab1c)`, SALES_ID],
    [`https://www.linkedin.com/sales/lead/${SALES_ID},NAME_SEARCH,Ab1c?_ntb=xyz`, SALES_ID],
    [`https://www.linkedin.com/sales/lead/${SALES_ID}%2CNAME_SEARCH%2CAb1c`, SALES_ID],
    [`https://www.linkedin.com/sales/people/${SALES_ID},name`, SALES_ID],
    [`https://www.linkedin.com/search/results/people/?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3A${ID}`, ID],
    [`https://www.linkedin.com/messaging/thread/new/?recipient=${ID}`, ID],
    // case is kept: the id is case-sensitive, a lower-cased one is not an id any more
    [`https://www.linkedin.com/in/${ID.toLowerCase()}/`, null],
    ['https://www.linkedin.com/in/jane-doe/', null],
    ['https://www.linkedin.com/in/ACoAAshort/', null],
    [`https://linkedin.com.evil.io/in/${ID}/`, null],
    [`https://evil.io/sales/lead/${SALES_ID},NAME_SEARCH,x`, null],
    [`https://www.linkedin.com/company/${ID}/`, null],
    ['urn:li:fsd_company:12345', null],
    ['urn:li:member:123456789', null],
    [`urn:li:fsd_profile:${ID}<script>`, ID],
    ['', null],
    ['%', null],
  ];
  it.each(table)('%s → %s', (input, expected) => expect(memberIdOf(input)).toBe(expected));
  it('never throws on garbage', () => {
    for (const s of ['urn%', 'urn:li:fsd_profile:%E0', '/in/%E0', 'http://[::1', '\u0000']) expect(() => memberIdOf(s)).not.toThrow();
  });
});

describe('isMemberId', () => {
  it('takes profile and Sales Navigator ids as written, nothing else', () => {
    expect(isMemberId(ID)).toBe(true);
    expect(isMemberId(SALES_ID)).toBe(true);
    expect(isMemberId(ID.toLowerCase())).toBe(false);
    expect(isMemberId('jane-doe')).toBe(false);
    expect(isMemberId(`${ID}/`)).toBe(false);
    expect(isMemberId(`${ID}${'x'.repeat(200)}`)).toBe(false);
  });
});

describe('profileKeys', () => {
  it('gives a slug for a vanity URL and a member id (no slug) for an id URL', () => {
    expect(profileKeys('https://www.linkedin.com/in/Jane-Doe/')).toEqual({ slug: 'jane-doe', memberId: null });
    expect(profileKeys(`https://www.linkedin.com/in/${ID}/`)).toEqual({ slug: null, memberId: ID });
    expect(profileKeys(null)).toEqual({ slug: null, memberId: null });
    expect(profileKeys('https://www.linkedin.com/feed/')).toEqual({ slug: null, memberId: null });
  });
  it('the stored URL of an id keeps its case', () => {
    expect(memberIdOf(profileUrl(ID))).toBe(ID);
  });
});
