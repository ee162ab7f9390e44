// One change the server cannot take no longer stops team sync: the built extension against the
// Supabase stand-in over the real PostgreSQL. A queued change holding a lone UTF-16 surrogate (as an
// earlier version could queue; PostgreSQL's jsonb refuses the whole sync_push call) is set aside, the
// rest syncs, and the options page lists it with the reason, Retry and Discard.
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type { StandIn } from '../stand-in/server';
import { launchWithExtension, serveLinkedIn, serviceWorker, fixture } from './harness';
import { E2E_BACKEND_DIR, serverProspects, serverView, standIn, teamIdOf, type Rep } from './team';

const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const AYU = 'https://www.linkedin.com/in/ayu-lestari-0c9d8e/';
const SHOTS = process.env.JALUR_SHOTS_DIR;

let server: StandIn;
let rep: Rep | undefined;

type Lang = 'en' | 'id';
const catalogue = (lang: Lang) =>
  JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Record<
    string,
    { message: string }
  >;

/** A browser profile in `lang` with Jalur, the LinkedIn fixtures and the stand-in reachable; signed up, in a new team. */
async function repIn(lang: Lang): Promise<Rep & { m: (key: string) => string }> {
  const messages = catalogue(lang);
  const m = (key: string) => messages[key]!.message;
  const { context, close } = await launchWithExtension({ extensionDir: E2E_BACKEND_DIR, lang });
  await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, fixture('linkedin-spa/shell.html'));
  await context.route(`${server.url}/**`, (route) => route.continue());
  const sw = await serviceWorker(context);
  const extensionId = new URL(sw.url()).host;
  const options = await context.newPage();
  await options.setViewportSize({ width: 1280, height: 900 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const email = `quarantine-${lang}-${randomUUID().slice(0, 8)}@e2e.example.com`;
  const password = `pw-${randomUUID()}`;
  await options.getByLabel(m('backendUrl')).fill(server.url);
  await options.getByLabel(m('backendAnonKey')).fill(server.anonKey);
  await options.getByRole('button', { name: m('backendConnect') }).click();
  await expect(options.getByTestId('backend-url')).toContainText(server.url);
  await options.getByLabel(m('accountEmail'), { exact: true }).fill(email);
  await options.getByLabel(m('accountPassword')).fill(password);
  await options.getByRole('button', { name: m('accountCreate') }).click();
  await expect(options.getByTestId('signed-in-as')).toContainText(email);
  await options.getByLabel(m('teamName')).fill(`Quarantine ${lang}`);
  await options.getByRole('button', { name: m('teamCreate') }).click();
  await expect(options.getByTestId('mode')).toContainText(`Quarantine ${lang}`);
  return { context, sw, extensionId, options, email, password, close, m };
}

test.beforeAll(async () => {
  server = await standIn();
});
test.afterAll(async () => {
  await server?.stop();
});
test.afterEach(async () => {
  await rep?.close();
  rep = undefined;
});

for (const lang of ['en', 'id'] as const) {
  test(`a change the server refuses as a whole batch is set aside and listed in options; the rest syncs (${lang})`, async () => {
    test.setTimeout(180_000);
    const r = await repIn(lang);
    rep = r;
    const { m } = r;
    const o = r.options;

    const page = await rep.context.newPage();
    await page.goto(RIZKY);
    await page
      .locator('jalur-inline')
      .getByRole('button', { name: m('addToPipeline') })
      .click();
    await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
    const asRep = await serverView(server, r);
    const teamId = await teamIdOf(r);
    await expect.poll(async () => (await serverProspects(asRep, teamId)).length, { timeout: 20_000 }).toBe(1);

    // Queued the way an earlier version could: straight into the team's outbox, with a lone surrogate.
    const prospectId = await o.evaluate(async () => {
      const name = (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.startsWith('jalur-team-'))!;
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const read = db.transaction('prospects').objectStore('prospects').getAll();
      const rows = await new Promise<{ id: string }[]>((res) => (read.onsuccess = () => res(read.result as { id: string }[])));
      const id = rows[0]!.id;
      const tx = db.transaction('outbox', 'readwrite');
      tx.objectStore('outbox').add({
        mutationId: crypto.randomUUID(),
        entity: 'prospect',
        op: 'upsert',
        entityId: id,
        fields: { name: 'Rizky \uD83D' },
        // Written after the creation (a later clock), so the server's last-writer rule keeps it.
        hlc: `${String(Date.now() + 1000).padStart(15, '0')}-000050-old`,
        createdAt: Date.now(),
      });
      await new Promise((res) => (tx.oncomplete = res));
      db.close();
      return id;
    });

    // A later change: before, it would have waited behind the refused one forever.
    await page.goto(AYU);
    await page
      .locator('jalur-inline')
      .getByRole('button', { name: m('addToPipeline') })
      .click();
    await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
    await expect
      .poll(async () => (await serverProspects(asRep, teamId)).map((r) => r.linkedin_slug).sort(), { timeout: 30_000 })
      .toEqual(['ayu-lestari-0c9d8e', 'rizky-pratama-5e6f7a']);

    await o.reload();
    const issues = o.getByRole('table', { name: m('syncIssuesCaption') });
    const row = issues.locator('tbody tr[data-quarantined="true"]');
    await expect(row).toHaveCount(1, { timeout: 20_000 });
    await expect(row).toContainText(m('syncIssueSetAside'));
    // The kind of record, in the UI's language.
    await expect(row).toContainText(m('syncEntity_prospect'));
    await expect(row).toContainText(/22P02|Unicode|surrogate|json/i);
    const named = (key: string) => m(key).replace('$1', m('syncEntity_prospect')).split('$2')[0]!;
    const retry = row.getByRole('button', { name: named('syncIssueRetryNamed') });
    await expect(retry).toBeVisible();
    await expect(row.getByRole('button', { name: named('syncIssueDiscardNamed') })).toBeVisible();
    await row.scrollIntoViewIfNeeded();
    if (SHOTS) await o.screenshot({ path: `${SHOTS}/options-quarantined-${lang}.png` });

    // Retry (by keyboard): the change goes again, made well-formed, and lands.
    await retry.focus();
    await o.keyboard.press('Enter');
    await expect(o.getByRole('status').filter({ hasText: m('syncIssueRetried') })).toBeVisible();
    await expect
      .poll(async () => (await serverProspects(asRep, teamId)).find((r) => r.id === prospectId)?.name, { timeout: 30_000 })
      .toBe('Rizky \uFFFD');
    await expect(issues).toHaveCount(0, { timeout: 20_000 });
  });
}
