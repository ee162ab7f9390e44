import { afterEach, describe, expect, it, vi } from 'vitest';
import { peopleFile as people, testStore } from '../../test/unit/store-helpers';
import { runImport } from '../store/import-run';
import {
  LONGEST_WAIT_MS,
  LOOKUPS_CHANNEL,
  LookupGate,
  STALE_MS,
  listenForLookups,
  lookupAnnouncer,
  yieldingToLookups,
  type LookupsNotice,
} from './lookups-in-flight';

const inFlight = (count: number): LookupsNotice => ({ type: 'lookupsInFlight', count });

/** Whether `p` has settled once every pending microtask (and no timer) ran. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the background's announcer", () => {
  it('posts the count when a lookup starts and when it is answered, and leaves other requests alone', async () => {
    const posted: number[] = [];
    const announce = lookupAnnouncer((n) => posted.push(n.count));
    let answerFirst!: (v: string) => void;
    const first = announce('lookup', new Promise<string>((r) => (answerFirst = r)));
    const second = announce('companySummary', Promise.resolve('b'));
    expect(await announce('search', Promise.resolve('c'))).toBe('c');
    expect(await second).toBe('b');
    expect(posted).toEqual([1, 2, 1]);
    answerFirst('a');
    expect(await first).toBe('a');
    expect(posted).toEqual([1, 2, 1, 0]);
  });

  it('counts a failed answer as done and passes the failure on', async () => {
    const posted: number[] = [];
    const announce = lookupAnnouncer((n) => posted.push(n.count));
    await expect(announce('lookup', Promise.reject(new Error('no store')))).rejects.toThrow('no store');
    expect(posted).toEqual([1, 0]);
  });

  it('answers even when posting fails', async () => {
    const announce = lookupAnnouncer(() => {
      throw new Error('channel closed');
    });
    expect(await announce('lookup', Promise.resolve(3))).toBe(3);
  });
});

describe("the import's wait for lookups", () => {
  it('does not wait when nothing was ever heard (no background, no channel)', async () => {
    vi.useFakeTimers();
    expect(await settled(new LookupGate().idle())).toBe(true);
  });

  it('waits while a lookup is in flight and goes on as soon as it is answered', async () => {
    vi.useFakeTimers();
    const gate = new LookupGate(() => Date.now());
    gate.hear(inFlight(1));
    const waiting = gate.idle();
    expect(await settled(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(20);
    expect(await settled(waiting)).toBe(false);
    gate.hear(inFlight(0));
    expect(await settled(waiting)).toBe(true);
  });

  it('waits for every lookup in flight, not only the first', async () => {
    vi.useFakeTimers();
    const gate = new LookupGate(() => Date.now());
    gate.hear(inFlight(2));
    const waiting = gate.idle();
    gate.hear(inFlight(1));
    expect(await settled(waiting)).toBe(false);
    gate.hear(inFlight(0));
    expect(await settled(waiting)).toBe(true);
  });

  it('never waits longer than its bound, however long the lookups go on', async () => {
    vi.useFakeTimers();
    const gate = new LookupGate(() => Date.now());
    gate.hear(inFlight(1));
    const waiting = gate.idle();
    await vi.advanceTimersByTimeAsync(LONGEST_WAIT_MS - 1);
    expect(await settled(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(waiting)).toBe(true);
  });

  it('takes a count nobody updated for a while as nothing in flight (the worker stopped mid-answer)', async () => {
    vi.useFakeTimers();
    const gate = new LookupGate(() => Date.now());
    gate.hear(inFlight(1));
    expect(gate.busy).toBe(true);
    await vi.advanceTimersByTimeAsync(STALE_MS);
    expect(gate.busy).toBe(false);
    expect(await settled(gate.idle())).toBe(true);
    // Nor does a wait begun just before then outlast it.
    gate.hear(inFlight(1));
    await vi.advanceTimersByTimeAsync(STALE_MS - 10);
    const waiting = gate.idle();
    await vi.advanceTimersByTimeAsync(10);
    expect(await settled(waiting)).toBe(true);
  });

  it('tells a slice of the next lookup to start (the count rising), and not once it stopped listening', async () => {
    vi.useFakeTimers();
    const gate = new LookupGate(() => Date.now());
    gate.hear(inFlight(1));
    const arrival = gate.arrival(); // one already in flight was waited for before the slice: it does not count
    gate.hear(inFlight(1));
    gate.hear(inFlight(0));
    expect(await settled(arrival.promise)).toBe(false);
    gate.hear(inFlight(1));
    expect(await settled(arrival.promise)).toBe(true);
    const stopped = gate.arrival();
    stopped.stop();
    gate.hear(inFlight(2));
    expect(await settled(stopped.promise)).toBe(false);
    gate.hear({ type: 'lookupsInFlight', count: 9, forged: true }); // not a notice: no arrival
    const next = gate.arrival();
    gate.hear({ type: 'lookupsInFlight', count: 9, forged: true });
    expect(await settled(next.promise)).toBe(false);
  });

  it('takes the first lookup of a worker that stopped mid-answer and started again as a lookup starting', async () => {
    vi.useFakeTimers();
    const gate = new LookupGate(() => Date.now());
    gate.hear(inFlight(1)); // then Chrome stops the worker before it says it answered
    await vi.advanceTimersByTimeAsync(STALE_MS);
    const arrival = gate.arrival();
    gate.hear(inFlight(1)); // the new worker counts from nothing
    expect(await settled(arrival.promise)).toBe(true);
  });

  it('ignores what is not a notice of ours', async () => {
    vi.useFakeTimers();
    const gate = new LookupGate(() => Date.now());
    for (const junk of [
      null,
      'busy',
      { type: 'lookupsInFlight', count: -1 },
      { type: 'lookupsInFlight', count: 1.5 },
      { type: 'other', count: 1 },
      { ...inFlight(1), extra: true },
    ])
      gate.hear(junk);
    expect(gate.busy).toBe(false);
    gate.hear(inFlight(1));
    gate.hear({ type: 'lookupsInFlight', count: 'zero' });
    expect(gate.busy).toBe(true);
  });

  it('hears the background over the channel the worker and the pages share', async () => {
    // A clock that stands still: however slowly the messages come, the count never goes stale here.
    const gate = new LookupGate(() => 0);
    const ear = listenForLookups(gate);
    const mouth = new BroadcastChannel(LOOKUPS_CHANNEL);
    const until = (ok: () => boolean) =>
      new Promise<void>((resolve) => {
        const poll = () => (ok() ? resolve() : setTimeout(poll, 1));
        poll();
      });
    try {
      const started = gate.arrival();
      mouth.postMessage(inFlight(1));
      await started.promise;
      expect(gate.busy).toBe(true);
      mouth.postMessage(inFlight(0));
      await until(() => !gate.busy);
      // Nothing in flight: an import's wait ends at once.
      await expect(gate.idle()).resolves.toBeUndefined();
    } finally {
      mouth.close();
      ear.close();
    }
  });
});

describe('an import yielding to lookups', () => {
  it('starts no slice while a lookup is in flight, and each slice once it is answered', async () => {
    const { ctx } = await testStore();
    // A clock that stands still: the count never goes stale here, so only its answer lets the import on.
    // And timers that never fire unless told: the wait's bound (LONGEST_WAIT_MS, capped by STALE_MS) is
    // real time, which a slow run could spend before the look below, letting the import on by itself.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const gate = new LookupGate(() => 0);
    const slicesDone: number[] = [];
    let written!: () => void;
    const firstSlice = new Promise<void>((r) => (written = r));
    const run = {
      chunk: 4,
      onProgress: (p: { phase: string; done: number }) => {
        if (p.phase !== 'importing') return;
        slicesDone.push(p.done);
        // A chip's lookup arrives while the first slice writes.
        if (p.done === 4) {
          gate.hear(inFlight(1));
          written();
        }
      },
      pause: yieldingToLookups(async () => undefined, { idle: () => gate.idle(60_000) }),
    };
    const importing = runImport(ctx, people(10), { skipBadRows: false }, run);
    await firstSlice;
    // Turns enough for the next slice to be written, had the import not waited (the store answers on
    // setImmediate, so this counts the store's steps, not time).
    for (let i = 0; i < 200; i++) await new Promise((r) => setImmediate(r));
    expect(slicesDone).toEqual([4]);
    expect(await ctx.db.prospects.count()).toBe(4);
    gate.hear(inFlight(0));
    expect(await importing).toMatchObject({ created: 10 });
    expect(slicesDone).toEqual([4, 8, 10]);
  });

  it('goes on at once when no lookup is in flight', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const gate = new LookupGate();
    const pause = yieldingToLookups(async () => undefined, gate);
    expect(await settled(pause())).toBe(true);
  });
});
