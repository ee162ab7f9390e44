// Quiet mode ("Show Jalur on LinkedIn pages" unticked) is a promise to the rep: LinkedIn's page is
// exactly what it would be without Jalur — no element, attribute, style or message — while Jalur still
// reads it and the toolbar icon tells the story. Proved here by loading the same LinkedIn pages in
// real Chromium without Jalur and with Jalur in quiet mode and comparing everything the page could
// observe: the whole DOM (every node and attribute, and every element's computed style, so a style
// sheet injected from outside shows), every DOM mutation from the first byte on, and every message the
// page received (test/e2e/page-probe.ts). The inverse (Jalur shown) must differ, so the comparison is
// known to be able to fail.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, expect, fixture, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker, stopServiceWorker, tabIdOf, test } from './harness';
import { closeLog, probe, recorder, snapshot } from './page-probe';

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = { url: 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/', slug: 'rizky-pratama-5e6f7a', name: 'Rizky Pratama' };
const ANY_LINKEDIN = /^https:\/\/[a-z]+\.linkedin\.com\//;
/** The recorder's frame filter: LinkedIn's top frames. */
const LINKEDIN_HOST = '(^|\\.)linkedin\\.com$';

type Mode = 'without' | 'quiet' | 'shown';

async function tabTitle(sw: Worker, tabId: number): Promise<string> {
  return sw.evaluate((tabId) => chrome.action.getTitle({ tabId }), tabId);
}

interface Run {
  /** DOM after each step: the profile loaded, in-app to search results, in-app to another profile. */
  doms: string[][];
  /** Every mutation and message the page saw, in order. */
  seen: string[];
}

/** Capture Rizky from an extension page (the side panel or popup would do the same). */
async function trackRizky(context: BrowserContext, extensionId: string): Promise<{ page: Page; prospectId: string }> {
  const page = await openExtensionPage(context, extensionId, 'options.html');
  const reply = await page.evaluate(
    (input) => chrome.runtime.sendMessage({ type: 'capture', input }),
    {
      slug: RIZKY.slug,
      email: null,
      name: RIZKY.name,
      headline: 'Director of Sales at Kopi Kenangan Digital',
      title: null,
      company: null,
      location: null,
      photoUrl: null,
      linkedinUrl: RIZKY.url,
      source: 'social_selling',
    },
  );
  expect(reply.ok).toBe(true);
  return { page, prospectId: reply.data.prospect.id as string };
}

/**
 * The same visit in every mode: Rizky's profile loaded in full, then (as LinkedIn does, without a
 * reload) the search results, then Ayu's profile from them. `ready` waits, with Jalur, until Jalur has
 * read each page (its toolbar title says so), so a change it made would be in the snapshot.
 */
async function visit(page: Page, ready: (step: number) => Promise<void>): Promise<Run> {
  await page.addInitScript(recorder, LINKEDIN_HOST);
  const doms: string[][] = [];
  await page.goto(RIZKY.url);
  await expect(page.getByRole('heading', { level: 1, name: RIZKY.name })).toBeVisible();
  await ready(0);
  doms.push(await snapshot(page));

  await page.getByRole('link', { name: 'Search', exact: true }).click();
  await expect(page.locator('.reusable-search__result-container')).toHaveCount(2);
  await ready(1);
  doms.push(await snapshot(page));

  await page.getByRole('link', { name: 'Ayu Lestari' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ayu Lestari' })).toBeVisible();
  await ready(2);
  doms.push(await snapshot(page));

  // A message the page posts itself closes the log: everything sent to the page before it has arrived.
  await closeLog(page);
  return { doms, seen: await probe(page) };
}

async function runWithout(): Promise<Run> {
  const { context, close } = await launchWithExtension({ withExtension: false });
  try {
    await serveLinkedIn(context, ANY_LINKEDIN, SHELL);
    return await visit(await context.newPage(), async () => undefined);
  } finally {
    await close();
  }
}

let baseline: Run | null = null;
async function without(): Promise<Run> {
  return (baseline ??= await runWithout());
}

async function runWith(mode: Exclude<Mode, 'without'>): Promise<Run & { titles: string[] }> {
  const { context, close } = await launchWithExtension();
  try {
    const sw = await serviceWorker(context);
    const extensionId = new URL(sw.url()).host;
    await serveLinkedIn(context, ANY_LINKEDIN, SHELL);
    if (mode === 'quiet') await sw.evaluate(() => chrome.storage.local.set({ showOnLinkedIn: false }));
    await trackRizky(context, extensionId);
    const page = await context.newPage();
    const titles: string[] = [];
    const run = await visit(page, async (step) => {
      const tabId = await tabIdOf(sw, page.url());
      const expected = [`${RIZKY.name}: Prospecting`, '2 people on this page, 1 in your pipeline', 'Ayu Lestari — not in your pipeline'][step]!;
      await expect.poll(() => tabTitle(sw, tabId)).toContain(expected);
      titles.push(await tabTitle(sw, tabId));
    });
    return { ...run, titles };
  } finally {
    await close();
  }
}

test.describe.configure({ timeout: 240_000 });

test('quiet mode: LinkedIn pages are exactly as without Jalur (DOM, styles, mutations, messages), while the toolbar title names the person and stage', async () => {
  const quiet = await runWith('quiet');
  const base = await without();
  // The recorder saw the page at work (the comparison is not of two empty logs).
  expect(base.seen.filter((s) => s.startsWith('mutation')).length).toBeGreaterThan(20);
  expect(base.seen.at(-1)).toBe('message from https://www.linkedin.com (self): "end"');
  for (const [i, dom] of quiet.doms.entries()) expect(dom, `DOM after step ${i}`).toEqual(base.doms[i]);
  expect(quiet.seen).toEqual(base.seen);
  // Meanwhile the toolbar told the story of the tab, at every step.
  expect(quiet.titles[0]).toMatch(/^Jalur — Rizky Pratama: Prospecting, score \d+, no follow-up planned$/);
  expect(quiet.titles[1]).toBe('Jalur — 2 people on this page, 1 in your pipeline');
  expect(quiet.titles[2]).toBe('Jalur — Ayu Lestari — not in your pipeline');
});

test('the comparison can fail: with Jalur shown on LinkedIn, the same pages differ', async () => {
  const shown = await runWith('shown');
  const base = await without();
  expect(shown.doms[0]).not.toEqual(base.doms[0]);
  expect(shown.doms[0]!.some((line) => line.includes('<jalur-inline') && line.includes(`data-slug="${RIZKY.slug}"`))).toBe(true);
  expect(shown.seen.some((s) => s.includes('jalur-inline'))).toBe(true);
  // The toolbar title is the same story in either mode.
  expect(shown.titles[0]).toContain(`${RIZKY.name}: Prospecting`);
});

/**
 * Every LinkedIn surface a Jalur content script works on, loaded in full: lists (search results of three
 * vintages, the feed, a company's People tab, "People also viewed" on a profile), company pages,
 * messaging threads (one to one, a group, the chat bubble over the feed) and a Sales Navigator lead. `title` is what the toolbar says for the tab in quiet mode (a part of it).
 */
const SURFACES: Array<{ url: string; file: string; title: RegExp }> = [
  { url: 'https://www.linkedin.com/search/results/people/?keywords=logistik', file: 'linkedin-lists/search-2024.html', title: /people on this page/ },
  { url: 'https://www.linkedin.com/search/results/people/?keywords=logistik&v=25', file: 'linkedin-lists/search-2025.html', title: /people on this page/ },
  { url: 'https://www.linkedin.com/search/results/people/?keywords=pelabuhan', file: 'linkedin-lists/search-2026-sdui.html', title: /people on this page/ },
  { url: 'https://www.linkedin.com/feed/', file: 'linkedin-lists/feed-2024.html', title: /on this page/ },
  { url: 'https://www.linkedin.com/company/sinar-logistik-fx/people/', file: 'linkedin-lists/company-people-2024.html', title: /on this page/ },
  { url: 'https://www.linkedin.com/in/winda-astuti-ls24/', file: 'linkedin-lists/also-viewed-2024.html', title: /not in your pipeline/ },
  { url: 'https://www.linkedin.com/company/kopi-kenangan-digital/', file: 'linkedin/company/2024-overview.html', title: /^Jalur/ },
  { url: 'https://www.linkedin.com/company/borealis-tidewater-fx26/', file: 'linkedin/company/2026-sdui-overview.html', title: /^Jalur/ },
  { url: 'https://www.linkedin.com/messaging/thread/2-ANITA24/', file: 'linkedin-messaging/thread-2024.html', title: /^Jalur/ },
  { url: 'https://www.linkedin.com/messaging/thread/2-GROUP26/', file: 'linkedin-messaging/group-2026-sdui.html', title: /^Jalur/ },
  { url: 'https://www.linkedin.com/feed/?overlay=1', file: 'linkedin-messaging/overlay-feed-2024.html', title: /^Jalur/ },
  {
    url: 'https://www.linkedin.com/sales/lead/ACwAAHanaKusumaLead25abcdefg1,NAME_SEARCH,x1Yz',
    file: 'linkedin-messaging/sales-lead-2025.html',
    title: /^Jalur/,
  },
];

/**
 * The LinkedIn surface scripts the build carries (they share one page-settings question per page load).
 * The manifest holds only their router; the background injects the ones a page's URL needs.
 */
function linkedInScripts(): number {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts: Array<{ matches: string[]; js?: string[] }> };
  const router = manifest.content_scripts.filter((c) => c.matches.some((m) => m.includes('linkedin.com'))).flatMap((c) => c.js ?? []);
  expect(router).toEqual(['linkedin-router.js']);
  return readdirSync(join(EXTENSION_DIR, 'content-scripts')).filter((f) => /^linkedin.*\.js$/.test(f)).length;
}

async function visitSurfaces(page: Page, ready: (i: number) => Promise<void>): Promise<Run> {
  await page.addInitScript(recorder, LINKEDIN_HOST);
  const doms: string[][] = [];
  const seen: string[] = [];
  for (const [i, s] of SURFACES.entries()) {
    await page.goto(s.url, { waitUntil: 'load' });
    await ready(i);
    doms.push(await snapshot(page));
    await closeLog(page);
    seen.push(`page ${i}`, ...(await probe(page)));
  }
  return { doms, seen };
}

async function serveSurfaces(context: BrowserContext): Promise<void> {
  await serveLinkedIn(context, ANY_LINKEDIN, (url) => {
    const hit = SURFACES.find((s) => s.url === url.href) ?? SURFACES.find((s) => new URL(s.url).pathname === url.pathname);
    return fixture(hit?.file ?? 'linkedin-lists/search-2024.html');
  });
}

test('quiet mode: every LinkedIn surface (lists, feed, People tab, profile rail, company pages, messaging, Sales Navigator) is untouched by every Jalur content script', async () => {
  const scripts = linkedInScripts();
  // At least the profile, lists, messaging and company scripts.
  expect(scripts).toBeGreaterThanOrEqual(4);

  const bare = await launchWithExtension({ withExtension: false });
  let base: Run;
  try {
    await serveSurfaces(bare.context);
    base = await visitSurfaces(await bare.context.newPage(), async () => undefined);
  } finally {
    await bare.close();
  }

  const { context, close } = await launchWithExtension();
  try {
    const sw = await serviceWorker(context);
    await serveSurfaces(context);
    await sw.evaluate(() => chrome.storage.local.set({ showOnLinkedIn: false }));
    // Count, per tab, the questions whether to show anything: the page must have been told "no" (and
    // every script had its chance to ignore it) before it is compared. The LinkedIn scripts share one
    // question per page load (lib/content-script/after-load.ts).
    await sw.evaluate(() => {
      const g = self as unknown as { __asked: Record<number, number> };
      g.__asked = {};
      chrome.runtime.onMessage.addListener((m: { type?: string }, sender) => {
        if (m?.type === 'pageSettings' && sender.tab?.id !== undefined) g.__asked[sender.tab.id] = (g.__asked[sender.tab.id] ?? 0) + 1;
        return undefined;
      });
    });
    const page = await context.newPage();
    const titles: string[] = [];
    const quiet = await visitSurfaces(page, async (i) => {
      const tabId = await tabIdOf(sw, page.url());
      await expect.poll(() => sw.evaluate((id) => (self as unknown as { __asked: Record<number, number> }).__asked[id] ?? 0, tabId)).toBe(i + 1);
      await expect.poll(() => tabTitle(sw, tabId)).toMatch(SURFACES[i]!.title);
      titles.push(await tabTitle(sw, tabId));
    });
    for (const [i, dom] of quiet.doms.entries()) expect(dom, `DOM of ${SURFACES[i]!.file}`).toEqual(base.doms[i]);
    expect(quiet.seen).toEqual(base.seen);
    expect(titles[0]).toMatch(/^Jalur — \d+ people on this page, 0 in your pipeline$/);
  } finally {
    await close();
  }
});

test('nothing in the manifest lets a page probe for Jalur: no web-accessible resources, no injected style sheets', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    web_accessible_resources?: unknown[];
    content_scripts: Array<{ matches: string[]; css?: string[]; world?: string }>;
  };
  expect(manifest.web_accessible_resources ?? []).toEqual([]);
  const linkedIn = manifest.content_scripts.filter((c) => c.matches.some((m) => m.includes('linkedin.com')));
  expect(linkedIn.length).toBeGreaterThan(0);
  for (const script of linkedIn) {
    expect(script.css ?? []).toEqual([]);
    expect(script.world ?? 'ISOLATED').toBe('ISOLATED');
  }
});

