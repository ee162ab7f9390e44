import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { LIST_PAGES, listPage, spaShell, fixturePage } from '../shared/pages';
import { expect, openExtensionPage, serveLinkedIn, tabIdOf, test } from './harness';

// Marks beside people in LinkedIn lists, the feed and Sales Navigator rows (CONTRACT.md "LinkedIn lists,
// messaging, feed, companies"), on synthetic pages of every surface and vintage served at real URLs.
const ORIGIN = 'https://www.linkedin.com';
const at = (path: string) => ORIGIN + path;

type Key = { slug: string } | { memberId: string };
interface Seed {
  key: Key;
  name: string;
}

/** One per surface and vintage: whom the pipeline already has. */
const TRACKED: Seed[] = [
  { key: { slug: 'andini-kusuma-ls24' }, name: 'Andini Kusuma' },
  { key: { slug: 'eka-putri-ls25' }, name: 'Eka Putri' },
  { key: { memberId: 'ACoAAGitaRamadhaniSdui26a' }, name: 'Gita Ramadhani' },
  { key: { slug: 'joko-santoso-ls24' }, name: 'Joko Santoso' },
  { key: { slug: 'mega-lestari-ls24' }, name: 'Mega Lestari' },
  { key: { memberId: 'ACoAAPutriAnggrainiSdui26p' }, name: 'Putri Anggraini' },
  { key: { slug: 'sari-utami-ls24' }, name: 'Sari Utami' },
  { key: { memberId: 'ACoAAUmarSaidSdui26uuuuu' }, name: 'Umar Said' },
  { key: { slug: 'yusuf-halim-ls24' }, name: 'Yusuf Halim' },
  { key: { slug: 'bella-oktavia-ls26' }, name: 'Bella Oktavia' },
  { key: { slug: 'cahya-dewi-ls24' }, name: 'Cahya Dewi' },
  { key: { memberId: 'ACoAAErnaSusantiSdui26eeee' }, name: 'Erna Susanti' },
  { key: { slug: 'gilang-ramadhan-ls24' }, name: 'Gilang Ramadhan' },
  { key: { memberId: 'ACoAAOscarLubisSdui26ooooo' }, name: 'Oscar Lubis' },
  { key: { memberId: 'ACwAARahmatHidayatSales25r' }, name: 'Rahmat Hidayat' },
  { key: { slug: 'victor-siahaan-ls25' }, name: 'Victor Siahaan' },
];

const sel = (k: Key) => ('slug' in k ? `jalur-mark[data-slug="${k.slug}"]` : `jalur-mark[data-member-id="${k.memberId}"]`);

/** Per page: who shows a stage, who is offered "Add to pipeline", and that nobody else is marked. */
const SURFACES: { page: keyof typeof LIST_PAGES; tracked: Key[]; add: Key[] }[] = [
  { page: 'search2024', tracked: [{ slug: 'andini-kusuma-ls24' }], add: [{ slug: 'bagus-hartanto-ls24' }, { slug: 'citra-maharani-ls24' }] },
  { page: 'search2025', tracked: [{ slug: 'eka-putri-ls25' }], add: [{ slug: 'dimas-prakoso-ls25' }, { slug: 'fajar-nugroho-ls25' }] },
  {
    page: 'search2026',
    tracked: [{ memberId: 'ACoAAGitaRamadhaniSdui26a' }],
    add: [{ memberId: 'ACoAAHendraWijayaSdui26bb' }, { memberId: 'ACoAAIntanPermataSdui26cc' }],
  },
  { page: 'network2024', tracked: [{ slug: 'joko-santoso-ls24' }], add: [] },
  { page: 'connections2024', tracked: [{ slug: 'mega-lestari-ls24' }], add: [] },
  { page: 'network2026', tracked: [{ memberId: 'ACoAAPutriAnggrainiSdui26p' }], add: [] },
  { page: 'companyPeople2024', tracked: [{ slug: 'sari-utami-ls24' }], add: [{ slug: 'teguh-saputra-ls24' }] },
  { page: 'companyPeople2026', tracked: [{ memberId: 'ACoAAUmarSaidSdui26uuuuu' }], add: [{ memberId: 'ACoAAVinaKurniaSdui26vvvv' }] },
  { page: 'alsoViewed2024', tracked: [{ slug: 'yusuf-halim-ls24' }], add: [] },
  { page: 'alsoViewed2026', tracked: [{ slug: 'bella-oktavia-ls26' }], add: [] },
  { page: 'reactions2024', tracked: [{ slug: 'cahya-dewi-ls24' }], add: [] },
  { page: 'reactions2026', tracked: [{ memberId: 'ACoAAErnaSusantiSdui26eeee' }], add: [] },
  // Joko reposted a post: his repost carries his mark too.
  { page: 'feed2024', tracked: [{ slug: 'gilang-ramadhan-ls24' }, { slug: 'joko-santoso-ls24' }], add: [] },
  { page: 'feed2026', tracked: [{ memberId: 'ACoAAOscarLubisSdui26ooooo' }], add: [] },
  { page: 'salesSearch', tracked: [{ memberId: 'ACwAARahmatHidayatSales25r' }], add: [] },
  { page: 'salesList', tracked: [{ slug: 'victor-siahaan-ls25' }], add: [] },
];

