import { expect, test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The open-shadow-roots build (JALUR_OPEN_SHADOW=1, see scripts/test.sh), so tests can look inside
// chips; page-hostile.spec.ts loads the shipped build with closed roots.
export const EXTENSION_DIR = resolve(process.env.JALUR_EXTENSION_DIR ?? '.output-open/chrome-mv3');
const FIXTURES = resolve('test/fixtures');

export function chromiumArgs(extensionDir = EXTENSION_DIR): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
}

/**
 * Chromium with a fresh persistent profile (an off-the-record one would keep IndexedDB in memory),
 * with Jalur loaded unless `withExtension` is false (the bench's baseline).
 */
export async function launchWithExtension({
  withExtension = true,
  lang = 'en',
  extensionDir = EXTENSION_DIR,
  keepWelcome = false,
  site = null as { args: string[] } | null,
} = {}): Promise<{
  context: BrowserContext;
  /** The profile's directory: how a bench finds this browser's processes. */
  profileDir: string;
  close: () => Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'jalur-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
    args: [
      ...(withExtension ? chromiumArgs(extensionDir) : chromiumArgs().filter((a) => !a.includes('-extension'))),
      `--lang=${lang}`,
      ...(site?.args ?? []),
    ],
    // A bench's local site (test/bench/local-site.ts) answers with a throwaway certificate.
    ignoreHTTPSErrors: site !== null,
    // Chromium on Linux takes its UI language, which chrome.i18n follows, from the environment.
    env: { ...process.env, LANGUAGE: lang, LANG: lang === 'en' ? 'en_US.UTF-8' : `${lang}_ID.UTF-8` },
    locale: lang === 'en' ? 'en-US' : `${lang}-ID`,
  });
  // No internet here, and Jalur must never fetch anything itself: every request not served below fails.
  // A local site's host rules already send every other host nowhere, with no request paused on the way.
  if (site === null) await context.route((url) => url.protocol === 'http:' || url.protocol === 'https:', (route) => route.abort());
  if (withExtension && !keepWelcome) await closeWelcome(context, extensionDir);
  return {
    context,
    profileDir: dir,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The welcome page a fresh install opens (welcome.spec.ts checks it). */
export function isWelcomePage(page: Page): boolean {
  return /^chrome-extension:\/\/[a-z]+\/welcome\.html/.test(page.url());
}

/**
 * A fresh profile is a fresh install, so Jalur opens its welcome page in a new tab. Other tests want
 * that tab out of the way before they start (it would become the active tab, or the page a test waits
 * for), so it is closed once it has appeared. Builds without a welcome page open none.
 */
export async function closeWelcome(context: BrowserContext, extensionDir = EXTENSION_DIR): Promise<void> {
  if (!existsSync(join(extensionDir, 'welcome.html'))) return;
  // Polled: the tab may exist before its URL is committed, so a page event alone does not say which it is.
  await expect.poll(() => context.pages().some(isWelcomePage), { timeout: 60_000 }).toBe(true);
  for (const page of context.pages().filter(isWelcomePage)) await page.close();
}

export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers().at(-1) ?? (await context.waitForEvent('serviceworker'));
}

export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/**
 * Serve a LinkedIn page at its real URL. Routes added later win, so a test can override one URL.
 * `body` may depend on the URL (the SPA shell answers every path).
 */
export async function serveLinkedIn(
  context: BrowserContext,
  pattern: string | RegExp,
  body: string | ((url: URL) => string),
): Promise<void> {
  await context.route(pattern, (route) => {
    const url = new URL(route.request().url());
    if (route.request().resourceType() !== 'document') return route.abort();
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: typeof body === 'string' ? body : body(url) });
  });
}

export async function badgeText(sw: Worker): Promise<string> {
  return sw.evaluate(() => chrome.action.getBadgeText({}));
}

export async function tabIdOf(sw: Worker, url: string): Promise<number> {
  const id = await sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);
  if (id === undefined) throw new Error(`no tab at ${url}`);
  return id;
}

export async function openExtensionPage(context: BrowserContext, extensionId: string, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  return page;
}

type Fixtures = { context: BrowserContext; sw: Worker; extensionId: string };

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context, close } = await launchWithExtension();
    await use(context);
    await close();
  },
  sw: async ({ context }, use) => {
    await use(await serviceWorker(context));
  },
  extensionId: async ({ sw }, use) => {
    await use(new URL(sw.url()).host);
  },
});

/** The same fixtures with Chromium's UI (and so chrome.i18n) in Indonesian. */
export const testInIndonesian = test.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context, close } = await launchWithExtension({ lang: 'id' });
    await use(context);
    await close();
  },
});

export { expect };

/**
 * Stop the extension's service worker the way Chrome does when it is idle. (DevTools' stopAllWorkers
 * leaves Playwright's debugger attached to a worker that then never restarts; the internals page's
 * Stop button goes through the same path as idle termination.) Returns once a fresh worker is needed.
 */
export async function stopServiceWorker(context: BrowserContext, sw: Worker): Promise<void> {
  // The handle a test holds may be a worker Chrome already replaced: its 'close' will never come again.
  // The one running now is the one to stop and to watch.
  const live = context.serviceWorkers().filter((w) => w.url() === sw.url()).at(-1) ?? sw;
  await live.evaluate(() => ((self as unknown as { __alive?: boolean }).__alive = true));
  const ended = new Promise<void>((resolve) => live.once('close', () => resolve()));
  const internals = await context.newPage();
  await internals.goto('chrome://serviceworker-internals/');
  await internals.getByRole('button', { name: 'Stop' }).first().click();
  // An open client (the side panel, a chip asking the background) may wake a fresh worker at once,
  // so the page can show RUNNING again before "STOPPED" is ever read: the stopped worker's end is
  // the proof, whichever is seen first. The other wait is then left to lapse, heard by nobody.
  const shown = expect(internals.locator('body')).toContainText('Running Status: STOPPED');
  shown.catch(() => undefined);
  await Promise.race([ended, shown]);
  await internals.close();
}

/** True when the worker answering now is not the one that was stopped (its globals are gone). */
export async function isFreshWorker(context: BrowserContext): Promise<boolean> {
  const current = context.serviceWorkers().at(-1);
  if (!current) return false;
  return current.evaluate(() => (self as unknown as { __alive?: boolean }).__alive !== true);
}