test('the tab’s title follows the pipeline, also after Chrome stopped the worker', async ({ context, sw, extensionId }) => {
  await serveLinkedIn(context, ANY_LINKEDIN, SHELL);
  await sw.evaluate(() => chrome.storage.local.set({ showOnLinkedIn: false }));
  const { page: options, prospectId } = await trackRizky(context, extensionId);
  const page = await context.newPage();
  await page.goto(RIZKY.url);
  const tabId = await tabIdOf(sw, RIZKY.url);
  await expect.poll(() => tabTitle(sw, tabId)).toContain(`${RIZKY.name}: Prospecting`);
  // Other tabs keep the global title (the overdue wording); the badge is untouched.
  expect(await sw.evaluate(() => chrome.action.getTitle({}))).toBe('Jalur: no overdue follow-ups');

  // Idle: no alarm may wake the worker between the stop and the change below.
  await sw.evaluate(() => chrome.alarms.clearAll());
  await options.close();
  await stopServiceWorker(context, sw);

  // A change made from Jalur's own page (here: the stage, and an overdue follow-up) reaches the tab's
  // title through a fresh worker, which knows the tab from storage.session, without the page moving.
  const panel = await openExtensionPage(context, extensionId, 'options.html');
  const send = (msg: unknown) => panel.evaluate((m) => chrome.runtime.sendMessage(m), msg);
  expect((await send({ type: 'setStage', prospectId, stageKey: 'qualification', confirmed: true })).ok).toBe(true);
  expect((await send({ type: 'addFollowUp', prospectId, title: 'Call back', dueAt: Date.now() - 3_600_000 })).ok).toBe(true);
  const woken = await serviceWorker(context);
  await expect.poll(() => tabTitle(woken, tabId)).toMatch(/^Jalur — Rizky Pratama: Qualification, score \d+, follow-up overdue since .+\nJalur: 1 overdue follow-ups$/);
  expect(await woken.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
  expect(await page.evaluate(() => document.querySelectorAll('jalur-inline, jalur-mark').length)).toBe(0);

  // The tab leaves LinkedIn: Chrome resets its title at once, and after the next change Jalur has
  // forgotten what the tab showed (it keeps per-tab state in storage.session only for LinkedIn tabs).
  // Jalur keeps no watch on tab updates: that would wake the worker for every page load on every site.
  expect(await woken.evaluate(() => chrome.tabs.onUpdated.hasListeners())).toBe(false);
  await context.route('https://example.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>Elsewhere</h1>' }));
  await page.goto('https://example.com/');
  expect(await tabTitle(woken, tabId)).toBe('Jalur: 1 overdue follow-ups');
  expect((await send({ type: 'addFollowUp', prospectId, title: 'Write', dueAt: Date.now() - 60_000 })).ok).toBe(true);
  await expect.poll(() => woken.evaluate(() => chrome.action.getBadgeText({}))).toBe('2');
  await expect.poll(() => woken.evaluate(() => chrome.action.getTitle({}))).toBe('Jalur: 2 overdue follow-ups');
  await expect
    .poll(() => woken.evaluate(async (id) => Object.keys(((await chrome.storage.session.get('jalur:tab-status'))['jalur:tab-status'] ?? {}) as object).includes(String(id)), tabId))
    .toBe(false);
  expect(await tabTitle(woken, tabId)).toBe('Jalur: 2 overdue follow-ups');
});
