import { describe, expect, it } from 'vitest';
import { surfacesFor } from './surfaces';

describe('which surface scripts a LinkedIn page needs', () => {
  it('a profile gets the profile chip, besides lists (people also viewed) and messaging (chat bubbles)', () => {
    expect(surfacesFor('https://www.linkedin.com/in/rizky-pratama-5e6f7a/')).toEqual(['profile', 'lists', 'messaging']);
    expect(surfacesFor('https://id.linkedin.com/in/ACoAAAnitaWirawan24abcdefgh1')).toEqual(['profile', 'lists', 'messaging']);
    expect(surfacesFor('https://www.linkedin.com/mwlite/in/rizky/')).toEqual(['profile', 'lists', 'messaging']);
  });

  it('a company page gets the company chip; lists pages and messaging get neither chip', () => {
    expect(surfacesFor('https://www.linkedin.com/company/sinar-logistik-fx/')).toEqual(['lists', 'messaging', 'company']);
    expect(surfacesFor('https://www.linkedin.com/company/sinar-logistik-fx/people/')).toEqual(['lists', 'messaging', 'company']);
    for (const url of [
      'https://www.linkedin.com/search/results/people/?keywords=logistik',
      'https://www.linkedin.com/feed/',
      'https://www.linkedin.com/mynetwork/',
      'https://www.linkedin.com/messaging/thread/2-ANITA24/',
      'https://www.linkedin.com/sales/lead/ACwAAHanaKusumaLead25abcdefg1,NAME_SEARCH,x1Yz',
      'https://www.linkedin.com/in/',
      'https://www.linkedin.com/company/',
    ])
      expect(surfacesFor(url), url).toEqual(['lists', 'messaging']);
  });

  it('nothing for something that is not a URL', () => {
    expect(surfacesFor('not a url')).toEqual([]);
  });
});
