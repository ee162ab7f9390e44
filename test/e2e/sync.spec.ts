// Two reps, two browser profiles, one team: the built extension against the Supabase stand-in
// (PostgREST and GoTrue stood in for over the real PostgreSQL with the real migrations).
import { expect, test } from '@playwright/test';
import type { StandIn } from '../stand-in/server';
import { isFreshWorker, stopServiceWorker } from './harness';
import {
  connectAndSignUp,
  createTeam,
  inviteCode,
  joinTeam,
  profiles,
  serverProspects,
  serverStageOf,
  serverView,
  sidePanel,
  standIn,
  teamIdOf,
  type Rep,
} from './team';

const RIZKY = 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/';
const AYU = 'https://www.linkedin.com/in/ayu-lestari-0c9d8e/';

let server: StandIn;
const browsers = profiles(() => server);
const rep = browsers.rep;

test.beforeAll(async () => {
  server = await standIn();
});
test.afterAll(async () => {
  await server?.stop();
});
test.afterEach(async () => {
  server.faults.rpc = undefined;
  await server.comeBack().catch(() => undefined);
  await browsers.closeAll();
});

test('a rep clips a profile; a teammate in another browser sees its stage inline', async () => {
  test.setTimeout(120_000);
  const { owner: sari, teammate: bayu } = await browsers.teamOfTwo('Nusa Ringan sales');

  const page = await sari.context.newPage();
  await page.goto(RIZKY);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  const asSari = await serverView(server, sari);
  const sariTeam = await teamIdOf(sari);
  await expect.poll(() => serverStageOf(asSari, sariTeam, 'rizky-pratama-5e6f7a'), { timeout: 15_000 }).toBe('prospecting');
  const panel = await sidePanel(sari);
  await expect(panel.locator('[data-sync="synced"]')).toBeVisible({ timeout: 15_000 });
  const synced = Date.now();

  const seen = await bayu.context.newPage();
  await seen.goto(RIZKY);
  const chip = seen.locator('jalur-inline[data-slug="rizky-pratama-5e6f7a"] [data-stage="prospecting"]');
  await expect(chip).toContainText('Prospecting');
  console.log(`teammate's clip shown inline ${Date.now() - synced} ms after it was synced`);

  // And back: Bayu moves the prospect on; Sari sees the new stage on her page.
  const bayuPanel = await bayu.context.newPage();
  await bayuPanel.goto(`chrome-extension://${bayu.extensionId}/sidepanel.html`);
  await bayuPanel.getByRole('searchbox', { name: 'Search prospects' }).fill('Rizky');
  await bayuPanel.locator('.results li button').first().click();
  await bayuPanel.getByLabel('Stage').selectOption('qualification');
  const asBayu = await serverView(server, bayu);
  const teamId = await teamIdOf(bayu);
  await expect.poll(() => serverStageOf(asBayu, teamId, 'rizky-pratama-5e6f7a'), { timeout: 15_000 }).toBe('qualification');
  const moved = Date.now();
  await page.reload();
  await expect(page.locator('jalur-inline [data-stage="qualification"]')).toBeVisible({ timeout: 15_000 });
  console.log(`teammate's stage change shown inline ${Date.now() - moved} ms after it was synced`);
});

test('clipping while the server is down: the change waits, then arrives once it is back', async () => {
  test.setTimeout(120_000);
  const nadia = await rep('nadia');
  await connectAndSignUp(nadia, server);
  await createTeam(nadia, 'Offline team');
  const panel = await sidePanel(nadia);
  await expect(panel.locator('[data-sync="synced"]')).toBeVisible({ timeout: 15_000 });

  await server.goDown();
  const page = await nadia.context.newPage();
  await page.goto(AYU);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  // Nothing blocks on the network: the chip shows the stage at once.
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  await expect(panel.locator('[data-sync="offline"]')).toContainText(/changes waiting/, { timeout: 15_000 });

  await server.comeBack();
  await panel.getByRole('button', { name: 'Retry' }).click();
  await expect(panel.locator('[data-sync="synced"]')).toBeVisible({ timeout: 15_000 });
  const rows = await serverProspects(await serverView(server, nadia), await teamIdOf(nadia));
  expect(rows.map((r) => r.linkedin_slug)).toEqual(['ayu-lestari-0c9d8e']);
});

test('the service worker stopped in the middle of a push: nothing is lost, nothing doubled', async () => {
  test.setTimeout(120_000);
  const eko = await rep('eko');
  await connectAndSignUp(eko, server);
  await createTeam(eko, 'Worker team');
  const panel = await sidePanel(eko);
  await expect(panel.locator('[data-sync="synced"]')).toBeVisible({ timeout: 15_000 });

  // The first push is held at the server until the worker that sent it has been stopped; the
  // server then commits it and answers nobody.
  let stopped = false;
  let stopFailed: unknown = null;
  server.faults.rpc = async (fn) => {
    if (fn !== 'sync_push' || stopped) return undefined;
    stopped = true;
    await stopServiceWorker(eko.context, eko.sw).catch((e: unknown) => (stopFailed = e));
    return undefined;
  };
  const page = await eko.context.newPage();
  await page.goto(RIZKY);
  await page.locator('jalur-inline').getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  await expect.poll(() => stopped, { timeout: 15_000 }).toBe(true);

  // A fresh worker picks the queue up again (here: the rep presses Sync now / Retry).
  await panel.reload();
  await panel.locator('[data-sync] button').click();
  await expect(panel.locator('[data-sync="synced"]')).toBeVisible({ timeout: 20_000 });
  // The premise held: the worker that sent the push was really stopped, and a fresh one finished it.
  expect(stopFailed).toBeNull();
  expect(await isFreshWorker(eko.context)).toBe(true);
  const rows = await serverProspects(await serverView(server, eko), await teamIdOf(eko));
  expect(rows.filter((r) => r.linkedin_slug === 'rizky-pratama-5e6f7a')).toHaveLength(1);
});
