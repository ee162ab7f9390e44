import { describe, expect, it } from 'vitest';
import { toggled } from './selection';

const order = ['a', 'b', 'c', 'd', 'e'];

describe('selection', () => {
  it('a click toggles one; a shift-click selects everything between the last click and this one', () => {
    let s = toggled(new Set(), order, 'b', null, false);
    expect([...s]).toEqual(['b']);
    s = toggled(s, order, 'd', 'b', true);
    expect([...s].sort()).toEqual(['b', 'c', 'd']);
    // Upwards too, and a range from an unselected anchor clears it.
    s = toggled(s, order, 'c', null, false);
    expect([...s].sort()).toEqual(['b', 'd']);
    s = toggled(s, order, 'a', 'c', true);
    expect([...s].sort()).toEqual(['d']);
  });

  it('a shift-click with no anchor, or on an id not shown, is a plain toggle', () => {
    expect([...toggled(new Set(), order, 'c', null, true)]).toEqual(['c']);
    expect([...toggled(new Set(['a']), order, 'c', 'zz', true)].sort()).toEqual(['a', 'c']);
  });
});
