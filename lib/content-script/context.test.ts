// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
type Ctx = import('./context').ContentScriptContext;
let ContentScriptContext: typeof import('./context').ContentScriptContext;
const made: Ctx[] = [];
const runtime: { id?: string } = { id: ID };

function ctx(name = 'linkedin'): Ctx {
  const c = new ContentScriptContext(name);
  made.push(c);
  return c;
}

beforeEach(async () => {
  runtime.id = ID;
  vi.stubGlobal('chrome', { runtime });
  vi.resetModules();
  ({ ContentScriptContext } = await import('./context'));
});

afterEach(() => {
  for (const c of made.splice(0)) c.abort();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the content-script context says nothing to the page', () => {
  it('posts no message and dispatches no event when a script starts or watches the location', () => {
    const posted = vi.spyOn(window, 'postMessage');
    const onWindow = vi.spyOn(window, 'dispatchEvent');
    const onDocument = vi.spyOn(document, 'dispatchEvent');
    vi.useFakeTimers();
    const c = ctx();
    const urls: string[] = [];
    c.addEventListener(window, 'wxt:locationchange', (e) => urls.push((e as Event & { newUrl: URL }).newUrl.pathname));
    history.pushState({}, '', '/in/ayu-lestari-0c9d8e/');
    vi.advanceTimersByTime(1000);
    expect(urls).toEqual(['/in/ayu-lestari-0c9d8e/']);
    expect(posted).not.toHaveBeenCalled();
    expect(onWindow).not.toHaveBeenCalled();
    expect(onDocument).not.toHaveBeenCalled();
  });

  it('stays valid when the page replays the framework start signal in any form', () => {
    const c = ctx();
    const detail = { contentScriptName: 'linkedin', messageId: 'x' };
    for (const type of [`${ID}:linkedin:wxt:content-script-started`, 'wxt:content-script-started']) {
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.dispatchEvent(new CustomEvent(type, { detail }));
      window.dispatchEvent(new MessageEvent('message', { data: { type, ...detail } }));
    }
    expect(c.isValid).toBe(true);
  });
});

describe('the content-script context ends when it should', () => {
  it('a newer copy of the same script replaces the older one, not other scripts', () => {
    const old = ctx('linkedin');
    const mail = ctx('gmail');
    const ended: string[] = [];
    old.onInvalidated(() => ended.push('old linkedin'));
    const fresh = ctx('linkedin');
    expect(ended).toEqual(['old linkedin']);
    expect(fresh.isValid).toBe(true);
    expect(mail.isValid).toBe(true);
  });

  it('an orphaned script (extension reloaded or removed) invalidates itself and drops its listeners', () => {
    const c = ctx();
    const clicks: string[] = [];
    c.addEventListener(document, 'click', () => clicks.push('click'));
    delete runtime.id;
    expect(c.isValid).toBe(false);
    document.dispatchEvent(new MouseEvent('click'));
    expect(clicks).toEqual([]);
  });
});
