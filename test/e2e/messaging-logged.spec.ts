import type { BrowserContext, Page } from '@playwright/test';
import { fixturePage, spaShell } from '../shared/pages';
import { expect, openExtensionPage, serveLinkedIn, test } from './harness';

// "Log this conversation" on a messaging chip says what the pipeline holds for the conversation in
// view: "Conversation logged" only while its last message (direction, time) is logged. A newer message,
// another thread in the same pane (LinkedIn keeps the pane and swaps the messages), another thread
// reached in-app and a reload each show the truth. Synthetic threads (test/fixtures/linkedin-messaging).

test.describe.configure({ timeout: 180_000 });

const ANITA = 'ACoAAAnitaWirawan24abcdefgh1';
const BUDI = 'budi-santoso-fx25m';
const BUDI_LAST = Date.parse('2026-12-01T09:15:00.000Z');
const ROUTES = {
  '/messaging/thread/2-ANITA24/': 'thread-2024.html',
  '/messaging/thread/2-BUDI25/': 'thread-2025.html',
} as const;
const APP = spaShell(Object.fromEntries(Object.entries(ROUTES).map(([route, file]) => [route, fixturePage(`linkedin-messaging/${file}`)])));
const SHOTS = '/tmp/shots/surfaces-polish';

async function open(context: BrowserContext, path: keyof typeof ROUTES): Promise<Page> {
  await serveLinkedIn(context, /^https:\/\/www\.linkedin\.com\//, APP);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`https://www.linkedin.com${path}`);
  return page;
}

async function ask(context: BrowserContext, extensionId: string, msg: unknown) {
  const page = await openExtensionPage(context, extensionId, 'options.html');
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), msg);
  await page.close();
  return reply as { ok: boolean; data: { touches?: unknown } };
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

/** A message arriving at the end of the 2025 thread, from Budi or from the viewer, at an exact time. */
async function arrive(page: Page, from: 'budi' | 'viewer', datetime: string) {
  await page.evaluate(
    ([who, at]) => {
      const li = document.createElement('li');
      li.setAttribute('data-view-name', 'message-list-item');
      const [slug, name] = who === 'budi' ? ['budi-santoso-fx25m', 'Budi Santoso'] : ['dewi-viewer-msg01', 'Dewi Viewer'];
      li.innerHTML = `<a href="https://www.linkedin.com/in/${slug}/"><img alt="${name}"></a><span data-view-name="message-sender-name">${name}</span><time datetime="${at}">now</time><p>…</p>`;
      document.querySelector('[data-view-name="message-thread"] ul')!.append(li);
    },
    [from, datetime] as const,
  );
}

const touchesOf = async (context: BrowserContext, extensionId: string, slug: string) =>
  ((await ask(context, extensionId, { type: 'detail', slug })).data.touches as Array<{ channel: string; direction: string; occurredAt: number }>)
    .map((t) => [t.channel, t.direction, t.occurredAt])
    .sort((a, b) => (a[2] as number) - (b[2] as number));

test('after logging, a newer message offers logging again, and logs that one', async ({ context, extensionId }) => {
  expect((await ask(context, extensionId, capture({ slug: BUDI, name: 'Budi Santoso' }))).ok).toBe(true);
  const page = await open(context, '/messaging/thread/2-BUDI25/');
  const chip = page.locator(`jalur-inline[data-slug="${BUDI}"]`);
  await chip.getByRole('button', { name: 'Log this conversation' }).click();
  await expect(chip.getByRole('button', { name: 'Conversation logged' })).toBeDisabled();

  await arrive(page, 'budi', '2026-12-04T02:30:00.000Z');
  await expect(chip.getByRole('button', { name: 'Log this conversation' })).toBeEnabled();
  await chip.getByRole('button', { name: 'Log this conversation' }).click();
  await expect(chip.getByRole('button', { name: 'Conversation logged' })).toBeDisabled();
  expect(await touchesOf(context, extensionId, BUDI)).toEqual([
    ['linkedin_message', 'out', BUDI_LAST],
    ['linkedin_message', 'in', Date.parse('2026-12-04T02:30:00.000Z')],
  ]);

  // The viewer answers: again something new to log.
  await arrive(page, 'viewer', '2026-12-04T03:00:00.000Z');
  await expect(chip.getByRole('button', { name: 'Log this conversation' })).toBeEnabled();
});

test('another thread in the same pane offers logging; coming back, and reloading, say logged', async ({ context, extensionId }) => {
  expect((await ask(context, extensionId, capture({ slug: BUDI, name: 'Budi Santoso' }))).ok).toBe(true);
  const page = await open(context, '/messaging/thread/2-BUDI25/');
  const chip = page.locator(`jalur-inline[data-slug="${BUDI}"]`);
  await chip.getByRole('button', { name: 'Log this conversation' }).click();
  await expect(chip.getByRole('button', { name: 'Conversation logged' })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/messaging-logged-en.png` });

  // LinkedIn moves to another conversation with the same person in-app, keeping the pane and its header:
  // the URL changes and the message list is swapped.
  const first = await page.evaluate(() => {
    const list = document.querySelector('[data-view-name="message-thread"] ul')!;
    const html = list.innerHTML;
    history.pushState({}, '', '/messaging/thread/2-BUDI-OTHER/');
    list.innerHTML = '';
    return html;
  });
  await arrive(page, 'budi', '2026-11-20T04:00:00.000Z');
  await expect(chip.getByRole('button', { name: 'Log this conversation' })).toBeEnabled();
  await expect(page.locator('jalur-inline')).toHaveCount(1);

  await page.evaluate((html) => {
    history.pushState({}, '', '/messaging/thread/2-BUDI25/');
    document.querySelector('[data-view-name="message-thread"] ul')!.innerHTML = html;
  }, first);
  await expect(chip.getByRole('button', { name: 'Conversation logged' })).toBeDisabled();

  // A reload: the pipeline, not the page, remembers.
  await page.reload();
  await expect(page.locator(`jalur-inline[data-slug="${BUDI}"]`).getByRole('button', { name: 'Conversation logged' })).toBeDisabled();
  expect(await touchesOf(context, extensionId, BUDI)).toEqual([['linkedin_message', 'out', BUDI_LAST]]);
});

test('between threads reached in-app: each says what is logged for its own last message', async ({ context, extensionId }) => {
  for (const who of [capture({ memberId: ANITA, name: 'Anita Wirawan' }), capture({ slug: BUDI, name: 'Budi Santoso' })])
    expect((await ask(context, extensionId, who)).ok).toBe(true);
  const page = await open(context, '/messaging/thread/2-BUDI25/');
  const budi = page.locator(`jalur-inline[data-slug="${BUDI}"]`);
  await budi.getByRole('button', { name: 'Log this conversation' }).click();
  await expect(budi.getByRole('button', { name: 'Conversation logged' })).toBeDisabled();

  await page.evaluate(() => {
    history.pushState({}, '', '/messaging/thread/2-ANITA24/');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.locator(`jalur-inline[data-member-id="${ANITA}"]`).getByRole('button', { name: 'Log this conversation' })).toBeEnabled();
  await expect(page.locator('jalur-inline')).toHaveCount(1);

  await page.evaluate(() => history.back());
  await expect(page.locator(`jalur-inline[data-slug="${BUDI}"]`).getByRole('button', { name: 'Conversation logged' })).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/messaging-back-en.png` });
});
