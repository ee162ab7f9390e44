// Runs code inside the extension's content-script world of a real page — the isolated world Chrome
// gives Jalur's content script, with its `chrome.runtime` and `chrome.storage` — the way a hostile
// page that got hold of the content script would. Reached through the DevTools protocol: the page's
// execution contexts are announced with `auxData.type === 'isolated'` and the extension's origin.
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

export interface WorldResult<T> {
  ok: boolean;
  value?: T;
  /** The exception's description when the code threw or its promise rejected. */
  error?: string;
}

export interface ContentWorld {
  /** Evaluates `expression` in the content-script world; promises are awaited, values returned by value. */
  evaluate<T = unknown>(expression: string): Promise<WorldResult<T>>;
}

interface ContextDescription {
  id: number;
  name: string;
  origin: string;
  auxData?: { type?: string; frameId?: string; isDefault?: boolean };
}

/**
 * Start listening before the page loads: call this, then `page.goto(...)`, then `world()` once the
 * content script has run (e.g. its chip is on the page).
 */
export async function watchContentWorld(
  context: BrowserContext,
  page: Page,
  extensionId: string,
): Promise<{ cdp: CDPSession; world: () => Promise<ContentWorld> }> {
  const cdp = await context.newCDPSession(page);
  const live = new Map<number, ContextDescription>();
  cdp.on('Runtime.executionContextCreated', (e: { context: ContextDescription }) => live.set(e.context.id, e.context));
  cdp.on('Runtime.executionContextDestroyed', (e: { executionContextId: number }) => live.delete(e.executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => live.clear());
  await cdp.send('Runtime.enable');
  const origin = `chrome-extension://${extensionId}`;

  async function world(): Promise<ContentWorld> {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const main = frameTree.frame.id;
    const found = [...live.values()].filter((c) => c.auxData?.type === 'isolated' && c.origin === origin && c.auxData.frameId === main);
    const ctx = found.at(-1);
    if (!ctx) throw new Error(`no content-script world of ${origin} in the page (contexts: ${[...live.values()].map((c) => c.name || c.origin).join(', ')})`);
    return {
      async evaluate<T>(expression: string): Promise<WorldResult<T>> {
        const r = (await cdp.send('Runtime.evaluate', { expression, contextId: ctx.id, awaitPromise: true, returnByValue: true })) as {
          result: { value?: T };
          exceptionDetails?: { text: string; exception?: { description?: string } };
        };
        if (r.exceptionDetails) return { ok: false, error: r.exceptionDetails.exception?.description ?? r.exceptionDetails.text };
        return { ok: true, value: r.result.value };
      },
    };
  }
  return { cdp, world };
}
