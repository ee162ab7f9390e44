import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { fixturePage, spaShell } from '../shared/pages';
import { expect, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker, test } from './harness';

// LinkedIn messaging (thread pane, overlay bubbles) and the Sales Navigator lead page, on synthetic
// fixtures of several vintages (test/fixtures/linkedin-messaging/README.md) served at their real URLs
// inside a single-page shell, so moving between threads is in-app navigation.

// Each test starts a browser and opens several pages: room for a machine shared by many test runs.
test.describe.configure({ timeout: 180_000 });

const VIEWER_SLUG = 'dewi-viewer-msg01';
const VIEWER_ID = 'ACoAAViewerDewi000000000001';
const ANITA = 'ACoAAAnitaWirawan24abcdefgh1';
const BUDI = 'budi-santoso-fx25m';
const GROUP = ['ACoAACitraMaharani26abcdefg1', 'ACoAAEkoPrasetyo26abcdefghi1', 'ACoAAFajarNugroho26abcdefgh1'];
const HANA = { id: 'ACwAAHanaKusumaLead25abcdefg1', slug: 'hana-kusuma-fx25s' };

const ROUTES = {
  '/messaging/thread/2-ANITA24/': 'thread-2024.html',
  '/messaging/thread/2-BUDI25/': 'thread-2025.html',
  '/messaging/thread/2-GROUP26/': 'group-2026-sdui.html',
  '/feed/': 'overlay-feed-2024.html',
  [`/sales/lead/${HANA.id},NAME_SEARCH,x1Yz`]: 'sales-lead-2025.html',
} as const;
const url = (path: keyof typeof ROUTES) => `https://www.linkedin.com${path}`;
const APP = spaShell(Object.fromEntries(Object.entries(ROUTES).map(([route, file]) => [route, fixturePage(`linkedin-messaging/${file}`)])));

