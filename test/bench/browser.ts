import type { BrowserContext } from '@playwright/test';
import { launchWithExtension } from '../e2e/harness';

/** Chromium exactly as the e2e tests start it, minus Jalur: the page-load baseline and the store bench's host. */
export function launchPlain(site: { args: string[] } | null = null): ReturnType<typeof launchWithExtension> {
  return launchWithExtension({ withExtension: false, site });
}
