import { describe, expect, it } from 'vitest';
import { rovingIndex } from './roving';

describe('rovingIndex', () => {
  it('moves forward and back, wrapping at both ends', () => {
    expect(rovingIndex('ArrowRight', 0, 5)).toBe(1);
    expect(rovingIndex('ArrowRight', 4, 5)).toBe(0);
    expect(rovingIndex('ArrowLeft', 0, 5)).toBe(4);
    expect(rovingIndex('ArrowDown', 2, 5)).toBe(3);
    expect(rovingIndex('ArrowUp', 2, 5)).toBe(1);
  });
  it('jumps to the ends', () => {
    expect(rovingIndex('Home', 3, 5)).toBe(0);
    expect(rovingIndex('End', 1, 5)).toBe(4);
  });
  it('starts at an end when nothing holds focus yet', () => {
    expect(rovingIndex('ArrowDown', -1, 3)).toBe(0);
    expect(rovingIndex('ArrowUp', -1, 3)).toBe(2);
  });
  it('ignores other keys and empty rows', () => {
    expect(rovingIndex('a', 1, 5)).toBe(-1);
    expect(rovingIndex('Enter', 1, 5)).toBe(-1);
    expect(rovingIndex('ArrowRight', 0, 0)).toBe(-1);
  });
});
