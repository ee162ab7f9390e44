// What the side panel's very first frame showed, and whether the background's kept first screen of a
// view still matches the store: shared by the Today and board first-screen specs.
import type { BrowserContext, Worker } from '@playwright/test';

/**
 * Opens `path` at the side panel's size with `record` as an init script: it wraps performance.mark and
 * stores what the page shows at the view's ready mark in `window.__firstFrame`, which this returns.
 */
export async function openFirstFrame<T>(context: BrowserContext, extensionId: string, path: string, record: () => void): Promise<T> {
  const panel = await context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.addInitScript(record);
  await panel.goto(`chrome-extension://${extensionId}/${path}`);
  await panel.waitForFunction(() => (window as unknown as { __firstFrame?: unknown }).__firstFrame !== undefined);
  const frame = await panel.evaluate(() => (window as unknown as { __firstFrame: T }).__firstFrame);
  await panel.close();
  return frame;
}

/** Whether the background has kept a first screen under `key` whose stamp is the store's current one. */
export async function keptIsCurrent(sw: Worker, key: 'first:today' | 'first:board'): Promise<boolean> {
  return sw.evaluate(
    (k) =>
      new Promise<boolean>((resolve) => {
        const req = indexedDB.open('jalur');
        req.onsuccess = () => {
          const tx = req.result.transaction('caches', 'readonly');
          const stamp = tx.objectStore('caches').get('stamp:views');
          const kept = tx.objectStore('caches').get(k);
          tx.oncomplete = () => {
            req.result.close();
            resolve(!!kept.result && kept.result.value.stamp === stamp.result?.value);
          };
        };
        req.onerror = () => resolve(false);
      }),
    key,
  );
}
