import { afterEach, describe, expect, it, vi } from 'vitest';

type NativeListener = (msg: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean | undefined;

/** A stand-in for Chrome's callback-style onMessage, which keeps the channel open only when a listener returns true. */
function fakeChrome(sendMessage: (msg: unknown) => Promise<unknown>) {
  const listeners: NativeListener[] = [];
  return {
    listeners,
    api: {
      i18n: { getMessage: () => 'x' },
      runtime: {
        id: 'abc',
        sendMessage,
        onMessage: { addListener: (fn: NativeListener) => listeners.push(fn), removeListener: (fn: NativeListener) => listeners.splice(listeners.indexOf(fn), 1) },
      },
    },
  };
}

async function load(chrome: unknown) {
  vi.resetModules();
  vi.stubGlobal('browser', undefined);
  vi.stubGlobal('chrome', chrome);
  return (await import('./content-browser')).browser;
}

afterEach(() => vi.unstubAllGlobals());

describe("content scripts' browser without the polyfill", () => {
  it('a listener returning a promise answers with its value and keeps the channel open', async () => {
    const fake = fakeChrome(async () => null);
    const browser = await load(fake.api);
    browser.runtime.onMessage.addListener(() => Promise.resolve({ ok: true, data: 1 }));
    const replies: unknown[] = [];
    const kept = fake.listeners[0]!({ type: 'extract' }, {}, (r) => replies.push(r));
    expect(kept).toBe(true);
    await Promise.resolve();
    await Promise.resolve();
    expect(replies).toEqual([{ ok: true, data: 1 }]);
  });

  it('a listener returning nothing leaves the message to others, and a rejected promise still answers', async () => {
    const fake = fakeChrome(async () => null);
    const browser = await load(fake.api);
    browser.runtime.onMessage.addListener(() => undefined);
    expect(fake.listeners[0]!({}, {}, () => undefined)).toBeUndefined();
    browser.runtime.onMessage.addListener(() => Promise.reject(new Error('gone')));
    const replies: unknown[] = [];
    expect(fake.listeners[1]!({}, {}, (r) => replies.push(r))).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(replies).toEqual([{ ok: false, error: 'gone' }]);
  });

  it('sendMessage after the extension was reloaded rejects instead of throwing', async () => {
    const fake = fakeChrome(() => {
      throw new Error('Extension context invalidated.');
    });
    const browser = await load(fake.api);
    await expect(browser.runtime.sendMessage({ type: 'lookup' })).rejects.toThrow('invalidated');
  });

  it('removeListener removes the adapted listener it added', async () => {
    const fake = fakeChrome(async () => null);
    const browser = await load(fake.api);
    const fn = () => undefined;
    browser.runtime.onMessage.addListener(fn);
    browser.runtime.onMessage.removeListener(fn);
    expect(fake.listeners).toHaveLength(0);
  });
});

describe('injecting a content script touches no extension API', () => {
  it('the API is looked up on first use: the bindings are not built in the task before the page load event', async () => {
    const touched: string[] = [];
    const fake = fakeChrome(async () => null);
    const spy = new Proxy(fake.api, {
      get(target, key) {
        touched.push(String(key));
        return Reflect.get(target, key);
      },
    });
    const browser = await load(spy);
    expect(touched).toEqual([]);
    expect(browser.runtime.id).toBe('abc');
    expect((browser.i18n as { getMessage: () => string }).getMessage()).toBe('x');
    expect(touched).toContain('i18n');
  });
});
