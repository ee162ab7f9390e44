// Two reps, two Firefox profiles, one team: the e2e-backend build (it grants the loopback host up
// front, as temporary add-ons get their host permissions at install) against the Supabase stand-in
// over the real PostgreSQL (DATABASE_URL, from scripts/test-db.sh; npm test provides it). Also the
// Firefox-specific hole: extension storage is open to content scripts there, so the session must
// not be in it.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startStandIn, type StandIn } from '../stand-in/server';
import { LINKEDIN_SHELL, RIZKY, fixture } from '../shared/pages';
import { button, byLabel, click, inChip, launchFirefox, until, waitForText, type Firefox } from './harness';

const E2E_BACKEND_DIR = resolve(process.env.JALUR_FIREFOX_E2E_BACKEND_DIR ?? '.output-e2e/firefox-mv3');

interface Rep {
  ff: Firefox;
  options: Page;
  email: string;
  password: string;
}

let server: StandIn;
const reps: Rep[] = [];
beforeAll(async () => {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: the sync tests run through scripts/test-db.sh (npm test does this)');
  server = await startStandIn({ databaseUrl, bcryptCost: 4 });
});
afterAll(async () => {
  for (const r of reps) await r.ff.close();
  await server?.stop();
});

async function rep(label: string): Promise<Rep> {
  const ff = await launchFirefox({ extensionDir: E2E_BACKEND_DIR });
  ff.serve(/^https:\/\/[a-z]+\.linkedin\.com\//, fixture(LINKEDIN_SHELL));
  const r = { ff, options: await ff.openExtensionPage('options.html'), email: `${label}-${randomUUID().slice(0, 8)}@e2e.example.com`, password: `pw-${randomUUID()}` };
  reps.push(r);
  return r;
}

async function fill(page: Page, label: string, value: string): Promise<void> {
  await page.locator(await byLabel(page, label)).fill(value);
}

async function connectAndSignUp(r: Rep): Promise<void> {
  await fill(r.options, 'Project URL', server.url);
  await fill(r.options, 'Anon key', server.anonKey);
  await click(r.options, button('Connect'));
  await waitForText(r.options, '[data-testid="backend-url"]', server.url);
  await fill(r.options, 'Email', r.email);
  await fill(r.options, 'Password', r.password);
  await click(r.options, button('Create account'));
  await waitForText(r.options, '[data-testid="signed-in-as"]', r.email);
}

it('a rep clips a profile; a teammate in another Firefox sees its stage inline; no token in extension storage', async () => {
  const sari = await rep('sari');
  await connectAndSignUp(sari);
  await fill(sari.options, 'Team name', 'Nusa Ringan sales');
  await click(sari.options, button('Create team'));
  await waitForText(sari.options, '[data-testid="mode"]', 'Nusa Ringan sales');
  await click(sari.options, button('Create invite code'));
  const code = await waitForText(sari.options, '[data-testid="invite-code"]', /^[A-Z0-9-]{10,}$/);

  // Firefox lets content scripts read storage.local: signed in, nothing there may carry a token.
  const stored = await sari.ff.ext<Record<string, unknown>>('browser.storage.local.get(null)');
  expect(Object.keys(stored).filter((k) => k.startsWith('auth:'))).toEqual([]);
  expect(JSON.stringify(stored)).not.toMatch(/access_token|refresh_token/);
  // The session is in the extension's own IndexedDB instead.
  const kept = await sari.ff.ext<string | null>(`new Promise((resolve) => {
    const open = indexedDB.open('jalur-secrets');
    open.onsuccess = () => {
      const req = open.result.transaction('kv').objectStore('kv').get('auth:jalur-session');
      req.onsuccess = () => { open.result.close(); resolve(typeof req.result === 'string' ? req.result : null); };
    };
  })`);
  expect(kept).toMatch(/refresh_token/);

  const bayu = await rep('bayu');
  await connectAndSignUp(bayu);
  await fill(bayu.options, 'Invite code', code);
  await click(bayu.options, button('Join team'));
  await waitForText(bayu.options, '[data-testid="mode"]', 'Nusa Ringan sales');

  const page = await sari.ff.open(RIZKY.url);
  await click(page, button('Add to pipeline', 'jalur-inline'));
  await inChip(page, '[data-stage="prospecting"]');
  const panel = await sari.ff.openExtensionPage('sidepanel.html');
  await until(() => panel.$('[data-sync="synced"]'), 'Sari synced', 30_000);

  // Bayu's chip knows Rizky: pulled from the team (a page showing a person pulls).
  const seen = await bayu.ff.open(RIZKY.url);
  await until(
    async () => (await seen.$(`jalur-inline >>> [data-stage="prospecting"]`)) ?? (await seen.reload(), null),
    "the teammate's clip inline",
    30_000,
  );
}, 300_000); // two Firefox profiles, each launched and signed up
