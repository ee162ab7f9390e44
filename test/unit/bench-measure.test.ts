import { describe, expect, it } from 'vitest';
import { cpuBetween, type CpuSample } from '../bench/proc-cpu';
import { medianRatioInterval } from '../bench/stats';

describe('the page-load bench reading CPU between two moments of a page', () => {
  const samples: CpuSample[] = [
    { at: 1000, ms: { browser: 10, extension: 5 } },
    { at: 1002, ms: { browser: 14, extension: 5 } },
    { at: 1004, ms: { browser: 14, extension: 9 } },
  ];

  it('interpolates within the samples around each moment', () => {
    expect(cpuBetween(samples, 1001, 1003)).toEqual({ browser: 2, extension: 2 });
    expect(cpuBetween(samples, 1000, 1004)).toEqual({ browser: 4, extension: 4 });
  });

  it('counts nothing a process did after the window ends (work that starts on the load event)', () => {
    expect(cpuBetween(samples, 1000, 1002).extension).toBe(0);
  });

  it('clamps moments outside the samples to the first and last', () => {
    expect(cpuBetween(samples, 900, 5000)).toEqual({ browser: 4, extension: 4 });
  });
});

describe('the 95 % interval of a ratio of medians', () => {
  it('is the ratio itself when neither side varies', () => {
    expect(medianRatioInterval([110, 110, 110], [100, 100, 100])).toEqual([1.1, 1.1]);
  });

  it('holds the ratio of the medians, is the same every run, and widens with the spread', () => {
    const a = Array.from({ length: 30 }, (_, i) => 100 + ((i * 37) % 21) - 10);
    const b = Array.from({ length: 30 }, (_, i) => 100 + ((i * 53) % 21) - 10);
    const [lo, hi] = medianRatioInterval(a, b);
    expect(lo).toBeLessThanOrEqual(1);
    expect(hi).toBeGreaterThanOrEqual(1);
    expect(medianRatioInterval(a, b)).toEqual([lo, hi]);
    const wide = medianRatioInterval(
      a.map((x) => 100 + (x - 100) * 4),
      b.map((x) => 100 + (x - 100) * 4),
    );
    expect(wide[1]! - wide[0]!).toBeGreaterThan(hi - lo);
  });
});