const VIEWER = 'jalur-mark[data-slug="vera-viewer-fx"], jalur-mark[data-member-id="ACoAAVeraViewerSduiFake00"]';

async function ask(context: BrowserContext, extensionId: string, reqs: unknown[]): Promise<any[]> {
  const page = await openExtensionPage(context, extensionId, 'options.html');
  try {
    return await page.evaluate(async (list) => {
      const out = [];
      for (const req of list) {
        const r = (await chrome.runtime.sendMessage(req)) as { ok: boolean; data?: unknown; error?: string };
        if (!r.ok) throw new Error(r.error);
        out.push(r.data);
      }
      return out;
    }, reqs);
  } finally {
    await page.close();
  }
}

function captureOf(s: Seed) {
  return {
    type: 'capture',
    input: { slug: null, memberId: null, ...s.key, email: null, name: s.name, headline: null, title: null, company: null, location: null, photoUrl: null, linkedinUrl: null },
  };
}

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(at(path));
  return page;
}

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/www\.linkedin\.com\//, listPage);
});

test('every surface and vintage: tracked people show their stage, search and People tab offer Add, nobody else and never the viewer is marked', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(300_000);
  await ask(context, extensionId, TRACKED.map(captureOf));
  for (const s of SURFACES) {
    const page = await open(context, LIST_PAGES[s.page]);
    for (const k of s.tracked) await expect(page.locator(`${sel(k)} [data-stage="prospecting"]`), s.page).toContainText('Prospecting');
    for (const k of s.add) await expect(page.locator(sel(k)).getByRole('button', { name: 'Add to pipeline' }), s.page).toBeVisible();
    await expect(page.locator('jalur-mark'), s.page).toHaveCount(s.tracked.length + s.add.length);
    await expect(page.locator(VIEWER), s.page).toHaveCount(0);
    // Each mark sits right after the name (or the link around it), never inside a link.
    expect(await page.locator('jalur-mark').evaluateAll((els) => els.filter((e) => e.closest('a')).length), s.page).toBe(0);
    await page.close();
  }
});

test('Add to pipeline clips what the search row shows: name, headline split into title and company, location', async ({ context, extensionId }) => {
  const page = await open(context, LIST_PAGES.search2024);
  const mark = page.locator('jalur-mark[data-slug="bagus-hartanto-ls24"]');
  await mark.getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(mark.locator('[data-stage="prospecting"]')).toContainText('Score');
  await expect(mark.getByRole('button', { name: 'Add to pipeline' })).toHaveCount(0);
  const [detail] = await ask(context, extensionId, [{ type: 'detail', slug: 'bagus-hartanto-ls24' }]);
  expect(detail.prospect).toMatchObject({
    name: 'Bagus Hartanto',
    headline: 'VP Operations at Sinar Logistik | Supply chain',
    title: 'VP Operations',
    company: 'Sinar Logistik',
    location: 'Surabaya, East Java, Indonesia',
    linkedinUrl: 'https://www.linkedin.com/in/bagus-hartanto-ls24/',
    source: 'social_selling',
  });
  // A member linked by id only is clipped by the id.
  const sdui = await open(context, LIST_PAGES.search2026);
  const hendra = sdui.locator('jalur-mark[data-member-id="ACoAAHendraWijayaSdui26bb"]');
  await hendra.getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(hendra.locator('[data-stage="prospecting"]')).toBeVisible();
  const [byId] = await ask(context, extensionId, [{ type: 'lookup', slugs: [], emails: [], memberIds: ['ACoAAHendraWijayaSdui26bb'] }]);
  expect(byId.people.map((p: { name: string }) => p.name)).toEqual(['Hendra Wijaya']);
});