async function open(context: BrowserContext, path: keyof typeof ROUTES): Promise<Page> {
  await serveLinkedIn(context, /^https:\/\/www\.linkedin\.com\//, APP);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url(path));
  return page;
}

/** LinkedIn moves between threads without a reload: history.pushState, and the app renders the route. */
async function navigateInApp(page: Page, path: keyof typeof ROUTES) {
  await page.evaluate((p) => {
    history.pushState({}, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, String(path));
}

async function ask(context: BrowserContext, extensionId: string, msg: unknown) {
  const page = await openExtensionPage(context, extensionId, 'options.html');
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), msg);
  await page.close();
  return reply as { ok: boolean; data: any };
}

const capture = (who: { slug?: string; memberId?: string; name: string }) => ({
  type: 'capture',
  input: {
    slug: who.slug ?? null,
    memberId: who.memberId ?? null,
    email: null,
    name: who.name,
    headline: null,
    title: null,
    company: null,
    location: null,
    photoUrl: null,
    linkedinUrl: `https://www.linkedin.com/in/${who.slug ?? who.memberId}/`,
  },
});

test('a chip per partner of every vintage, never the viewer; Add to pipeline; the chip follows in-app navigation between threads', async ({ context, extensionId }) => {
  const page = await open(context, '/messaging/thread/2-ANITA24/');
  const anita = page.locator(`jalur-inline[data-member-id="${ANITA}"]`);
  await expect(anita.getByRole('button', { name: 'Add to pipeline' })).toBeVisible();
  // Beside the header's name link, not inside it; the left rail's other conversation gets nothing.
  expect(await anita.evaluate((el) => [el.closest('a'), el.closest('.msg-title-bar') !== null])).toEqual([null, true]);
  await expect(page.locator('jalur-inline')).toHaveCount(1);
  await expect(page.locator(`jalur-inline[data-slug="${VIEWER_SLUG}"]`)).toHaveCount(0);

  await anita.getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(anita.locator('[data-stage="prospecting"]')).toContainText('Prospecting');
  const d = await ask(context, extensionId, { type: 'detail', memberId: ANITA });
  expect([d.data.prospect.name, d.data.prospect.memberId, d.data.prospect.headline]).toEqual(['Anita Wirawan', ANITA, 'Head of Procurement at Laut Biru Logistik']);

  await navigateInApp(page, '/messaging/thread/2-BUDI25/');
  const budi = page.locator(`jalur-inline[data-slug="${BUDI}"]`);
  await expect(budi.getByRole('button', { name: 'Add to pipeline' })).toBeVisible();
  await expect(page.locator('jalur-inline')).toHaveCount(1);

  await navigateInApp(page, '/messaging/thread/2-ANITA24/');
  await expect(page.locator(`jalur-inline[data-member-id="${ANITA}"] [data-stage="prospecting"]`)).toBeVisible();
  await expect(page.locator('jalur-inline')).toHaveCount(1);
});

test('group conversation: one chip per participant (a sender only seen in the messages too), none for the viewer', async ({ context }) => {
  const page = await open(context, '/messaging/thread/2-GROUP26/');
  for (const id of GROUP) await expect(page.locator(`jalur-inline[data-member-id="${id}"]`).getByRole('button', { name: 'Add to pipeline' })).toBeVisible();
  await expect(page.locator('jalur-inline')).toHaveCount(3);
  await expect(page.locator(`jalur-inline[data-member-id="${VIEWER_ID}"]`)).toHaveCount(0);
});

test('Log this conversation logs a LinkedIn-message touch with the last message’s direction and time, never its text; axe finds nothing in the chip', async ({ context, extensionId }) => {
  expect((await ask(context, extensionId, capture({ slug: BUDI, name: 'Budi Santoso' }))).ok).toBe(true);
  const page = await open(context, '/messaging/thread/2-BUDI25/');
  const chip = page.locator(`jalur-inline[data-slug="${BUDI}"]`);
  await expect(chip.locator('[data-stage="prospecting"]')).toBeVisible();
  const results = await new AxeBuilder({ page }).include('jalur-inline').options({ rules: { 'target-size': { enabled: true } } }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await chip.getByRole('button', { name: 'Log this conversation' }).click();
  await expect(chip.getByRole('button', { name: 'Conversation logged' })).toBeDisabled();
  const d = await ask(context, extensionId, { type: 'detail', slug: BUDI });
  expect(d.data.touches.map((x: { channel: string; direction: string; note: string | null; occurredAt: number }) => [x.channel, x.direction, x.note, x.occurredAt])).toEqual([
    ['linkedin_message', 'out', null, Date.parse('2026-12-01T09:15:00.000Z')],
  ]);
  // The chip's Actions menu works here as on a profile.
  await chip.getByRole('button', { name: 'Actions' }).click();
  await expect(chip.getByRole('menuitem', { name: 'Log touch' })).toBeVisible();
});

test('an overlay bubble on any page gets a chip for its partner; the overlay’s own header (the viewer) none', async ({ context }) => {
  const page = await open(context, '/feed/');
  const gita = page.locator('jalur-inline[data-slug="gita-permata-fx24o"]');
  await expect(gita.getByRole('button', { name: 'Add to pipeline' })).toBeVisible();
  expect(await gita.evaluate((el) => el.closest('.msg-overlay-conversation-bubble') !== null)).toBe(true);
  await expect(page.locator('jalur-inline')).toHaveCount(1);
});

test('Sales Navigator lead page: the chip knows the lead by member id and public slug; clipping keeps both', async ({ context, extensionId }) => {
  const page = await open(context, `/sales/lead/${HANA.id},NAME_SEARCH,x1Yz`);
  const chip = page.locator(`jalur-inline[data-member-id="${HANA.id}"][data-slug="${HANA.slug}"]`);
  await chip.getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(chip.locator('[data-stage="prospecting"]')).toBeVisible();
  await expect(page.locator('jalur-inline')).toHaveCount(1);
  const d = await ask(context, extensionId, { type: 'detail', slug: HANA.slug });
  expect([d.data.prospect.name, d.data.prospect.slug, d.data.prospect.memberId, d.data.prospect.headline]).toEqual(['Hana Kusuma', HANA.slug, HANA.id, 'VP Supply Chain at Merapi Foods']);
});

test('quiet mode: nothing is added to a thread, a bubble or a lead page; showing Jalur again brings the chips', async ({ context, sw }) => {
  await sw.evaluate(() => chrome.storage.local.set({ showOnLinkedIn: false }));
  // Every element the page ever gains is recorded from the start, so a chip added and removed would show.
  await context.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __added: string[] }).__added = []);
    new MutationObserver((rs) => {
      for (const r of rs) for (const n of Array.from(r.addedNodes)) if (n instanceof Element && /^JALUR-/.test(n.tagName)) seen.push(n.tagName);
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await open(context, '/messaging/thread/2-GROUP26/');
  await navigateInApp(page, '/feed/');
  await expect(page.locator('.msg-overlay-conversation-bubble')).toBeVisible();
  await navigateInApp(page, `/sales/lead/${HANA.id},NAME_SEARCH,x1Yz`);
  await expect(page.locator('[data-x--lead--top-card]')).toBeVisible();
  await navigateInApp(page, '/messaging/thread/2-GROUP26/');
  await expect(page.locator('[componentkey^="MessagingThreadPane"]')).toBeVisible();
  // Its answer to pageSettings has arrived: the group's chips come as soon as the rep shows Jalur again.
  expect(await page.evaluate(() => (window as unknown as { __added: string[] }).__added)).toEqual([]);
  await sw.evaluate(() => chrome.storage.local.set({ showOnLinkedIn: true }));
  await expect(page.locator('jalur-inline')).toHaveCount(3);
});

for (const lang of ['en', 'id'] as const) {
  test(`screenshots of a thread with a tracked and an untracked partner (${lang})`, async () => {
    const { context, close } = await launchWithExtension({ lang });
    try {
      const sw = await serviceWorker(context);
      const extensionId = new URL(sw.url()).host;
      expect((await ask(context, extensionId, capture({ memberId: GROUP[0], name: 'Citra Maharani' }))).ok).toBe(true);
      const page = await open(context, '/messaging/thread/2-GROUP26/');
      await expect(page.locator(`jalur-inline[data-member-id="${GROUP[0]}"] [data-stage="prospecting"]`)).toBeVisible();
      await expect(page.locator('jalur-inline').getByRole('button', { name: lang === 'en' ? 'Add to pipeline' : 'Tambah ke pipeline' })).toHaveCount(2);
      await expect(page.locator('jalur-inline').getByRole('button', { name: lang === 'en' ? 'Log this conversation' : 'Catat percakapan ini' })).toBeVisible();
      mkdirSync('/tmp/shots/messaging', { recursive: true });
      await page.screenshot({ path: `/tmp/shots/messaging/group-thread-${lang}.png` });
      const lead = await open(context, `/sales/lead/${HANA.id},NAME_SEARCH,x1Yz`);
      await expect(lead.locator('jalur-inline').getByRole('button')).toBeVisible();
      await lead.screenshot({ path: `/tmp/shots/messaging/sales-lead-${lang}.png` });
    } finally {
      await close();
    }
  });
}
