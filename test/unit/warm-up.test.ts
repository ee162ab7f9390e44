// A worker the side panel woke answers the panel before its start-up work (badge recount, first sync
// round, the search index build): that work reads and writes the store, and IndexedDB serves one request
// at a time, so started early it makes the panel's first read wait behind it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type WarmUp = typeof import('../../entrypoints/background/warm-up');

async function fresh(): Promise<WarmUp> {
  vi.resetModules();
  return import('../../entrypoints/background/warm-up');
}

describe('start-up work after the first answer', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('waits for an answer still out after the quiet moment, and starts once it is given', async () => {
    const w = await fresh();
    const job = vi.fn();
    w.afterFirstAnswer(job);
    let answer!: (v: string) => void;
    const reply = w.answering(new Promise<string>((r) => (answer = r)));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(job).not.toHaveBeenCalled();
    answer('board');
    await expect(reply).resolves.toBe('board');
    await vi.advanceTimersByTimeAsync(1);
    expect(job).toHaveBeenCalledTimes(1);
  });

  it('starts after a quiet moment when nothing asks (woken by an alarm)', async () => {
    const w = await fresh();
    const job = vi.fn();
    w.afterFirstAnswer(job);
    await vi.advanceTimersByTimeAsync(599);
    expect(job).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2);
    expect(job).toHaveBeenCalledTimes(1);
  });

  it('is not held back for ever by an answer that never comes', async () => {
    const w = await fresh();
    const job = vi.fn();
    w.afterFirstAnswer(job);
    void w.answering(new Promise<never>(() => undefined));
    await vi.advanceTimersByTimeAsync(w.LONGEST_HOLD_MS - 700);
    expect(job).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_300);
    expect(job).toHaveBeenCalledTimes(1);
  });
});