test('bulk clip: select several results, add them in one step, see how many were added', async ({ context, extensionId }) => {
  await ask(context, extensionId, [captureOf(TRACKED[1]!)]);
  const page = await open(context, LIST_PAGES.search2025);
  await expect(page.locator('jalur-mark [data-stage]')).toHaveCount(1);
  const bar = page.locator('jalur-bulk');
  await bar.getByRole('button', { name: 'Select several to add' }).click();
  await page.getByRole('checkbox', { name: 'Select Dimas Prakoso' }).check();
  await expect(bar.getByRole('button', { name: 'Add 1 to pipeline' })).toBeEnabled();
  await bar.getByRole('button', { name: 'Select all' }).click();
  await expect(page.getByRole('checkbox', { name: 'Select Fajar Nugroho' })).toBeChecked();
  await bar.getByRole('button', { name: 'Add 2 to pipeline' }).click();
  await expect(bar.getByRole('status')).toHaveText('2 added, 0 already tracked');
  await expect(page.locator('jalur-mark [data-stage="prospecting"]')).toHaveCount(3);
  await expect(page.getByRole('button', { name: 'Add to pipeline' })).toHaveCount(0);
  const [found] = await ask(context, extensionId, [{ type: 'lookup', slugs: ['dimas-prakoso-ls25', 'fajar-nugroho-ls25'], emails: [] }]);
  expect(found.people.map((p: { name: string }) => p.name).sort()).toEqual(['Dimas Prakoso', 'Fajar Nugroho']);
});

test('infinite scroll: rows appended later get their marks, tracked or not', async ({ context, extensionId }) => {
  await ask(context, extensionId, [captureOf({ key: { slug: 'late-tracked-ls24' }, name: 'Laras Tracked' })]);
  const page = await open(context, LIST_PAGES.search2024);
  await expect(page.locator('jalur-mark')).toHaveCount(3);
  await page.evaluate(() => {
    const list = document.querySelector('ul.reusable-search__entity-result-list')!;
    const model = list.querySelector('li')!;
    const late: [string, string][] = [
      ['late-tracked-ls24', 'Laras Tracked'],
      ['late-new-ls24', 'Lintang Baru'],
    ];
    for (const [slug, name] of late) {
      // A fresh row as LinkedIn renders it (without the mark Jalur put in the row it was copied from).
      const li = model.cloneNode(true) as HTMLElement;
      for (const ours of Array.from(li.querySelectorAll('jalur-mark'))) ours.remove();
      for (const a of Array.from(li.querySelectorAll('a'))) a.setAttribute('href', `https://www.linkedin.com/in/${slug}?miniProfileUrn=x`);
      li.querySelector('span[aria-hidden="true"]')!.textContent = name;
      list.append(li);
    }
  });
  await expect(page.locator('jalur-mark[data-slug="late-tracked-ls24"] [data-stage="prospecting"]')).toBeVisible();
  await expect(page.locator('jalur-mark[data-slug="late-new-ls24"]').getByRole('button', { name: 'Add to pipeline' })).toBeVisible();
  await expect(page.locator('jalur-mark')).toHaveCount(5);
});

