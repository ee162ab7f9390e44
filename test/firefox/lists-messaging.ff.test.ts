// LinkedIn lists and messaging in Firefox: marks beside people search results (a tracked person's stage,
// Add to pipeline for the others, nothing for the viewer) and clipping from a row; a messaging chip for
// the conversation partner with Log this conversation, which says logged only while the last message
// is. One Firefox for the file; each test works with different people.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LIST_PAGES, fixturePage, listPage, spaShell } from '../shared/pages';
import { button, click, launchFirefox, until, waitForText, type Firefox } from './harness';

const ORIGIN = 'https://www.linkedin.com';
const BUDI = 'budi-santoso-fx25m';
// LinkedIn's threads are an in-app route of one page: the shell renders each thread's fixture.
const MESSAGING = spaShell({
  '/messaging/thread/2-BUDI25/': fixturePage('linkedin-messaging/thread-2025.html'),
  '/messaging/thread/2-ANITA24/': fixturePage('linkedin-messaging/thread-2024.html'),
});

let ff: Firefox;
beforeAll(async () => {
  ff = await launchFirefox();
  ff.serve(/^https:\/\/www\.linkedin\.com\//, (url) => (url.pathname.startsWith('/messaging/') ? MESSAGING : listPage(url)));
});
afterAll(async () => {
  await ff?.close();
});

/** Ask the background as an extension page does (the popup's `browser` global). */
async function ask<T>(msg: unknown): Promise<T> {
  const r = await ff.ext<{ ok: boolean; data?: T; error?: string }>(`browser.runtime.sendMessage(${JSON.stringify(msg)})`);
  if (!r.ok) throw new Error(r.error);
  return r.data as T;
}

const capture = (key: { slug?: string; memberId?: string }, name: string) => ({
  type: 'capture',
  input: { slug: null, memberId: null, ...key, email: null, name, headline: null, title: null, company: null, location: null, photoUrl: null, linkedinUrl: null },
});

/** A mark's Add to pipeline (its accessible name is "+ Add to pipeline"; the title names the person). */
const addIn = (mark: string) => `${mark} >>> button.add`;

/** The keys of the marks on the page, and whether each shows a stage or offers Add to pipeline. */
function marks(page: Page): Promise<string[]> {
  return page.$$eval('jalur-mark', (els) =>
    els
      .map((e) => {
        const root = e.shadowRoot;
        const what = root?.querySelector('[data-stage]')?.getAttribute('data-stage') ?? (root?.querySelector('button') ? 'add' : '…');
        return `${e.getAttribute('data-slug') ?? e.getAttribute('data-member-id')}:${what}`;
      })
      .sort(),
  );
}

it('people search: the tracked person shows their stage, the others offer Add to pipeline, the viewer gets nothing; Add clips the row', async () => {
  await ask(capture({ slug: 'eka-putri-ls25' }, 'Eka Putri'));
  const page = await ff.open(ORIGIN + LIST_PAGES.search2025);
  const want = ['dimas-prakoso-ls25:add', 'eka-putri-ls25:prospecting', 'fajar-nugroho-ls25:add'];
  expect(await until(async () => ((await marks(page)).join() === want.join() ? marks(page) : null), 'the marks')).toEqual(want);
  expect(await page.$$eval('jalur-mark[data-slug="vera-viewer-fx"]', (els) => els.length)).toBe(0);
  // Each mark sits after the name, never inside the row's link.
  expect(await page.$$eval('jalur-mark', (els) => els.filter((e) => e.closest('a')).length)).toBe(0);

  await click(page, addIn('jalur-mark[data-slug="dimas-prakoso-ls25"]'));
  await waitForText(page, 'jalur-mark[data-slug="dimas-prakoso-ls25"] >>> [data-stage="prospecting"]', 'Prospecting');
  const d = await ask<{ prospect: { name: string; title: string | null; company: string | null; source: string; linkedinUrl: string } }>({
    type: 'detail',
    slug: 'dimas-prakoso-ls25',
  });
  expect(d.prospect).toMatchObject({ name: 'Dimas Prakoso', source: 'social_selling', linkedinUrl: 'https://www.linkedin.com/in/dimas-prakoso-ls25/' });

  // Members linked by id only (2026 markup) are marked and clipped by the id.
  const sdui = await ff.open(ORIGIN + LIST_PAGES.search2026);
  await click(sdui, addIn('jalur-mark[data-member-id="ACoAAHendraWijayaSdui26bb"]'));
  await waitForText(sdui, 'jalur-mark[data-member-id="ACoAAHendraWijayaSdui26bb"] >>> [data-stage="prospecting"]', 'Prospecting');
  const found = await ask<{ people: Array<{ name: string }> }>({ type: 'lookup', slugs: [], emails: [], memberIds: ['ACoAAHendraWijayaSdui26bb'] });
  expect(found.people.map((p) => p.name)).toEqual(['Hendra Wijaya']);
  await sdui.close();
  await page.close();
});

it('messaging: a chip for the partner, never the viewer; Log this conversation logs the last message, and a newer one offers it again', async () => {
  await ask(capture({ slug: BUDI }, 'Budi Santoso'));
  const page = await ff.open(`${ORIGIN}/messaging/thread/2-BUDI25/`);
  const chip = `jalur-inline[data-slug="${BUDI}"]`;
  await click(page, button('Log this conversation', chip));
  await until(() => page.$eval(`${chip} >>> ::-p-aria([name="Conversation logged"][role="button"])`, (b) => (b as HTMLButtonElement).disabled), 'Conversation logged');
  expect(await page.$$eval('jalur-inline', (els) => els.map((e) => e.getAttribute('data-slug') ?? e.getAttribute('data-member-id')))).toEqual([BUDI]);
  const touches = async () =>
    (await ask<{ touches: Array<{ channel: string; direction: string; occurredAt: number; note: string | null }> }>({ type: 'detail', slug: BUDI })).touches
      .map((t) => [t.channel, t.direction, t.occurredAt, t.note])
      .sort((a, b) => Number(a[2]) - Number(b[2]));
  expect(await touches()).toEqual([['linkedin_message', 'out', Date.parse('2026-12-01T09:15:00.000Z'), null]]);

  // Budi answers: the chip offers to log that message.
  await page.evaluate(() => {
    const li = document.createElement('li');
    li.setAttribute('data-view-name', 'message-list-item');
    li.innerHTML =
      '<a href="https://www.linkedin.com/in/budi-santoso-fx25m/"><img alt="Budi Santoso"></a><span data-view-name="message-sender-name">Budi Santoso</span><time datetime="2026-12-04T02:30:00.000Z">9:30 AM</time><p>Thanks!</p>';
    document.querySelector('[data-view-name="message-thread"] ul')!.append(li);
  });
  await click(page, button('Log this conversation', chip));
  await until(() => page.$eval(`${chip} >>> ::-p-aria([name="Conversation logged"][role="button"])`, (b) => (b as HTMLButtonElement).disabled), 'Conversation logged again');
  expect((await touches()).map((t) => t.slice(0, 3))).toEqual([
    ['linkedin_message', 'out', Date.parse('2026-12-01T09:15:00.000Z')],
    ['linkedin_message', 'in', Date.parse('2026-12-04T02:30:00.000Z')],
  ]);

  // In-app to another thread (the partner there is known by member id only): its own chip, Add to pipeline.
  await page.evaluate(() => {
    history.pushState({}, '', '/messaging/thread/2-ANITA24/');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.waitForSelector(button('Add to pipeline', 'jalur-inline[data-member-id="ACoAAAnitaWirawan24abcdefgh1"]'));
  expect(await page.$$eval('jalur-inline', (els) => els.length)).toBe(1);
  await page.close();
});
