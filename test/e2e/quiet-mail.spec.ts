// "Show Jalur in Gmail and Outlook" unticked: the mail sites' pages are exactly what they would be
// without Jalur — no element, attribute, style or message — while Jalur still reads the open
// conversation for the popup, the side panel and the shortcut. Proved like LinkedIn's quiet mode
// (quiet-mode.spec.ts, helpers in page-probe.ts): the same Gmail and Outlook visits, a conversation and
// then the message list reached in-app, loaded without Jalur and with Jalur quiet, compared in full.
// With the chips shown the same comparison differs, so it can fail. The option is independent of
// LinkedIn's, and ticking it again brings the chips back to open tabs without a reload.
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { expect, launchWithExtension, openExtensionPage, serveLinkedIn, serviceWorker, tabIdOf, test } from './harness';
import { MAIL } from '../shared/pages';
import { closeLog, probe, recorder, snapshot } from './page-probe';

const SHOTS = '/tmp/shots/quiet-mail-ui';
type Mode = 'without' | 'quiet' | 'shown';

interface Site {
  name: string;
  host: string;
  route: RegExp;
  app: () => string;
  conversation: string;
  /** The conversation is drawn (the page's own doing, in every run). */
  drawn: (page: Page) => Promise<void>;
  /** In-app, without a reload, to the message list, and the list drawn. */
  toList: (page: Page) => Promise<void>;
}

const SITES: Site[] = [
  {
    name: 'Gmail',
    host: '^mail\\.google\\.com$',
    route: /^https:\/\/mail\.google\.com\//,
    app: MAIL.gmail.app,
    conversation: MAIL.gmail.thread,
    drawn: (page) => expect(page.locator('h2.hP')).toBeVisible(),
    toList: async (page) => {
      await page.evaluate(() => (location.hash = '#inbox'));
      await expect(page.locator('tr.zA')).toHaveCount(7);
    },
  },
  {
    name: 'Outlook',
    host: '^outlook\\.office\\.com$',
    route: /^https:\/\/outlook\.office\.com\//,
    app: MAIL.outlook.app,
    conversation: MAIL.outlook.origin + MAIL.outlook.pane,
    drawn: (page) => expect(page.locator('[role="document"]')).toBeVisible(),
    toList: async (page) => {
      await page.evaluate(() => {
        history.pushState({}, '', '/mail/inbox');
        dispatchEvent(new PopStateEvent('popstate'));
      });
      await expect(page.locator('[role="option"]')).toHaveCount(8);
    },
  },
];

interface Run {
  /** DOM of the conversation, then of the message list. */
  doms: string[][];
  seen: string[];
}

/** Count, per tab, the content scripts' `pageSettings` questions and `pageChanged` notices the worker receives. */
async function countScriptMessages(sw: Worker): Promise<void> {
  await sw.evaluate(() => {
    const g = self as unknown as { __from: Record<string, number> };
    g.__from = {};
    chrome.runtime.onMessage.addListener((m: { type?: string }, sender) => {
      if (sender.tab?.id !== undefined && (m?.type === 'pageSettings' || m?.type === 'pageChanged')) {
        const key = `${m.type}:${sender.tab.id}`;
        g.__from[key] = (g.__from[key] ?? 0) + 1;
      }
      return undefined;
    });
  });
}

function received(sw: Worker, type: string, tabId: number): Promise<number> {
  return sw.evaluate((key) => (self as unknown as { __from: Record<string, number> }).__from[key] ?? 0, `${type}:${tabId}`);
}

/** The people the content script reads from the tab (what the popup and side panel ask for). */
function peopleRead(sw: Worker, tabId: number): Promise<string[]> {
  return sw.evaluate(async (id) => ((await chrome.tabs.sendMessage(id, { type: 'people' })) as Array<{ fields: { email: { value: string } } }>).map((d) => d.fields.email.value), tabId);
}

async function trackAnita(context: BrowserContext, sw: Worker): Promise<void> {
  const page = await openExtensionPage(context, new URL(sw.url()).host, 'options.html');
  const reply = await page.evaluate(
    (email) =>
      chrome.runtime.sendMessage({
        type: 'capture',
        input: { slug: null, email, name: 'Anita Wirawan', headline: null, title: null, company: null, location: null, photoUrl: null, linkedinUrl: null, source: 'email' },
      }),
    MAIL.anita,
  );
  expect(reply.ok).toBe(true);
  await page.close();
}

