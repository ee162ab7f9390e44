import { describe, expect, it } from 'vitest';
import { parseSeenMap } from './seen';

describe('parseSeenMap', () => {
  it('keeps valid entries of every kind', () => {
    const map = {
      '12': { kind: 'person', url: 'https://www.linkedin.com/in/a/', slug: 'a', pageName: null },
      '13': { kind: 'list', url: 'https://www.linkedin.com/search/', slugs: ['a'], memberIds: ['ACoAAB'] },
      '14': { kind: 'none', url: 'https://www.linkedin.com/feed/' },
    };
    expect(parseSeenMap(map)).toEqual(map);
  });

  it('drops damaged or foreign entries and keeps the rest', () => {
    const good = { kind: 'none', url: 'https://www.linkedin.com/feed/' };
    expect(
      parseSeenMap({
        '1': good,
        '2': { kind: 'person', url: 'x' },
        '3': { kind: 'list', url: 'x', slugs: 'a', memberIds: [] },
        '4': 'person',
        tab: good,
      }),
    ).toEqual({ '1': good });
  });

  it('reads anything but an object as no tabs', () => {
    for (const raw of [undefined, null, 'x', 3, [{ kind: 'none', url: 'x' }]]) expect(parseSeenMap(raw)).toEqual({});
  });
});
