// How many of a page's lookups the background is answering right now, told to Jalur's own pages, so a
// long import in the options page lets them go first. A chip's lookup (or a list's marks) is a few
// short reads one after another in the service worker; an import slice started meanwhile holds the
// prospects for its whole transaction and competes with those reads for IndexedDB and the processor,
// so the chip waits for it. The background counts such answers in flight and posts the count on a
// BroadcastChannel (the worker and the extension's pages share its origin; no content script can open
// it) each time it changes; the import, before each slice, waits until the count is back to zero, and a
// slice being written when the count rises stops at the step it wrote (lib/store/import.ts, GIVE_WAY_STEP).
//
// Never a stall, whatever happens to the worker: the wait is bounded (LONGEST_WAIT_MS a slice, so a
// stream of lookups slows the import but cannot stop it), a count that nobody updates for STALE_MS
// (the worker stopped mid-answer, as Chrome stops idle workers) counts as zero, no message at all means
// nothing is in flight, and anything on the channel that is not a notice of ours is ignored.
import { z } from 'zod';
import type { LookupStart } from '../store/import';

export const LOOKUPS_CHANNEL = 'jalur:lookups-in-flight';

/** The requests a page waits on while someone looks at it: a chip's and a list's marks' lookups. */
export const LOOKUP_REQUESTS: ReadonlySet<string> = new Set(['lookup', 'companySummary', 'messagesLogged']);

export const LookupsNoticeSchema = z.object({ type: z.literal('lookupsInFlight'), count: z.number().int().min(0).max(10_000) }).strict();
export type LookupsNotice = z.infer<typeof LookupsNoticeSchema>;

/** The longest an import's slice waits for lookups to be answered before it starts anyway. */
export const LONGEST_WAIT_MS = 150;
/** A count not updated for this long is old news (a lookup is tens of milliseconds): nothing is in flight. */
export const STALE_MS = 1_000;

/**
 * The background's side: wraps the answer to a request and, for a lookup, posts the count in flight
 * when it starts and when it is answered (or failed). Other requests pass through untouched.
 */
export function lookupAnnouncer(post: (notice: LookupsNotice) => void): <T>(type: unknown, reply: Promise<T>) => Promise<T> {
  let count = 0;
  const tell = () => {
    try {
      post({ type: 'lookupsInFlight', count });
    } catch {
      // No channel (closed, or none in this context): the import simply does not wait.
    }
  };
  return (type, reply) => {
    if (typeof type !== 'string' || !LOOKUP_REQUESTS.has(type)) return reply;
    count++;
    tell();
    return reply.finally(() => {
      count--;
      tell();
    });
  };
}

let channel: BroadcastChannel | null = null;

/** The background's announcer, on the shared channel (opened with the first lookup). */
export const announceLookup = lookupAnnouncer((notice) => {
  if (typeof BroadcastChannel === 'undefined') return;
  channel ??= new BroadcastChannel(LOOKUPS_CHANNEL);
  channel.postMessage(notice);
});

/** The import's side: the last count heard, and a wait until it is zero (bounded, see the top). */
export class LookupGate {
  private count = 0;
  private heardAt = 0;
  private readonly waiters = new Set<() => void>();
  private readonly arrivals = new Set<() => void>();

  constructor(private readonly clock: () => number = () => performance.now()) {}

  /** Takes in whatever came on the channel; only a valid notice counts. */
  hear(data: unknown): void {
    const notice = LookupsNoticeSchema.safeParse(data);
    if (!notice.success) return;
    // Measured from what is in flight now: a count gone stale (a worker stopped mid-answer) is none, so a
    // restarted worker's first lookup, which it counts as 1 again, is a lookup starting.
    const rose = notice.data.count > (this.busy ? this.count : 0);
    this.count = notice.data.count;
    this.heardAt = this.clock();
    if (this.count === 0) for (const wake of [...this.waiters]) wake();
    if (rose) for (const tell of [...this.arrivals]) tell();
  }

  /**
   * The next lookup to start (the count rising), for a slice being written to give way to; never, if
   * none starts before `stop`. One already in flight does not count: the pause before the slice waited.
   */
  arrival(): LookupStart {
    let stop: () => void = () => undefined;
    const promise = new Promise<void>((resolve) => {
      const tell = () => {
        this.arrivals.delete(tell);
        resolve();
      };
      this.arrivals.add(tell);
      stop = () => void this.arrivals.delete(tell);
    });
    return { promise, stop };
  }

  /** Whether a lookup is being answered now, as last heard (and not too long ago). */
  get busy(): boolean {
    return this.count > 0 && this.clock() - this.heardAt < STALE_MS;
  }

  /** Resolves once no lookup is in flight: at once when none is, at the latest after `maxMs`. */
  idle(maxMs: number = LONGEST_WAIT_MS): Promise<void> {
    if (!this.busy) return Promise.resolve();
    // Never past the moment the count goes stale.
    const wait = Math.max(0, Math.min(maxMs, STALE_MS - (this.clock() - this.heardAt)));
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, wait);
      this.waiters.add(wake);
    });
  }
}

export interface LookupListener {
  idle: (maxMs?: number) => Promise<void>;
  arrival: () => LookupStart;
  close: () => void;
}

/** A page's ear on the channel, for as long as its import runs; without BroadcastChannel it never waits. */
export function listenForLookups(gate: LookupGate = new LookupGate()): LookupListener {
  if (typeof BroadcastChannel === 'undefined') {
    return {
      idle: () => Promise.resolve(),
      arrival: () => ({ promise: new Promise<void>(() => undefined), stop: () => undefined }),
      close: () => undefined,
    };
  }
  const ch = new BroadcastChannel(LOOKUPS_CHANNEL);
  ch.onmessage = (e: MessageEvent) => gate.hear(e.data);
  return { idle: (maxMs) => gate.idle(maxMs), arrival: () => gate.arrival(), close: () => ch.close() };
}

/** An import's pause between slices: its turn of the event loop, then lookups in flight go first. */
export function yieldingToLookups(turn: () => Promise<void>, lookups: Pick<LookupListener, 'idle'>): () => Promise<void> {
  return async () => {
    await turn();
    await lookups.idle();
  };
}