async function visit(site: Site, mode: Mode): Promise<Run> {
  const { context, close } = await launchWithExtension({ withExtension: mode !== 'without' });
  try {
    await serveLinkedIn(context, site.route, site.app());
    let sw: Worker | null = null;
    if (mode !== 'without') {
      sw = await serviceWorker(context);
      if (mode === 'quiet') await sw.evaluate(() => chrome.storage.local.set({ showOnMail: false }));
      await trackAnita(context, sw);
      await countScriptMessages(sw);
    }
    const page = await context.newPage();
    await page.addInitScript(recorder, site.host);
    const doms: string[][] = [];
    await page.goto(site.conversation);
    await site.drawn(page);
    if (sw) {
      const tabId = await tabIdOf(sw, site.conversation);
      // The mail script asked whether to show anything and has read the conversation's people.
      await expect.poll(() => received(sw!, 'pageSettings', tabId)).toBe(1);
      await expect.poll(() => received(sw!, 'pageChanged', tabId)).toBe(1);
      expect((await peopleRead(sw, tabId)).sort()).toEqual([MAIL.anita, MAIL.budi].sort());
      if (mode === 'shown') await expect(page.locator('jalur-inline')).toHaveCount(2);
    }
    doms.push(await snapshot(page));

    await site.toList(page);
    if (sw) {
      const tabId = await tabIdOf(sw, page.url());
      // It saw the move to the list (nobody in a conversation any more).
      await expect.poll(() => received(sw!, 'pageChanged', tabId)).toBe(2);
      if (mode === 'shown') await expect(page.locator('jalur-mark')).toHaveCount(1);
    }
    doms.push(await snapshot(page));
    await closeLog(page);
    return { doms, seen: await probe(page) };
  } finally {
    await close();
  }
}

test.describe.configure({ timeout: 360_000 });

for (const site of SITES) {
  test(`${site.name} with "Show Jalur in Gmail and Outlook" unticked: the conversation and the list are exactly as without Jalur (DOM, styles, mutations, messages); shown, they differ`, async () => {
    const base = await visit(site, 'without');
    // The recorder saw the page at work (the comparison is not of two empty logs).
    expect(base.seen.filter((s) => s.startsWith('mutation')).length).toBeGreaterThan(5);
    expect(base.seen.at(-1)).toMatch(/ \(self\): "end"$/);

    const quiet = await visit(site, 'quiet');
    expect(quiet.doms[0], 'DOM of the conversation').toEqual(base.doms[0]);
    expect(quiet.doms[1], 'DOM of the message list').toEqual(base.doms[1]);
    expect(quiet.seen).toEqual(base.seen);

    // The comparison can fail: with the chips shown, the same visit differs by exactly Jalur's elements.
    const shown = await visit(site, 'shown');
    expect(shown.doms[0]).not.toEqual(base.doms[0]);
    expect(shown.doms[0]!.some((l) => l.includes('<jalur-inline') && l.includes(`data-email="${MAIL.budi}"`))).toBe(true);
    expect(shown.doms[1]!.some((l) => l.includes('<jalur-mark') && l.includes(`data-email="${MAIL.anita}"`))).toBe(true);
    expect(shown.seen.some((s) => s.includes('jalur-inline'))).toBe(true);
  });
}

