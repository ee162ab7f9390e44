// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Ctx = import('./context').ContentScriptContext;
let ContentScriptContext: typeof import('./context').ContentScriptContext;
let afterPageLoad: typeof import('./after-load').afterPageLoad;
let showOnLinkedInOnce: typeof import('./after-load').showOnLinkedInOnce;
const made: Ctx[] = [];
const sendMessage = vi.fn<(msg: unknown) => Promise<unknown>>();
let readyState: DocumentReadyState = 'interactive';

beforeEach(async () => {
  vi.useFakeTimers();
  sendMessage.mockReset();
  vi.stubGlobal('chrome', { runtime: { id: 'abcdefghijklmnopabcdefghijklmnop', sendMessage, onMessage: { addListener() {} } } });
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => readyState });
  delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('jalur.show-on-linkedin')];
  vi.resetModules();
  ({ ContentScriptContext } = await import('./context'));
  ({ afterPageLoad, showOnLinkedInOnce } = await import('./after-load'));
});

afterEach(() => {
  for (const c of made.splice(0)) c.abort();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  readyState = 'interactive';
});

function ctx(name = 'linkedin'): Ctx {
  const c = new ContentScriptContext(name);
  made.push(c);
  return c;
}

describe('a LinkedIn content script starts after the page has loaded', () => {
  it('does nothing when injected (just before the load event) nor inside the load event, and starts in a task after it', () => {
    const start = vi.fn();
    afterPageLoad(ctx(), start);
    vi.runAllTimers();
    expect(start).not.toHaveBeenCalled();
    readyState = 'complete';
    window.dispatchEvent(new Event('load'));
    expect(start).not.toHaveBeenCalled(); // the page's loadEventEnd does not wait for it
    vi.runAllTimers();
    expect(start).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('load'));
    vi.runAllTimers();
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('injected after the load (a slow page, a re-injection) it starts in a task of its own', () => {
    readyState = 'complete';
    const start = vi.fn();
    afterPageLoad(ctx(), start);
    expect(start).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('a script replaced or orphaned before the load never starts', () => {
    const start = vi.fn();
    const c = ctx();
    afterPageLoad(c, start);
    c.abort();
    readyState = 'complete';
    window.dispatchEvent(new Event('load'));
    vi.runAllTimers();
    expect(start).not.toHaveBeenCalled();
  });
});

describe('"Show Jalur on LinkedIn pages" is asked once per page', () => {
  it('all four LinkedIn scripts share one message to the worker and its answer', async () => {
    sendMessage.mockResolvedValue({ ok: true, data: { showOnLinkedIn: true } });
    const answers = await Promise.all([showOnLinkedInOnce(), showOnLinkedInOnce(), showOnLinkedInOnce(), showOnLinkedInOnce()]);
    expect(answers).toEqual([true, true, true, true]);
    expect(sendMessage).toHaveBeenCalledTimes(1);
    expect(sendMessage).toHaveBeenCalledWith({ type: 'pageSettings' });
  });

  it('a worker that cannot answer keeps every script quiet', async () => {
    sendMessage.mockRejectedValue(new Error('Could not establish connection'));
    expect(await Promise.all([showOnLinkedInOnce(), showOnLinkedInOnce()])).toEqual([false, false]);
  });
});
