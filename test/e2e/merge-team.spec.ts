// Merging in a team: two reps, two browser profiles, the built extension against the Supabase
// stand-in over the real migrations. One rep merges a duplicate; the teammate's browser ends up with
// the tombstone pointing at the survivor, and the survivor with every touch of both.
import { expect, test, type Page } from '@playwright/test';
import type { StandIn } from '../stand-in/server';
import { profiles, serverProspects, serverView, standIn, teamIdOf } from './team';

let server: StandIn;
const browsers = profiles(() => server);

test.beforeAll(async () => {
  server = await standIn();
});
test.afterAll(async () => {
  await server?.stop();
});
test.afterEach(async () => {
  await browsers.closeAll();
});

/** A request to the background from an extension page, as the UI sends it. */
async function ask(page: Page, req: unknown): Promise<any> {
  return page.evaluate(async (r) => {
    const reply = (await chrome.runtime.sendMessage(r)) as { ok: boolean; data: unknown; error?: string };
    if (!reply.ok) throw new Error(reply.error);
    return reply.data;
  }, req);
}

test('a merge on one browser reaches the teammate: the other is a tombstone pointing at the survivor, who has every touch', async () => {
  test.setTimeout(300_000);
  const { owner: sari, teammate: bayu } = await browsers.teamOfTwo('Nusa Ringan merge');
  const panel = await sari.context.newPage();
  await panel.goto(`chrome-extension://${sari.extensionId}/sidepanel.html?view=today`);
  const base = { headline: null, location: 'Jakarta', photoUrl: null, linkedinUrl: null };
  const siti = (await ask(panel, { type: 'capture', input: { ...base, slug: 'siti-rahmawati-team', email: null, name: 'Siti Rahmawati', title: 'Head of Procurement', company: 'Nusantara Logistik' } })).prospect.id as string;
  const dup = (await ask(panel, { type: 'capture', input: { ...base, slug: null, email: 'siti.r@nusantara-logistik.co.id', name: 'Siti R.', title: 'Procurement Lead', company: null } })).prospect.id as string;
  await ask(panel, { type: 'logTouch', prospectId: siti, channel: 'linkedin_message', direction: 'out', note: 'Connected on LinkedIn' });
  await ask(panel, { type: 'logTouch', prospectId: dup, channel: 'email', direction: 'in', note: 'Replied about the pilot' });

  const asSari = await serverView(server, sari);
  const teamId = await teamIdOf(sari);
  const onServer = async (id: string) => (await serverProspects(asSari, teamId)).find((p) => p.id === id);
  await expect.poll(async () => (await onServer(dup))?.deleted_at, { timeout: 30_000 }).toBeNull();

  // Bayu has both before the merge.
  const bayuPanel = await bayu.context.newPage();
  await bayuPanel.goto(`chrome-extension://${bayu.extensionId}/sidepanel.html?view=today`);
  await expect(async () => {
    await ask(bayuPanel, { type: 'syncNow' }).catch(() => undefined);
    expect((await ask(bayuPanel, { type: 'search', query: 'siti', limit: 10 })).items).toHaveLength(2);
  }).toPass({ timeout: 60_000 });

  // Sari merges the mail record into the LinkedIn one, in the person view.
  await panel.goto(`chrome-extension://${sari.extensionId}/sidepanel.html?person=${siti}`);
  const hint = panel.getByRole('note').filter({ hasText: 'Possible duplicate' });
  await hint.getByRole('button', { name: 'Merge Siti R. with this person' }).click();
  const dialog = panel.getByRole('dialog', { name: 'Merge two people' });
  await expect(dialog.getByRole('radio', { name: 'Keep Siti Rahmawati' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(panel.locator('#jalur-toasts')).toContainText('Merged Siti R. into Siti Rahmawati.');

  // The server holds the tombstone, pointing at the survivor.
  await expect.poll(async () => (await onServer(dup))?.merged_into, { timeout: 30_000 }).toBe(siti);
  expect((await onServer(dup))?.deleted_at).not.toBeNull();

  // Bayu's browser: one Siti, the other's record opens as her, and she has both touches.
  await expect(async () => {
    await ask(bayuPanel, { type: 'syncNow' }).catch(() => undefined);
    expect((await ask(bayuPanel, { type: 'search', query: 'siti', limit: 10 })).items.map((p: { id: string }) => p.id)).toEqual([siti]);
  }).toPass({ timeout: 60_000 });
  const survivor = await ask(bayuPanel, { type: 'detail', id: siti });
  expect(survivor.touches.map((t: { note: string }) => t.note).sort()).toEqual(['Connected on LinkedIn', 'Replied about the pilot']);
  expect(survivor.prospect.emails).toContain('siti.r@nusantara-logistik.co.id');
  const tombstone = await bayuPanel.evaluate(async (id) => {
    const scope = (await chrome.storage.local.get('scope')).scope as { teamId: string; userId: string };
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      // The team's database (lib/sync/scope.ts dbNameFor).
      const r = indexedDB.open(`jalur-team-${scope.teamId}-${scope.userId}`);
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const row = await new Promise<{ deletedAt: number | null; mergedInto?: string | null }>((ok, fail) => {
      const r = db.transaction('prospects').objectStore('prospects').get(id);
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    db.close();
    return row;
  }, dup);
  expect(tombstone.deletedAt).not.toBeNull();
  expect(tombstone.mergedInto).toBe(siti);
  // A view still open on the merged-away person shows the survivor.
  await bayuPanel.goto(`chrome-extension://${bayu.extensionId}/sidepanel.html?person=${dup}`);
  await expect(bayuPanel.locator('article.detail h2')).toHaveText('Siti Rahmawati');
  await expect(bayuPanel.getByRole('button', { name: /Touches \(2\)/ })).toBeVisible();
});
