import type { Page, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturePage, spaShell } from '../shared/pages';
import { EXTENSION_DIR, expect, serveLinkedIn, test } from './harness';

// A LinkedIn page gets one small script from the manifest, the router; after the page's load event it
// asks the background for the surface scripts its URL needs, and the background injects exactly those.
// Chrome injects manifest scripts only on full page loads, and LinkedIn moves between profiles, search,
// messaging and company pages in-app: the router asks again as the URL changes, for what is not there yet.

test.describe.configure({ timeout: 180_000 });

const ANITA = 'ACoAAAnitaWirawan24abcdefgh1';
const APP = spaShell({
  '/in/winda-astuti-ls24/': fixturePage('linkedin-lists/also-viewed-2024.html'),
  '/search/results/people/': fixturePage('linkedin-lists/search-2024.html'),
  '/messaging/thread/2-ANITA24/': fixturePage('linkedin-messaging/thread-2024.html'),
  '/company/kopi-kenangan-digital/': fixturePage('linkedin/company/2024-overview.html'),
});

/** The router's requests the background received, in order (a listener beside the background's own). */
async function recordRequests(sw: Worker): Promise<void> {
  await sw.evaluate(() => {
    const g = self as unknown as { __injects: string[][] };
    g.__injects = [];
    chrome.runtime.onMessage.addListener((m: { type?: string; surfaces?: string[] }) => {
      if (m?.type === 'injectSurfaces') g.__injects.push(m.surfaces ?? []);
      return undefined;
    });
  });
}
const requests = (sw: Worker) => sw.evaluate(() => (self as unknown as { __injects: string[][] }).__injects);

/** In-app navigation, as LinkedIn's app does it: history.pushState and a render of the route. */
async function navigateInApp(page: Page, path: string) {
  await page.evaluate((p) => {
    history.pushState({}, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

test('the manifest puts one script on LinkedIn, the router; the surface scripts are built but not in the manifest', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    permissions: string[];
    content_scripts: Array<{ matches: string[]; js?: string[]; run_at?: string }>;
  };
  const linkedIn = manifest.content_scripts.filter((c) => c.matches.some((m) => m.includes('linkedin.com')));
  expect(linkedIn.map((c) => [c.js, c.run_at])).toEqual([[['linkedin-router.js'], 'document_idle']]);
  const all = manifest.content_scripts.flatMap((c) => c.js ?? []);
  for (const f of ['linkedin.js', 'linkedin-lists.js', 'linkedin-messaging.js', 'linkedin-company.js']) {
    expect(all).not.toContain(`content-scripts/${f}`);
    expect(readFileSync(join(EXTENSION_DIR, 'content-scripts', f)).length).toBeGreaterThan(0);
  }
  expect(manifest.permissions).toContain('scripting');
});

test('in-app from a profile to search, messaging and a company page: each surface is injected once, when the URL first needs it', async ({ context, sw }) => {
  await recordRequests(sw);
  await serveLinkedIn(context, /^https:\/\/www\.linkedin\.com\//, APP);
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/in/winda-astuti-ls24/');
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  await expect(page.locator('jalur-inline[data-slug="winda-astuti-ls24"]').getByRole('button', { name: 'Add to pipeline' })).toBeVisible();
  expect(await requests(sw)).toEqual([['profile', 'lists', 'messaging']]);

  await navigateInApp(page, '/search/results/people/?keywords=logistik');
  await expect(page.getByRole('button', { name: 'Add to pipeline' }).first()).toBeVisible();
  await expect(page.locator('jalur-mark[data-slug="andini-kusuma-ls24"]')).toHaveCount(1);
  await expect(page.locator('jalur-inline')).toHaveCount(0);

  await navigateInApp(page, '/messaging/thread/2-ANITA24/');
  await expect(page.locator(`jalur-inline[data-member-id="${ANITA}"]`).getByRole('button', { name: 'Add to pipeline' })).toBeVisible();

  await navigateInApp(page, '/company/kopi-kenangan-digital/');
  await expect(page.locator('jalur-inline[data-company="kopi-kenangan-digital"]').getByRole('button', { name: 'Add company' })).toBeVisible();
  await expect.poll(() => requests(sw)).toEqual([['profile', 'lists', 'messaging'], ['company']]);

  // Back to the profile: its script is still there and draws the chip again; nothing is injected twice.
  await navigateInApp(page, '/in/winda-astuti-ls24/');
  await expect(page.locator('jalur-inline[data-slug="winda-astuti-ls24"]')).toHaveCount(1);
  await expect(page.locator('jalur-inline[data-company]')).toHaveCount(0);
  expect(await requests(sw)).toEqual([['profile', 'lists', 'messaging'], ['company']]);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test('a page first loaded on search gets no profile script until it moves to a profile in-app, then the chip appears', async ({ context, sw }) => {
  await recordRequests(sw);
  await serveLinkedIn(context, /^https:\/\/www\.linkedin\.com\//, APP);
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/search/results/people/?keywords=logistik');
  await expect(page.locator('jalur-mark[data-slug="andini-kusuma-ls24"]')).toHaveCount(1);
  expect(await requests(sw)).toEqual([['lists', 'messaging']]);
  // The popup and side panel still hear "not a profile" here, from the lists script.
  const tabId = await sw.evaluate(async () => (await chrome.tabs.query({ url: '*://*.linkedin.com/*' }))[0]!.id!);
  expect(await sw.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'extract' }), tabId)).toEqual({ ok: false, reason: 'not-a-profile' });

  await navigateInApp(page, '/in/winda-astuti-ls24/');
  await expect(page.locator('jalur-inline[data-slug="winda-astuti-ls24"]').getByRole('button', { name: 'Add to pipeline' })).toBeVisible();
  expect(await requests(sw)).toEqual([['lists', 'messaging'], ['profile']]);
  // And on the profile the profile script answers with the person.
  expect(await sw.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'extract' }), tabId)).toMatchObject({ ok: true });
});

test('the tab’s toolbar title follows in-app moves between list pages, though Jalur keeps no watch on tab updates', async ({ context, sw }) => {
  await serveLinkedIn(
    context,
    /^https:\/\/www\.linkedin\.com\//,
    spaShell({
      '/search/results/people/': fixturePage('linkedin-lists/search-2024.html'),
      '/mynetwork/invite-connect/connections/': fixturePage('linkedin-lists/connections-2024.html'),
    }),
  );
  expect(await sw.evaluate(() => chrome.tabs.onUpdated.hasListeners())).toBe(false);
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/search/results/people/?keywords=logistik');
  const tabId = await sw.evaluate(async () => (await chrome.tabs.query({ url: '*://*.linkedin.com/*' }))[0]!.id!);
  const title = () => sw.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId);
  const LIST = /^Jalur — (\d+) people on this page, 0 in your pipeline/;
  await expect.poll(title).toMatch(LIST);
  const onSearch = (await title()).match(LIST)![1];
  // Connections needs no surface the search page lacks: only the router's `pageChanged` tells the background.
  await navigateInApp(page, '/mynetwork/invite-connect/connections/');
  await expect.poll(async () => (await title()).match(LIST)?.[1]).not.toBe(onSearch);
  expect(await title()).toMatch(LIST);
});