test('unticked in options, chips leave open Gmail and Outlook tabs; the popup and side panel still read them; ticked again, the chips return; LinkedIn’s option leaves mail alone', async ({
  context,
  sw,
  extensionId,
}) => {
  for (const site of SITES) await serveLinkedIn(context, site.route, site.app());
  const gmail = await context.newPage();
  await gmail.goto(MAIL.gmail.thread);
  const outlookUrl = MAIL.outlook.origin + MAIL.outlook.pane;
  const outlook = await context.newPage();
  await outlook.goto(outlookUrl);
  await expect(gmail.locator('jalur-inline')).toHaveCount(2);
  await expect(outlook.locator('jalur-inline')).toHaveCount(2);

  const options = await openExtensionPage(context, extensionId, 'options.html');
  const mail = options.getByRole('checkbox', { name: 'Show Jalur in Gmail and Outlook' });
  await expect(mail).toBeChecked();
  // Quiet on LinkedIn is a LinkedIn choice: the mail chips stay.
  await options.getByRole('checkbox', { name: 'Show Jalur on LinkedIn pages' }).uncheck();
  await expect.poll(() => options.evaluate(() => chrome.storage.local.get(['showOnLinkedIn', 'showOnMail']))).toEqual({ showOnLinkedIn: false });
  // A mail page loaded now asks and is told to show its chips.
  await gmail.reload();
  await expect(gmail.locator('jalur-inline')).toHaveCount(2);

  await mail.uncheck();
  await expect.poll(() => options.evaluate(() => chrome.storage.local.get('showOnMail'))).toEqual({ showOnMail: false });
  await expect(gmail.locator('jalur-inline, jalur-mark')).toHaveCount(0);
  await expect(outlook.locator('jalur-inline, jalur-mark')).toHaveCount(0);

  // Still read: the popup offers the conversation's people, and the side panel shows its person.
  const popup = await openExtensionPage(context, extensionId, `popup.html?tabId=${await tabIdOf(sw, outlookUrl)}`);
  await popup.getByLabel('Person').selectOption(MAIL.budi);
  await expect(popup.getByLabel('Name')).toHaveValue('Budi Hartono');
  await popup.getByRole('button', { name: 'Add to pipeline' }).click();
  const panel = await openExtensionPage(context, extensionId, `sidepanel.html?tabId=${await tabIdOf(sw, MAIL.gmail.thread)}`);
  await expect(panel.getByRole('tab', { name: /Person/ })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByLabel('Name', { exact: true })).toHaveValue('Anita Wirawan');
  // Nothing was added to either page meanwhile, not even after a change in the pipeline.
  expect(await outlook.evaluate(() => document.querySelectorAll('jalur-inline, jalur-mark').length)).toBe(0);
  expect(await gmail.evaluate(() => document.querySelectorAll('jalur-inline, jalur-mark').length)).toBe(0);

  // Ticked again: both tabs get their chips back without a reload, Budi's with his stage.
  await mail.check();
  await expect(gmail.locator('jalur-inline')).toHaveCount(2);
  await expect(outlook.locator(`jalur-inline[data-email="${MAIL.budi}"] [data-stage="prospecting"]`)).toBeVisible();
});

const WORDS = {
  en: { mail: 'Show Jalur in Gmail and Outlook', heading: 'Gmail and Outlook', linkedin: 'Show Jalur on LinkedIn pages' },
  id: { mail: 'Tampilkan Jalur di Gmail dan Outlook', heading: 'Gmail dan Outlook', linkedin: 'Tampilkan Jalur di halaman LinkedIn' },
} as const;

for (const lang of ['en', 'id'] as const) {
  test(`the mail option on the welcome page and in options, ticked by default, axe clean (${lang})`, async () => {
    const w = WORDS[lang];
    mkdirSync(SHOTS, { recursive: true });
    const { context, close } = await launchWithExtension({ lang, keepWelcome: true });
    try {
      await expect.poll(() => context.pages().some((p) => p.url().endsWith('/welcome.html')), { timeout: 60_000 }).toBe(true);
      const welcome = context.pages().find((p) => p.url().endsWith('/welcome.html'))!;
      await welcome.setViewportSize({ width: 1280, height: 900 });
      await expect(welcome.getByRole('heading', { level: 3, name: w.heading })).toBeVisible();
      const option = welcome.getByRole('checkbox', { name: w.mail });
      await expect(option).toBeChecked();
      await expect(welcome.getByRole('checkbox', { name: w.linkedin })).toBeChecked();
      const axe = await new AxeBuilder({ page: welcome }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await option.scrollIntoViewIfNeeded();
      await welcome.screenshot({ path: `${SHOTS}/welcome-mail-${lang}.png` });

      // Unticked on the welcome page: options shows the same choice (one setting, per browser).
      await option.uncheck();
      const sw = await serviceWorker(context);
      const options = await openExtensionPage(context, new URL(sw.url()).host, 'options.html');
      await options.setViewportSize({ width: 1280, height: 900 });
      const section = options.getByRole('region', { name: w.heading });
      await expect(section.getByRole('checkbox', { name: w.mail })).not.toBeChecked();
      // The hint is the checkbox's description.
      await expect(section.getByRole('checkbox', { name: w.mail })).toHaveAccessibleDescription(/Gmail/);
      const axeOptions = await new AxeBuilder({ page: options }).include('section[aria-labelledby="mail-pref-h"]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
      expect(axeOptions.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await section.scrollIntoViewIfNeeded();
      await options.screenshot({ path: `${SHOTS}/options-mail-${lang}.png` });
    } finally {
      await close();
    }
  });
}
