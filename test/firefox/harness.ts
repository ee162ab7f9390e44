// Firefox end-to-end harness: the built extension (open shadow roots) installed as a temporary
// add-on in Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi. Facts and quirks it
// works around are in ../shared/FIREFOX.md: extension pages send no load events (navigate without
// awaiting, then wait for the document), `page.url()` stays about:blank there, the add-on's UUID is
// pinned by a pref so its pages have stable URLs. Every wait is on a condition, never a sleep.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../lib/browser/gecko';

export const FIREFOX_EXTENSION_DIR = resolve(process.env.JALUR_FIREFOX_DIR ?? '.output-open/firefox-mv3');
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Jalur's moz-extension:// host in every test profile. */
export const EXTENSION_UUID = '6a1b5c3e-7d2f-4e8a-9b1c-2f3e4d5a6b7c';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

type Body = string | ((url: URL) => string);
interface Route {
  match: (url: URL) => boolean;
  body: Body;
}

export interface Firefox {
  browser: Browser;
  /** Serve a document at its real URL to every page opened after (later routes win). */
  serve(match: RegExp, body: Body): void;
  /** A new tab showing `url` (a site served above), loaded. */
  open(url: string): Promise<Page>;
  /** A new tab showing one of Jalur's pages (`popup.html?tabId=…`), its document ready. */
  openExtensionPage(path: string): Promise<Page>;
  /** Run in an extension page (the `browser` global is the WebExtension API there). */
  ext<T>(fn: string): Promise<T>;
  badgeText(): Promise<string>;
  tabIdOf(url: string): Promise<number>;
  close(): Promise<void>;
}

/** Poll `check` until it returns a truthy value (or `timeout` ms pass); errors count as "not yet". */
export async function until<T>(check: () => Promise<T> | T, what: string, timeout = 15_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50)); // the polling interval of the condition above
  }
}

export async function launchFirefox({ extensionDir = FIREFOX_EXTENSION_DIR, lang = 'en' } = {}): Promise<Firefox> {
  if (!existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(`No Firefox build at ${extensionDir}: JALUR_OPEN_SHADOW=1 JALUR_OUT_DIR=.output-open npx wxt build -b firefox --mv3`);
  const profile = mkdtempSync(join(tmpdir(), 'jalur-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: 'webDriverBiDi',
    userDataDir: profile,
    // Extension pages (moz-extension://) can be driven only with system access allowed.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'intl.locale.requested': lang === 'en' ? 'en-US' : `${lang}-ID`,
      'intl.accept_languages': lang === 'en' ? 'en-US, en' : `${lang}-ID, ${lang}`,
      // No first-run pages, no background traffic: every request a test sees is a page's own.
      'browser.startup.homepage_override.mstone': 'ignore',
      'datareporting.policy.dataSubmissionEnabled': false,
      'extensions.getAddons.cache.enabled': false,
    },
  });
  const routes: Route[] = [];
  const onRequest = (r: HTTPRequest) => {
    const url = new URL(r.url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return void r.continue();
    const route = routes.findLast((x) => x.match(url));
    // No internet here, and Jalur must never fetch anything itself: anything not served is refused.
    if (!route || !r.isNavigationRequest()) return void r.abort();
    void r.respond({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: typeof route.body === 'string' ? route.body : route.body(url),
    });
  };
  const intercept = async (page: Page) => {
    await page.setRequestInterception(true);
    page.on('request', onRequest);
  };

  await browser.installExtension(resolve(extensionDir));

  // A fresh install opens the welcome page; it is closed so it never becomes the tab a test acts on.
  if (existsSync(join(extensionDir, 'welcome.html'))) {
    await until(async () => {
      for (const p of await browser.pages()) {
        const href = await p.evaluate(() => location.href).catch(() => '');
        if (href.startsWith(`${EXTENSION_ORIGIN}/welcome.html`)) {
          await p.close();
          return true;
        }
      }
      return false;
    }, 'the welcome page');
  }

  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    const url = `${EXTENSION_ORIGIN}/${path}`;
    // Firefox sends no load event for extension pages over BiDi: start, then wait for the document.
    void page.goto(url).catch(() => undefined);
    await until(
      () => page.evaluate((u) => location.href === u && document.readyState === 'complete', url),
      `${path} to load`,
    );
    return page;
  };
  let probe: Page | null = null;
  const ext = async <T>(fn: string): Promise<T> => {
    probe ??= await openExtensionPage('popup.html?tabId=-1');
    return probe.evaluate(fn) as Promise<T>;
  };

  return {
    browser,
    serve(match, body) {
      routes.push({ match: (u) => match.test(u.href), body });
    },
    async open(url) {
      const page = await browser.newPage();
      await intercept(page);
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    openExtensionPage,
    ext,
    badgeText: () => ext<string>('browser.action.getBadgeText({})'),
    async tabIdOf(url) {
      return until(
        () => ext<number | undefined>(`browser.tabs.query({}).then((ts) => ts.find((t) => t.url === ${JSON.stringify(url)})?.id)`),
        `a tab at ${url}`,
      );
    },
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Wait for an element inside a chip's (open) shadow root; `host` picks the chip. */
export async function inChip(page: Page, selector: string, host = 'jalur-inline') {
  const el = await page.waitForSelector(`${host} >>> ${selector}`, { timeout: 15_000 });
  if (!el) throw new Error(`${host} >>> ${selector} not found`);
  return el;
}

/** A button by its accessible name (optionally inside a chip). */
export function button(name: string, host?: string): string {
  const aria = `::-p-aria([name=${JSON.stringify(name)}][role="button"])`;
  return host ? `${host} >>> ${aria}` : aria;
}

/** Click a real (trusted) pointer click on what `selector` finds, once it is there and enabled. */
export async function click(page: Page, selector: string): Promise<void> {
  await page.locator(selector).setTimeout(15_000).click();
}

/** The text of the element `selector` finds (waits for it). */
export async function textOf(page: Page, selector: string): Promise<string> {
  const el = await page.waitForSelector(selector, { timeout: 15_000 });
  return (await el!.evaluate((e) => e.textContent ?? '')).trim();
}

/** Wait until `selector`'s text satisfies `want` (a substring or a pattern). */
export async function waitForText(page: Page, selector: string, want: string | RegExp): Promise<string> {
  return until(async () => {
    const t = await page.$eval(selector, (e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()).catch(() => null);
    return t !== null && (typeof want === 'string' ? t.includes(want) : want.test(t)) ? t : null;
  }, `${selector} to read ${String(want)}`);
}

/** Count of elements matching a CSS selector in the document (light DOM). */
export function count(page: Page, selector: string): Promise<number> {
  return page.$$eval(selector, (els) => els.length);
}

/**
 * The selector of the form control a visible label names (what Playwright's getByLabel finds). ARIA
 * queries can answer with the label itself for controls such as date-time and file inputs.
 */
export async function byLabel(page: Page, label: string): Promise<string> {
  const id = await until(
    () =>
      page.evaluate((text) => {
        const l = [...document.querySelectorAll('label')].find((x) => (x.textContent ?? '').trim() === text);
        return l?.htmlFor || null;
      }, label),
    `a label "${label}"`,
  );
  return `[id="${id}"]`;
}
