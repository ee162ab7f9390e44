import { chromium, type BrowserContext } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumArgs } from '../e2e/harness';

/**
 * Chromium exactly as launchWithExtension() starts it, minus Jalur: the baseline of the page-load ratio,
 * and a host for the store bench. Persistent on purpose: an off-the-record context keeps IndexedDB in
 * memory, which would flatter the store numbers.
 */
export async function launchPlain(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'jalur-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
    args: chromiumArgs().filter((a) => !a.includes('-extension')),
  });
  // No internet here: anything the bench does not serve itself fails fast, as in the e2e harness.
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    (route) => route.abort(),
  );
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
