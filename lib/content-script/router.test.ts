// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AFTER_LOAD_CHECK_MS, pageEnv, startRouter, type RouterEnv } from './router';

/** A page whose load, URL changes and worker replies the test drives. */
function fakePage(reply: (msg: unknown) => Promise<unknown> = async () => ({ ok: true })) {
  const sent: unknown[] = [];
  let loaded: (() => void) | null = null;
  let onUrl: (() => void) | null = null;
  let href = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
  const env: RouterEnv = {
    send: (msg) => {
      sent.push(msg);
      return reply(msg);
    },
    href: () => href,
    afterLoad: (cb) => void (loaded = cb),
    onUrlChange: (cb) => void (onUrl = cb),
  };
  return {
    env,
    sent,
    load: () => loaded?.(),
    go: async (url: string) => {
      href = url;
      onUrl?.();
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

const ask = (...surfaces: string[]) => ({ type: 'injectSurfaces', surfaces });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the LinkedIn router', () => {
  it('asks nothing before the page has loaded, then once for what the URL needs', async () => {
    const p = fakePage();
    startRouter(p.env);
    expect(p.sent).toEqual([]);
    p.load();
    expect(p.sent).toEqual([ask('profile', 'lists', 'messaging')]);
  });

  it('on in-app navigation asks only for surfaces not injected yet, each at most once per document', async () => {
    const p = fakePage();
    startRouter(p.env);
    p.load();
    await p.go('https://www.linkedin.com/search/results/people/?keywords=logistik');
    await p.go('https://www.linkedin.com/messaging/thread/2-ANITA24/');
    await p.go('https://www.linkedin.com/company/sinar-logistik-fx/');
    await p.go('https://www.linkedin.com/company/other-company/');
    await p.go('https://www.linkedin.com/in/someone-else/');
    expect(p.sent.filter((m) => (m as { type: string }).type === 'injectSurfaces')).toEqual([ask('profile', 'lists', 'messaging'), ask('company')]);
  });

  it('tells the background of every in-app move that needs no new surface, so the tab title follows', async () => {
    const p = fakePage();
    startRouter(p.env);
    p.load();
    await p.go('https://www.linkedin.com/search/results/people/?keywords=logistik');
    await p.go('https://www.linkedin.com/search/results/people/?keywords=logistik'); // no move: nothing
    await p.go('https://www.linkedin.com/search/results/people/?keywords=logistik&page=2');
    await p.go('https://www.linkedin.com/company/sinar-logistik-fx/');
    await p.go('https://www.linkedin.com/in/someone-else/');
    expect(p.sent).toEqual([
      ask('profile', 'lists', 'messaging'),
      { type: 'pageChanged', url: 'https://www.linkedin.com/search/results/people/?keywords=logistik' },
      { type: 'pageChanged', url: 'https://www.linkedin.com/search/results/people/?keywords=logistik&page=2' },
      ask('company'),
      { type: 'pageChanged', url: 'https://www.linkedin.com/in/someone-else/' },
    ]);
  });

  it('a worker that cannot hear the move costs the page nothing (no unhandled rejection)', async () => {
    const p = fakePage(async (m) => ((m as { type: string }).type === 'pageChanged' ? Promise.reject(new Error('Extension context invalidated')) : { ok: true }));
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      startRouter(p.env);
      p.load();
      await p.go('https://www.linkedin.com/in/someone-else/');
      await new Promise((r) => setTimeout(r, 0));
      expect(unhandled).not.toHaveBeenCalled();
      expect(p.sent).toHaveLength(2);
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('a page first loaded on search gets the profile chip when it moves to a profile in-app', async () => {
    const p = fakePage();
    await p.go('https://www.linkedin.com/search/results/people/?keywords=logistik');
    startRouter(p.env);
    p.load();
    await p.go('https://www.linkedin.com/in/andini-kusuma-ls24/');
    expect(p.sent).toEqual([ask('lists', 'messaging'), ask('profile')]);
  });

  it('a worker that refused or could not answer is asked again at the next navigation', async () => {
    let n = 0;
    const p = fakePage(async () => (n++ === 0 ? Promise.reject(new Error('Could not establish connection')) : { ok: true }));
    startRouter(p.env);
    p.load();
    await new Promise((r) => setTimeout(r, 0)); // the refusal has been heard
    await p.go('https://www.linkedin.com/in/rizky-pratama-5e6f7a/?miniProfile=1');
    await p.go('https://www.linkedin.com/in/rizky-pratama-5e6f7a/?x=2');
    expect(p.sent).toEqual([
      ask('profile', 'lists', 'messaging'),
      ask('profile', 'lists', 'messaging'),
      { type: 'pageChanged', url: 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/?x=2' },
    ]);
  });

  it('in a real page: no message, event or DOM change before the load event; one request in a task after it', () => {
    vi.useFakeTimers();
    const sendMessage = vi.fn(async () => ({ ok: true }));
    vi.stubGlobal('chrome', { runtime: { id: 'abcdefghijklmnopabcdefghijklmnop', sendMessage } });
    let readyState: DocumentReadyState = 'interactive';
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => readyState });
    const posted = vi.spyOn(window, 'postMessage');
    const onWindow = vi.spyOn(window, 'dispatchEvent');
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((r) => mutations.push(...r));
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    try {
      startRouter(pageEnv());
      vi.advanceTimersByTime(5);
      expect(sendMessage).not.toHaveBeenCalled();
      readyState = 'complete';
      onWindow.mockRestore();
      window.dispatchEvent(new Event('load'));
      expect(sendMessage).not.toHaveBeenCalled(); // not inside the page's load event either
      vi.advanceTimersByTime(5);
      expect(sendMessage).toHaveBeenCalledTimes(1);
      expect(posted).not.toHaveBeenCalled();
      expect(mutations.concat(observer.takeRecords())).toEqual([]);
    } finally {
      observer.disconnect();
      delete (document as unknown as { readyState?: unknown }).readyState;
    }
  });

  it('in a real page: reads nothing of the document at injection, and still starts when injected after the load', () => {
    vi.useFakeTimers();
    const sendMessage = vi.fn(async () => ({ ok: true }));
    vi.stubGlobal('chrome', { runtime: { id: 'abcdefghijklmnopabcdefghijklmnop', sendMessage } });
    let reads = 0;
    Object.defineProperty(document, 'readyState', {
      configurable: true,
      get: () => {
        reads++;
        return 'complete' as DocumentReadyState;
      },
    });
    try {
      startRouter(pageEnv());
      expect(reads).toBe(0);
      vi.advanceTimersByTime(AFTER_LOAD_CHECK_MS - 1);
      expect(sendMessage).not.toHaveBeenCalled();
      vi.advanceTimersByTime(5);
      expect(sendMessage).toHaveBeenCalledTimes(1);
      // A load event after all (or a page's fake one) starts nothing twice.
      window.dispatchEvent(new Event('load'));
      vi.advanceTimersByTime(AFTER_LOAD_CHECK_MS * 2);
      expect(sendMessage).toHaveBeenCalledTimes(1);
    } finally {
      delete (document as unknown as { readyState?: unknown }).readyState;
    }
  });
});
