/** Nearest-rank percentile: the reported value is always one that was actually measured. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);
export const p95 = (samples: readonly number[]): number => percentile(samples, 95);

export function ms(v: number): string {
  return v < 10 ? `${v.toFixed(2)} ms` : `${v.toFixed(1)} ms`;
}

/**
 * How far the ratio of two medians can be trusted: a 95 % bootstrap interval (each sample resampled
 * with replacement, 2,000 times, percentiles 2.5–97.5). Seeded, so one run's figures are reproducible.
 */
export function medianRatioInterval(a: readonly number[], b: readonly number[], resamples = 2000): [number, number] {
  let seed = 0x9e3779b9;
  const random = () => {
    // xorshift32: enough for resampling, and the same stream every run.
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const resample = (xs: readonly number[]) => xs.map(() => xs[Math.floor(random() * xs.length)]!);
  const ratios = Array.from({ length: resamples }, () => median(resample(a)) / median(resample(b)));
  return [percentile(ratios, 2.5), percentile(ratios, 97.5)];
}
