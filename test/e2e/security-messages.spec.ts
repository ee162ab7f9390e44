// A hostile page that gets hold of Jalur's content script (or a compromised content script) must get
// no more than the inline chip needs: no backup, no restore, no backend switch, no sign-in, no team,
// no settings, and none of extension storage (session, project URL and key). Driven from the real
// content-script world of a LinkedIn page (see ./content-world.ts).
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchContentWorld, type ContentWorld } from './content-world';
import { chromiumArgs, expect, fixture, openExtensionPage, serveLinkedIn, serviceWorker, test } from './harness';

const SHELL = fixture('linkedin-spa/shell.html');
const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';

type Reply = { ok: boolean; error?: string; data?: unknown };

test.beforeEach(async ({ context }) => {
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
});

/** A message as an extension page sends it. */
async function fromPage(page: Page, msg: unknown): Promise<Reply> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), msg) as Promise<Reply>;
}

/** A message sent from the content script's own world in the LinkedIn tab. */
async function fromContentScript(world: ContentWorld, msg: unknown): Promise<Reply> {
  const r = await world.evaluate<Reply>(`chrome.runtime.sendMessage(${JSON.stringify(msg)})`);
  expect(r.ok, r.error).toBe(true);
  return r.value as Reply;
}

async function clipRizky(context: Parameters<typeof watchContentWorld>[0], extensionId: string): Promise<{ page: Page; world: ContentWorld }> {
  const page = await context.newPage();
  const watch = await watchContentWorld(context, page, extensionId);
  await page.goto(RIZKY);
  const chip = page.locator('jalur-inline[data-slug="rizky-pratama-5e6f7a"]');
  await chip.getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(chip.locator('[data-stage="prospecting"]')).toBeVisible();
  return { page, world: await watch.world() };
}

test('a content script may look people up, and is refused backup, restore, connect, sign-in, team and settings', async ({
  context,
  extensionId,
}) => {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  // An empty pipeline's backup: restoring it from the page would wipe whoever is clipped next.
  const empty = await fromPage(options, { type: 'backup' });
  expect(empty.ok).toBe(true);
  const emptyBackup = (empty.data as { json: string }).json;

  const { world } = await clipRizky(context, extensionId);
  const settingsBefore = await fromPage(options, { type: 'settings' });
  const rizky = await fromContentScript(world, { type: 'lookup', slugs: ['rizky-pratama-5e6f7a'], emails: [] });
  expect(rizky.ok).toBe(true);
  const person = (rizky.data as { people: { prospectId: string; stageKey: string; name: string }[] }).people[0]!;
  expect(person).toMatchObject({ name: 'Rizky Pratama', stageKey: 'prospecting' });

  const refused = [
    { type: 'backup' },
    { type: 'restoreBackup', text: emptyBackup },
    { type: 'connect', url: 'https://attacker0000.supabase.co', anonKey: 'sb_publishable_attacker0000key' },
    { type: 'signIn', email: 'rep@attacker.example', password: 'hunter2hunter2' },
    { type: 'signUp', email: 'rep@attacker.example', password: 'hunter2hunter2' },
    { type: 'useTeam', teamId: '6f0f2a52-3c3e-4d55-9d55-2f7a8b8e0d11', bringLocal: true },
    { type: 'saveSettings', settings: null },
    { type: 'previewSettings', settings: null },
    { type: 'search', query: '', limit: 500 },
    { type: 'detail', id: person.prospectId },
    { type: 'update', id: person.prospectId, patch: { name: 'Pwned' } },
    { type: 'deleteProspect', id: person.prospectId },
    { type: 'exportCsv', kind: 'prospects', lang: 'en' },
    { type: 'board' },
    { type: 'account' },
    { type: 'disconnect' },
    { type: 'syncNow' },
    { type: 'changed' },
    { type: 'nonsense' },
  ];
  for (const msg of refused) {
    const reply = await fromContentScript(world, msg);
    expect(reply.ok, msg.type).toBe(false);
    expect(reply.error, msg.type).toMatch(/^Refused: a page may not ask Jalur for “[a-zA-Z]+”/);
  }
  // A chip clips with the source the site implies; a page may not forge another.
  const forged = await fromContentScript(world, {
    type: 'capture',
    input: { slug: 'budi-santoso-1a2b3c', email: null, name: 'Budi Santoso', headline: null, title: null, company: null, location: null, photoUrl: null, linkedinUrl: null, source: 'referral' },
  });
  expect(forged).toEqual({ ok: false, error: 'Refused: a page may only clip with source social_selling or email', code: 'refused' });

  // Lookup still works after all that, and the pipeline, account and settings are as they were.
  const again = await fromContentScript(world, { type: 'lookup', slugs: ['rizky-pratama-5e6f7a'], emails: [] });
  expect((again.data as { people: unknown[] }).people).toHaveLength(1);
  const search = await fromPage(options, { type: 'search', query: '', limit: 50 });
  expect((search.data as { items: { name: string }[] }).items.map((p) => p.name)).toEqual(['Rizky Pratama']);
  const account = await fromPage(options, { type: 'account' });
  expect(account.data).toMatchObject({ backend: null, user: null, scope: { mode: 'local' } });
  expect(await fromPage(options, { type: 'settings' })).toEqual(settingsBefore);
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await panel.getByRole('searchbox', { name: 'Search prospects' }).fill('Rizky');
  await expect(panel.getByText('Rizky Pratama').first()).toBeVisible();
});

