// Holds a page's zero-delay timers until the test lets them run. Jalur's long jobs in a page (an
// import's check and its writes) yield between slices with `setTimeout(resolve, 0)`, so while the turns
// are held the job stands still at a slice boundary: its progress and its Cancel stay on screen for as
// long as the test needs, however fast the machine. Timers with a delay (Preact's effects, UI polish)
// are left alone.
import type { Page } from '@playwright/test';

interface HeldWindow {
  __heldTurns: Array<() => void>;
  __releaseTurns: () => void;
}

export interface HeldTurns {
  /** How many turns are waiting. */
  waiting(): Promise<number>;
  /** Lets the oldest waiting turn run; the job goes on until its next yield. */
  step(): Promise<void>;
  /** Gives the page its own timers back and runs every turn that waited. */
  release(): Promise<void>;
}

export async function holdTurns(page: Page): Promise<HeldTurns> {
  await page.evaluate(() => {
    const w = window as unknown as Window & HeldWindow;
    const real = window.setTimeout;
    const held: Array<() => void> = [];
    w.__heldTurns = held;
    w.__releaseTurns = () => {
      window.setTimeout = real;
      for (const run of held.splice(0)) real(run, 0);
    };
    window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]): number => {
      if (delay || typeof handler !== 'function') return real(handler, delay, ...args);
      held.push(() => (handler as (...a: unknown[]) => void)(...args));
      return 0;
    }) as typeof window.setTimeout;
  });
  return {
    waiting: () => page.evaluate(() => (window as unknown as HeldWindow).__heldTurns.length),
    step: () => page.evaluate(() => void (window as unknown as HeldWindow).__heldTurns.shift()?.()),
    release: () => page.evaluate(() => (window as unknown as HeldWindow).__releaseTurns()),
  };
}
