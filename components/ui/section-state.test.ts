import { describe, expect, it } from 'vitest';
import { readOpen, sectionKey, writeOpen, type KeyValueStore } from './section-state';

function memory(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('section state', () => {
  it('uses the default until the rep toggles, then remembers per section', () => {
    const s = memory();
    expect(readOpen(s, 'person.touches', true)).toBe(true);
    expect(readOpen(s, 'person.details', false)).toBe(false);
    writeOpen(s, 'person.touches', false);
    writeOpen(s, 'person.details', true);
    expect(readOpen(s, 'person.touches', true)).toBe(false);
    expect(readOpen(s, 'person.details', false)).toBe(true);
    expect(s.data.get(sectionKey('person.touches'))).toBe('0');
  });
  it('ignores a value it did not write', () => {
    const s = memory();
    s.setItem(sectionKey('person.deal'), 'yes');
    expect(readOpen(s, 'person.deal', false)).toBe(false);
  });
  it('falls back to the default when storage is missing or throws', () => {
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(readOpen(null, 'x', true)).toBe(true);
    expect(readOpen(broken, 'x', false)).toBe(false);
    expect(() => writeOpen(broken, 'x', true)).not.toThrow();
  });
});