test('content scripts cannot read or write extension storage; the options page still can', async ({ context, sw, extensionId }) => {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  // What a signed-in rep's browser holds (a stand-in session; nothing here talks to a project).
  const secrets = {
    backend: { url: 'https://abcd1234.supabase.co', anonKey: 'sb_publishable_teamprojectkey0000' },
    // Shaped like supabase-js's own (valid for an hour), so the worker's client keeps it as it is.
    'auth:jalur-session': JSON.stringify({
      access_token: 'secret-access-token',
      refresh_token: 'secret-refresh-token',
      token_type: 'bearer',
      expires_in: 3600,
      expires_at: Math.floor(Date.now() / 1000) + 3600,
      user: { id: '2d1f8a52-3c3e-4d55-9d55-2f7a8b8e0d11', aud: 'authenticated', role: 'authenticated', email: 'rep@example.com' },
    }),
  };
  await options.evaluate((s) => chrome.storage.local.set(s), secrets);

  const page = await context.newPage();
  const watch = await watchContentWorld(context, page, extensionId);
  await page.goto(RIZKY);
  await expect(page.locator('jalur-inline[data-slug="rizky-pratama-5e6f7a"]')).toHaveCount(1);
  const world = await watch.world();
  await world.evaluate(`(globalThis.__heard = [], chrome.storage.onChanged.addListener((c, area) => globalThis.__heard.push(area)), 'listening')`);

  for (const area of ['local', 'session']) {
    const read = await world.evaluate<Record<string, unknown>>(`chrome.storage.${area}.get(null)`);
    const seen = JSON.stringify(read.value ?? {});
    expect(seen).not.toContain('secret-access-token');
    expect(seen).not.toContain('supabase.co');
    expect(seen).not.toContain('auth:');
    // In Chromium the call is refused outright.
    expect(read.ok, area).toBe(false);
    expect(read.error).toMatch(/not allowed/);
  }
  const write = await world.evaluate(`chrome.storage.local.set({ backend: { url: 'https://attacker0000.supabase.co', anonKey: 'sb_publishable_attacker0000key' } })`);
  expect(write.ok).toBe(false);
  const remove = await world.evaluate(`chrome.storage.local.remove('auth:jalur-session')`);
  expect(remove.ok).toBe(false);

  // The extension's own pages and worker still read and write what they need.
  // Only the backend is compared: the worker moves a session left in storage.local by an earlier
  // version into the extension's IndexedDB whenever it next builds its client, so that key may
  // already be gone by now, and whether it is depends on timing.
  expect((await options.evaluate(() => chrome.storage.local.get('backend'))).backend).toEqual(secrets.backend);
  await options.evaluate(() => chrome.storage.local.remove(['backend', 'auth:jalur-session']));
  await options.reload();
  const notify = options.getByLabel('Notify me when follow-ups fall due (one summary)');
  await expect(notify).toBeChecked();
  await expect(notify).toBeEnabled();
  await notify.uncheck();
  await expect.poll(() => sw.evaluate(async () => (await chrome.storage.local.get('notifyDue')).notifyDue)).toBe(false);
  await options.reload();
  await expect(options.getByLabel('Notify me when follow-ups fall due (one summary)')).not.toBeChecked();

  // Nor did the content script hear any of those changes.
  expect((await world.evaluate<string[]>('globalThis.__heard')).value).toEqual([]);
});

