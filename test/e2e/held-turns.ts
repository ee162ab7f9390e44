// Holds an import's turns in a page until the test lets them run. Jalur's long jobs in a page (an
// import's check and its writes) yield between slices with `nextTurn()` (components/data/page-store.ts),
// a zero-delay timer passed NEXT_TURN_MARK, so while the turns are held the job stands still at a slice
// boundary: its progress and its Cancel stay on screen for as long as the test needs, however fast the
// machine. Only timers carrying the mark are held: the page's other zero-delay timers (Preact's effects,
// Dexie's change broadcasts) run as usual, so the page stays live and each step runs the import's next
// turn, never something else that happened to wait.
import type { Page } from '@playwright/test';

/** Must equal NEXT_TURN_MARK in components/data/page-store.ts (that module needs a browser to load). */
export const NEXT_TURN_MARK = 'jalur:next-turn';

interface HeldWindow {
  __heldTurns: Array<() => void>;
  __releaseTurns: () => void;
}

export interface HeldTurns {
  /** How many of the import's turns are waiting. */
  waiting(): Promise<number>;
  /** Lets the oldest waiting turn run; the job goes on until its next yield. */
  step(): Promise<void>;
  /** Gives the page its own timers back and runs every turn that waited. */
  release(): Promise<void>;
}

export async function holdTurns(page: Page): Promise<HeldTurns> {
  await page.evaluate((mark) => {
    const w = window as unknown as Window & HeldWindow;
    const real = window.setTimeout;
    const held: Array<() => void> = [];
    w.__heldTurns = held;
    w.__releaseTurns = () => {
      window.setTimeout = real;
      for (const run of held.splice(0)) real(run, 0);
    };
    window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]): number => {
      if (args[0] !== mark || delay || typeof handler !== 'function') return real(handler, delay, ...args);
      held.push(() => (handler as (...a: unknown[]) => void)(...args));
      return 0;
    }) as typeof window.setTimeout;
  }, NEXT_TURN_MARK);
  return {
    waiting: () => page.evaluate(() => (window as unknown as HeldWindow).__heldTurns.length),
    step: () =>
      page.evaluate(() => {
        const run = (window as unknown as HeldWindow).__heldTurns.shift();
        if (!run) throw new Error('No turn of the import is waiting');
        run();
      }),
    release: () => page.evaluate(() => (window as unknown as HeldWindow).__releaseTurns()),
  };
}