test('in-app navigation from a profile to people search: the results get their marks without a page load', async ({ context, extensionId }) => {
  await ask(context, extensionId, [captureOf(TRACKED[0]!)]);
  await serveLinkedIn(
    context,
    /^https:\/\/www\.linkedin\.com\/(in|search)\//,
    spaShell({
      '/in/winda-astuti-ls24/': fixturePage('linkedin-lists/also-viewed-2024.html'),
      '/search/results/people/': fixturePage('linkedin-lists/search-2024.html'),
    }),
  );
  const page = await open(context, '/in/winda-astuti-ls24/');
  await expect(page.locator('jalur-inline')).toHaveCount(1); // the profile's own chip
  await page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    history.pushState({}, '', '/search/results/people/?keywords=logistik');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.locator('jalur-mark[data-slug="andini-kusuma-ls24"] [data-stage="prospecting"]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add to pipeline' })).toHaveCount(2);
  await expect(page.locator('jalur-mark[data-slug="yusuf-halim-ls24"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
});

test('a tracked person’s post: Log engagement records a social-engagement touch', async ({ context, extensionId }) => {
  await ask(context, extensionId, [captureOf(TRACKED[12]!)]);
  const page = await open(context, LIST_PAGES.feed2024);
  const mark = page.locator('jalur-mark[data-slug="gilang-ramadhan-ls24"]');
  await mark.getByRole('button', { name: 'Log engagement' }).click();
  await mark.getByRole('button', { name: 'Liked' }).click();
  await expect(mark.getByRole('status')).toHaveText('Engagement logged');
  const [detail] = await ask(context, extensionId, [{ type: 'detail', slug: 'gilang-ramadhan-ls24' }]);
  expect(detail.touches.map((t: { channel: string; engagement: string | null; direction: string }) => [t.channel, t.engagement, t.direction])).toEqual([
    ['social_engagement', 'liked', 'out'],
  ]);
});

test('Show Jalur on LinkedIn pages unticked: no mark and no bar, yet the side panel still learns who the page shows', async ({ context, sw, extensionId }) => {
  await ask(context, extensionId, [captureOf(TRACKED[0]!)]);
  const options = await openExtensionPage(context, extensionId, 'options.html');
  const option = options.getByRole('checkbox', { name: 'Show Jalur on LinkedIn pages' });
  await option.uncheck();
  const page = await open(context, LIST_PAGES.search2024);
  const tabId = await tabIdOf(sw, at(LIST_PAGES.search2024));
  // The content script is running (it answers), it just adds nothing.
  await expect
    .poll(async () => sw.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'pagePeople' }).catch(() => null), tabId))
    .toMatchObject({ people: [{ slug: 'andini-kusuma-ls24' }, { slug: 'bagus-hartanto-ls24' }, { slug: 'citra-maharani-ls24' }] });
  await expect(page.locator('jalur-mark, jalur-bulk, jalur-inline')).toHaveCount(0);
  await option.check();
  await expect(page.locator('jalur-mark[data-slug="andini-kusuma-ls24"] [data-stage]')).toBeVisible();
});

test('pagePeople answers with everyone the page shows, once each and never the viewer', async ({ context, sw }) => {
  await open(context, LIST_PAGES.feed2026);
  const tabId = await tabIdOf(sw, at(LIST_PAGES.feed2026));
  await expect
    .poll(async () => sw.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'pagePeople' }).catch(() => null), tabId))
    .toEqual({
      people: [
        {
          slug: null,
          memberId: 'ACoAAOscarLubisSdui26ooooo',
          name: 'Oscar Lubis',
          headline: 'Director of Logistics at Kirim Cepat',
          location: null,
          surface: 'feed',
        },
        { slug: 'puspa-ayu-ls26', memberId: null, name: 'Puspa Ayu', headline: 'Chief Executive Officer at Tani Digital', location: null, surface: 'feed' },
      ],
    });
});

test('axe: marks, Add buttons, selection checkboxes and the bulk bar have no violations', async ({ context, extensionId }) => {
  await ask(context, extensionId, [captureOf(TRACKED[0]!)]);
  const page = await open(context, LIST_PAGES.search2024);
  await expect(page.locator('jalur-mark')).toHaveCount(3);
  await page.locator('jalur-bulk').getByRole('button', { name: 'Select several to add' }).click();
  await expect(page.getByRole('checkbox', { name: 'Select Bagus Hartanto' })).toBeVisible();
  const result = await new AxeBuilder({ page }).include('jalur-mark').include('jalur-bulk').withTags(['wcag2a', 'wcag2aa', 'wcag22aa', 'best-practice']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
