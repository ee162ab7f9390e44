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
