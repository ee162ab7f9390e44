import { describe, expect, it } from 'vitest';
import { isDarkBehind, luminance, parseRgb } from './page-theme';

describe("the chip's scheme follows the page around it", () => {
  it('parses computed colours', () => {
    expect(parseRgb('rgb(27, 31, 35)')).toEqual([27, 31, 35, 1]);
    expect(parseRgb('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
    expect(parseRgb('rgb(255 255 255 / 50%)')).toEqual([255, 255, 255, 0.5]);
    expect(parseRgb('transparent')).toBeNull();
  });

  it('measures luminance', () => {
    expect(luminance(255, 255, 255)).toBeCloseTo(1);
    expect(luminance(0, 0, 0)).toBe(0);
  });

  it('skips transparent ancestors and reads the first opaque background', () => {
    const leaf = { parentElement: null as unknown } as Element;
    const mid = { parentElement: null as unknown } as Element;
    const root = { parentElement: null } as unknown as Element;
    Object.assign(leaf, { parentElement: mid });
    Object.assign(mid, { parentElement: root });
    const colours = new Map<Element, string>([
      [leaf, 'rgba(0, 0, 0, 0)'],
      [mid, 'rgba(255, 255, 255, 0.1)'],
      [root, 'rgb(27, 31, 35)'],
    ]);
    expect(isDarkBehind(leaf, (e) => ({ backgroundColor: colours.get(e)! }))).toBe(true);
    colours.set(mid, 'rgb(243, 242, 239)');
    expect(isDarkBehind(leaf, (e) => ({ backgroundColor: colours.get(e)! }))).toBe(false);
  });

  it('a page with no background at all is light', () => {
    const only = { parentElement: null } as unknown as Element;
    expect(isDarkBehind(only, () => ({ backgroundColor: 'rgba(0, 0, 0, 0)' }))).toBe(false);
  });
});
