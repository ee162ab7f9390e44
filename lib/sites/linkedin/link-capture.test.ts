import { describe, expect, it } from 'vitest';
import { captureFromLink } from './link-capture';
import { nameFromSlug } from './slug-name';

describe('captureFromLink', () => {
  it('captures a profile link by its canonical slug with a readable placeholder name', () => {
    expect(captureFromLink('https://id.linkedin.com/in/Siti-Rahma-8b2a1c3/?trk=feed')).toMatchObject({
      slug: 'siti-rahma-8b2a1c3',
      name: 'Siti Rahma',
      linkedinUrl: 'https://www.linkedin.com/in/siti-rahma-8b2a1c3/',
    });
  });
  it.each([
    'https://www.linkedin.com/company/acme/',
    'https://www.linkedin.com/feed/',
    'https://evil-linkedin.com/in/x/',
    'javascript:alert(1)',
    // a member id link names nobody: no name to guess, and it must not rename a tracked person
    'https://www.linkedin.com/in/ACoAABCdEfGhIjKlMnOpQrStUvWxYz0123456/',
  ])('ignores %s', (url) => expect(captureFromLink(url)).toBeNull());
});

describe('nameFromSlug', () => {
  it.each([
    ['siti-rahma-8b2a1c3', 'Siti Rahma'],
    ['budi', 'Budi'],
    ['jürgen-müller-1a2b', 'Jürgen Müller'],
    ['12345', '12345'],
  ])('%s → %s', (slug, name) => expect(nameFromSlug(slug)).toBe(name));
});
