import { afterEach, describe, expect, it, vi } from 'vitest';
import { askEarly, dropEarly, earlyOr, EARLY_TTL_MS, takeEarly, takeSettled, type EarlyPort } from './early';

/** A stand-in for browser.runtime: replies as told, and lets the test broadcast notices. */
function fakePort(reply: (msg: unknown) => Promise<unknown> = async () => ({ ok: true, data: 'first' })) {
  const listeners = new Set<(msg: unknown) => undefined>();
  const sent: unknown[] = [];
  const port: EarlyPort = {
    sendMessage: (msg) => (sent.push(msg), reply(msg)),
    onMessage: { addListener: (fn) => void listeners.add(fn), removeListener: (fn) => void listeners.delete(fn) },
  };
  return { port, sent, listeners, broadcast: (msg: unknown) => listeners.forEach((fn) => fn(msg)) };
}

afterEach(() => {
  dropEarly();
  vi.useRealTimers();
});

describe('early requests of the side panel', () => {
  it('sends at once and hands the reply to the view once', async () => {
    const f = fakePort();
    askEarly('today:first', { type: 'today' }, Date.now(), f.port);
    expect(f.sent).toEqual([{ type: 'today' }]);
    const early = takeEarly('today:first');
    expect(early?.request).toEqual({ type: 'today' });
    await expect(early!.reply).resolves.toEqual({ ok: true, data: 'first' });
    // Taken once: a second read of the view asks for itself.
    expect(takeEarly('today:first')).toBeNull();
    expect(f.listeners.size).toBe(0);
  });

  it('never hands out a reply asked for before a change in the store (the view asks again)', async () => {
    const f = fakePort();
    askEarly('today:first', { type: 'today' }, Date.now(), f.port);
    f.broadcast({ type: 'syncStatus' });
    expect(takeEarly('today:first')).not.toBeNull();

    askEarly('today:first', { type: 'today' }, Date.now(), f.port);
    f.broadcast({ type: 'changed' });
    expect(takeEarly('today:first')).toBeNull();
    const fresh = vi.fn(async () => 'asked again');
    askEarly('today:first', { type: 'today' }, Date.now(), f.port);
    f.broadcast({ type: 'changed' });
    await expect(earlyOr('today:first', fresh)).resolves.toBe('asked again');
    expect(fresh).toHaveBeenCalledOnce();
  });

  it('is for a panel just opened: a view shown later asks for itself', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const f = fakePort();
    askEarly('today:first', { type: 'today' }, Date.now(), f.port);
    vi.setSystemTime(1_000_000 + EARLY_TTL_MS + 1);
    expect(takeEarly('today:first')).toBeNull();
  });

  it('takes the early data only for the same request; refusals and silence are asked again the usual way', async () => {
    const ok = fakePort(async () => ({ ok: true, data: 7 }));
    const at = Date.now();
    askEarly('k', { n: 1 }, at, ok.port);
    await expect(earlyOr('k', async () => 0, (asked, when) => (asked as { n: number }).n === 1 && when === at)).resolves.toBe(7);

    askEarly('k', { n: 1 }, at, ok.port);
    await expect(earlyOr('k', async () => 0, () => false)).resolves.toBe(0);

    const refused = fakePort(async () => ({ ok: false, error: 'nope', code: 'refused' }));
    askEarly('k', { n: 1 }, at, refused.port);
    await expect(earlyOr('k', async () => 'worded by send')).resolves.toBe('worded by send');

    const silent = fakePort(async () => Promise.reject(new Error('Receiving end does not exist')));
    askEarly('k', { n: 1 }, at, silent.port);
    await expect(earlyOr('k', async () => 'asked again')).resolves.toBe('asked again');

    // Nothing asked early under another name.
    askEarly('board:{}', { type: 'board' }, at, ok.port);
    await expect(earlyOr('board:{"gate":"mql"}', async () => 'own')).resolves.toBe('own');
  });

  it("gives a view its first frame's data only once the reply is in, successful, fresh and for its request", async () => {
    let answer!: (v: unknown) => void;
    const f = fakePort(() => new Promise((r) => (answer = r)));
    askEarly('today:first', { type: 'today' }, Date.now(), f.port);
    // Not in yet: nothing now, and the request stays for the view's first read.
    expect(takeSettled('today:first')).toBeUndefined();
    answer({ ok: true, data: { items: [1] } });
    await Promise.resolve();
    expect(takeSettled('today:first', () => false)).toBeUndefined();
    expect(takeSettled('today:first')).toEqual({ items: [1] });
    expect(takeSettled('today:first')).toBeUndefined();
    expect(takeEarly('today:first')).toBeNull();

    // A change broadcast before the view rendered: never shown.
    const g = fakePort(async () => ({ ok: true, data: 'old' }));
    askEarly('today:first', { type: 'today' }, Date.now(), g.port);
    await Promise.resolve();
    g.broadcast({ type: 'changed' });
    expect(takeSettled('today:first')).toBeUndefined();

    // A refusal is left to the view's own read, which words it.
    const h = fakePort(async () => ({ ok: false, error: 'no', code: 'refused' }));
    askEarly('today:first', { type: 'today' }, Date.now(), h.port);
    await Promise.resolve();
    expect(takeSettled('today:first')).toBeUndefined();
    await expect(earlyOr('today:first', async () => 'asked')).resolves.toBe('asked');
  });
});
