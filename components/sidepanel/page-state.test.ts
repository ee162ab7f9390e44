// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPageState, writePageState } from './page-state';

afterEach(() => {
  history.replaceState(null, '');
  vi.restoreAllMocks();
});

describe('what the panel keeps for its lifetime', () => {
  it('is kept in the page’s history entry, beside anything else kept there, and never touches sessionStorage', () => {
    const touched = vi.spyOn(Storage.prototype, 'getItem');
    const written = vi.spyOn(Storage.prototype, 'setItem');
    expect(readPageState('jalur:work-through')).toBeNull();
    writePageState('jalur:work-through', '1');
    writePageState('jalur:board-filter', '{"gate":"sql"}');
    expect(readPageState('jalur:work-through')).toBe('1');
    expect(readPageState('jalur:board-filter')).toBe('{"gate":"sql"}');
    expect(history.state).toEqual({ 'jalur:work-through': '1', 'jalur:board-filter': '{"gate":"sql"}' });
    expect(touched).not.toHaveBeenCalled();
    expect(written).not.toHaveBeenCalled();
  });

  it('reads nothing odd as kept', () => {
    history.replaceState({ 'jalur:work-through': 1 }, '');
    expect(readPageState('jalur:work-through')).toBeNull();
    history.replaceState('text', '');
    expect(readPageState('jalur:work-through')).toBeNull();
  });
});
