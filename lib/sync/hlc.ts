// Hybrid logical clock: strings that sort lexicographically in causal order across devices,
// so the server can merge field edits deterministically (DESIGN.md §5).

export interface HlcState {
  millis: number;
  counter: number;
}

export function tickHlc(prev: HlcState, now: number): HlcState {
  if (now > prev.millis) return { millis: now, counter: 0 };
  return { millis: prev.millis, counter: prev.counter + 1 };
}

export function formatHlc(s: HlcState, node: string): string {
  return `${s.millis.toString().padStart(15, '0')}-${s.counter.toString(36).padStart(6, '0')}-${node}`;
}