test('settings from an extension page are taken whole: null or a partial object is refused and changes nothing', async ({
  context,
  extensionId,
}) => {
  const options = await openExtensionPage(context, extensionId, 'options.html');
  const { settings } = (await fromPage(options, { type: 'settings' })).data as { settings: Record<string, unknown> };
  const tuned = { ...settings, mqlThreshold: 35, defaultCurrency: 'IDR' };
  expect((await fromPage(options, { type: 'saveSettings', settings: tuned })).ok).toBe(true);

  expect(await fromPage(options, { type: 'saveSettings', settings: null })).toMatchObject({
    ok: false,
    error: 'settings: must be an object',
    code: 'invalid_value',
  });
  const partial = await fromPage(options, { type: 'saveSettings', settings: { mqlThreshold: 30 } });
  expect(partial.ok).toBe(false);
  expect(partial.error).toMatch(/^scoringRules: is missing/);
  expect(((await fromPage(options, { type: 'settings' })).data as { settings: unknown }).settings).toEqual(tuned);

  // The scoring editor shows the saved threshold, not the defaults.
  await options.reload();
  await expect(options.getByLabel(/MQL threshold/i)).toHaveValue('35');
});

test('after a browser restart the session is still there for the extension and still out of the content script’s reach', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jalur-e2e-restart-'));
  const launch = async () => {
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      ignoreDefaultArgs: ['--disable-extensions', '--disable-component-extensions-with-background-pages'],
      args: chromiumArgs(),
    });
    await context.route(
      (url) => url.protocol === 'http:' || url.protocol === 'https:',
      (route) => route.abort(),
    );
    await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, SHELL);
    const sw = await serviceWorker(context);
    return { context, extensionId: new URL(sw.url()).host };
  };
  try {
    const first = await launch();
    const options = await openExtensionPage(first.context, first.extensionId, 'options.html');
    await options.evaluate(() => chrome.storage.local.set({ 'auth:jalur-session': 'stand-in-session-secret' }));
    await first.context.close();

    // The LinkedIn page comes first after the restart, before any page of the extension is opened.
    const second = await launch();
    const page = await second.context.newPage();
    const watch = await watchContentWorld(second.context, page, second.extensionId);
    await page.goto(RIZKY);
    await expect(page.locator('jalur-inline[data-slug="rizky-pratama-5e6f7a"]')).toHaveCount(1);
    const read = await (await watch.world()).evaluate(`chrome.storage.local.get(null)`);
    expect(read.ok).toBe(false);
    expect(JSON.stringify(read.value ?? {})).not.toContain('stand-in-session-secret');
    const again = await openExtensionPage(second.context, second.extensionId, 'options.html');
    expect(await again.evaluate(() => chrome.storage.local.get('auth:jalur-session'))).toEqual({ 'auth:jalur-session': 'stand-in-session-secret' });
    await second.context.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
