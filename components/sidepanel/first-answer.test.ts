import { afterEach, describe, expect, it, vi } from 'vitest';
import { dropEarly, takeSettled, type EarlyPort } from './early';
import { ASK_TOO_AFTER_MS, firstAnswer } from './first-answer';

function fakePort(reply: () => Promise<unknown>) {
  const sent: unknown[] = [];
  const port: EarlyPort = {
    sendMessage: (msg) => (sent.push(msg), reply()),
    onMessage: { addListener: () => undefined, removeListener: () => undefined },
  };
  return { port, sent };
}

const REQUEST = { type: 'today', first: 60 };

afterEach(() => {
  dropEarly();
  vi.useRealTimers();
});

describe('the opening view’s first answer', () => {
  it('paints from the kept screen without waking the background, refreshed to the moment shown', async () => {
    const f = fakePort(async () => ({ ok: true, data: 'background' }));
    await firstAnswer('k', 'today', REQUEST, Date.now(), (d) => `${String(d)} now`, undefined, f.port, async () => 'kept');
    expect(takeSettled('k')).toBe('kept now');
    expect(f.sent).toEqual([]);
  });

  it('asks the background at once when nothing current is kept, and lets the panel start without waiting for it', async () => {
    let answer!: (v: unknown) => void;
    const f = fakePort(() => new Promise((r) => (answer = r)));
    await firstAnswer('k', 'today', REQUEST, Date.now(), (d) => d, undefined, f.port, async () => null);
    expect(f.sent).toEqual([REQUEST]);
    // Settled before the background answered: the panel renders, and the view takes the reply when it comes.
    expect(takeSettled('k')).toBeUndefined();
    answer({ ok: true, data: 'background' });
  });

  it('asks the background too when the kept screen is slow to read, and shows whichever is in first', async () => {
    vi.useFakeTimers();
    const f = fakePort(async () => ({ ok: true, data: 'background' }));
    const settled = firstAnswer('k', 'today', REQUEST, Date.now(), (d) => d, undefined, f.port, () => new Promise(() => undefined));
    expect(f.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(ASK_TOO_AFTER_MS);
    expect(f.sent).toEqual([REQUEST]);
    await settled;
    await vi.advanceTimersByTimeAsync(0);
    expect(takeSettled('k')).toBe('background');
  });
});
