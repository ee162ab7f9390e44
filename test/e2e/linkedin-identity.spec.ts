import { expect, fixture, openExtensionPage, serveLinkedIn, tabIdOf, test } from './harness';

// Identity by member id and the profiles that used to defeat the chip or the popup, in the built
// extension: a 2026 profile without contact info, one opened by member id first and by slug later
// (one person, never two), a public profile whose name sits in the page's button and has no
// headline, and a profile that never draws a top card Jalur knows (the popup must not hang).

const OSKAR = { url: 'https://www.linkedin.com/in/oskar-lindqvist-mensah-fx26b/', slug: 'oskar-lindqvist-mensah-fx26b', name: 'Oskar Lindqvist-Mensah' };
const OSKAR_ID = 'ACoAAFx26bOskarLindqvistMensah0000001';
const BY_ID = `https://www.linkedin.com/in/${OSKAR_ID}/`;
const WULAN = 'https://id.linkedin.com/in/wulan-kartikasari-fx25p';

test('2026 profile without contact info: chip with slug and member id, popup fields read from the card', async ({ context, sw, extensionId }) => {
  await serveLinkedIn(context, /^https:\/\/www\.linkedin\.com\//, fixture('linkedin/2026-sdui-no-contact.html'));
  const page = await context.newPage();
  await page.goto(OSKAR.url);
  const chip = page.locator('jalur-inline');
  await expect(chip).toHaveCount(1);
  await expect(chip).toHaveAttribute('data-slug', OSKAR.slug);
  await expect(chip).toHaveAttribute('data-member-id', OSKAR_ID);
  // Beside the name in the card, never in the nav.
  await expect(page.locator('header jalur-inline')).toHaveCount(0);
  await expect(page.locator('section h2 + jalur-inline')).toHaveCount(1);

  const popup = await openExtensionPage(context, extensionId, `popup.html?tabId=${await tabIdOf(sw, OSKAR.url)}`);
  await expect(popup.getByLabel('Name')).toHaveValue(OSKAR.name);
  await expect(popup.getByLabel('Headline')).toHaveValue('Senior Buyer, Nordic Markets');
  await expect(popup.getByLabel('Company')).toHaveValue('Fjordline Freight AS');
  await expect(popup.getByLabel('Location')).toHaveValue('Bergen, Vestland, Norway');
  await expect(popup.getByLabel('LinkedIn URL')).toHaveValue(OSKAR.url);
});

test('first seen by member id, later by slug: one person who gains the slug', async ({ context, sw, extensionId }) => {
  await serveLinkedIn(context, /^https:\/\/www\.linkedin\.com\//, fixture('linkedin/2026-sdui-no-contact.html'));
  const page = await context.newPage();
  await page.goto(BY_ID);
  const chip = page.locator('jalur-inline');
  await expect(chip).toHaveAttribute('data-member-id', OSKAR_ID);
  await expect(chip).not.toHaveAttribute('data-slug', /.*/);
  await chip.getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(chip.locator('[data-stage="prospecting"]')).toBeVisible();

  // The same person's page at their vanity URL: recognised by the member id the card shows.
  await page.goto(OSKAR.url);
  await expect(page.locator('jalur-inline')).toHaveAttribute('data-slug', OSKAR.slug);
  await expect(page.locator('jalur-inline [data-stage="prospecting"]')).toBeVisible();
  // Clipping again from here fills in the slug; still one person.
  const popup = await openExtensionPage(context, extensionId, `popup.html?tabId=${await tabIdOf(sw, OSKAR.url)}`);
  await expect(popup.getByLabel('Stage')).toHaveValue('prospecting');
  await popup.getByText('Edit details').click();
  await popup.getByRole('button', { name: 'Save changes' }).click();
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html');
  await panel.getByRole('searchbox', { name: 'Search prospects' }).fill('Oskar');
  await expect(panel.locator('.results li')).toHaveCount(1);
  const stored = await sw.evaluate(async () => {
    const open = indexedDB.open('jalur');
    const db = await new Promise<IDBDatabase>((ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => ko(open.error))));
    const all = db.transaction('prospects').objectStore('prospects').getAll();
    const rows = await new Promise<{ slug: string | null; memberId: string | null; deletedAt: number | null }[]>((ok) => (all.onsuccess = () => ok(all.result)));
    db.close();
    return rows.filter((r) => r.deletedAt === null).map((r) => [r.slug, r.memberId]);
  });
  expect(stored).toEqual([[OSKAR.slug, OSKAR_ID]]);
});

test('public profile: the chip sits after the page’s button, and a missing headline stays empty', async ({ context, sw, extensionId }) => {
  await serveLinkedIn(context, /^https:\/\/id\.linkedin\.com\//, fixture('linkedin/public-2025-signin-button.html'));
  const page = await context.newPage();
  await page.goto(WULAN);
  await expect(page.locator('jalur-inline')).toHaveCount(1);
  await expect(page.locator('button jalur-inline, a jalur-inline')).toHaveCount(0);
  await expect(page.locator('button.top-card-layout__title-button + jalur-inline')).toHaveCount(1);
  const popup = await openExtensionPage(context, extensionId, `popup.html?tabId=${await tabIdOf(sw, WULAN)}`);
  await expect(popup.getByLabel('Name')).toHaveValue('Wulan Kartikasari');
  await expect(popup.getByLabel('Location')).toHaveValue('Surabaya, East Java, Indonesia');
  await expect(popup.getByLabel('Headline')).toHaveValue('');
});

test('a profile that never draws a readable top card: the popup offers the typed-name form, not Loading…', async ({ context, sw, extensionId }) => {
  const url = 'https://www.linkedin.com/in/rani-setiawati-fx7/';
  await serveLinkedIn(context, /^https:\/\/www\.linkedin\.com\//, fixture('linkedin/spa-shell-unrendered.html'));
  const page = await context.newPage();
  await page.goto(url);
  const popup = await openExtensionPage(context, extensionId, `popup.html?tabId=${await tabIdOf(sw, url)}`);
  await expect(popup.getByLabel('LinkedIn URL')).toHaveValue(url);
  await expect(popup.getByLabel('Name')).toHaveValue('');
  await expect(popup.getByText('Loading…')).toHaveCount(0);
  await popup.getByLabel('Name').fill('Rani Setiawati');
  await popup.getByRole('button', { name: 'Add to pipeline' }).click();
  await expect(popup.getByLabel('Stage')).toHaveValue('prospecting');
});
