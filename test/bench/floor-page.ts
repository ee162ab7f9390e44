// The floor the machine sets for an extension page: a copy of a build with one more page, a blank
// extension page whose only script marks its first paint (as Today and the board mark theirs, after the
// paint). Opened in the same browser, in turns with a view, it says what any extension page costs
// before its first script can run and paint. Used by ./today.ts, ./board.ts and ./board-ab.ts.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { EXTENSION_DIR } from '../e2e/harness';

/** The side panel's size: the views are timed at it, and so is the floor. */
export const PANEL = { width: 420, height: 900 };
const FLOOR_MARK = 'jalur:bench-floor-painted';
const FLOOR_PAGE = 'bench-floor.html';

/** A temporary copy of `buildDir` with the floor page in it. */
export function withFloorPage(buildDir = EXTENSION_DIR): string {
  const dir = mkdtempSync(join(tmpdir(), 'jalur-floor-'));
  cpSync(buildDir, dir, { recursive: true });
  writeFileSync(
    join(dir, FLOOR_PAGE),
    '<!doctype html><html><head><meta charset="utf-8"><title>floor</title></head><body><div id="app"></div><script type="module" src="/bench-floor.js"></script></body></html>',
  );
  writeFileSync(join(dir, 'bench-floor.js'), `requestAnimationFrame(() => setTimeout(() => performance.mark(${JSON.stringify(FLOOR_MARK)}), 0));`);
  return dir;
}

/** Opens the floor page once: navigation start → its mark, in ms. */
export async function openFloor(context: BrowserContext, extensionId: string, viewport = PANEL): Promise<number> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  try {
    await page.goto(`chrome-extension://${extensionId}/${FLOOR_PAGE}`);
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, FLOOR_MARK, { polling: 20 });
    return page.evaluate((m) => performance.getEntriesByName(m)[0]!.startTime, FLOOR_MARK);
  } finally {
    await page.close();
  }
}
