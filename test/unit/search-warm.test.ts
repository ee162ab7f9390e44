// The search index build (it reads every prospect row) waits for the side panel's first answers when the
// panel woke the worker, instead of starting a fixed moment after the panel's first request.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const warmSearchIndex = vi.fn(async () => undefined);
vi.mock('../../lib/store/search-index', () => ({ warmSearchIndex }));
vi.mock('../../entrypoints/background/context', () => ({ storeContext: async () => ({}) }));
vi.mock('../../lib/search/from-side-panel', () => ({ fromSidePanel: () => true }));

describe('search index warm-up', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.resetModules();
    warmSearchIndex.mockClear();
  });
  afterEach(() => void vi.useRealTimers());

  it("starts only after the panel's first read is answered", async () => {
    const warmUp = await import('../../entrypoints/background/warm-up');
    const { warmSearchSoon } = await import('../../entrypoints/background/search-warm');
    let answer!: () => void;
    const reply = warmUp.answering(new Promise<void>((r) => (answer = r)));
    warmSearchSoon();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(warmSearchIndex).not.toHaveBeenCalled();
    answer();
    await reply;
    await vi.advanceTimersByTimeAsync(401);
    expect(warmSearchIndex).toHaveBeenCalledTimes(1);
    // Asked again later, it checks again (the build itself does nothing when the index is built).
    warmSearchSoon();
    await vi.advanceTimersByTimeAsync(401);
    expect(warmSearchIndex).toHaveBeenCalledTimes(2);
  });
});
