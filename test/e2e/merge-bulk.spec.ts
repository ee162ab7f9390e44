// Merging two people in the person view, and bulk actions on the board (selection by shift-click
// and by keyboard, one Undo for the batch), in the built extension.
import type { Page } from '@playwright/test';
import { expect, openExtensionPage, test } from './harness';

type Input = { slug: string | null; email: string | null; name: string; title?: string | null; company?: string | null };

/** People, touches and follow-ups made through the background, as the UI makes them. */
async function seed(page: Page, people: Input[], extra?: 'merge-history'): Promise<string[]> {
  return page.evaluate(
    async ({ people, extra }) => {
      const ask = async (req: unknown) => {
        const r = (await chrome.runtime.sendMessage(req)) as { ok: boolean; data: any; error?: string };
        if (!r.ok) throw new Error(r.error);
        return r.data;
      };
      const ids: string[] = [];
      for (const p of people) {
        const input = { headline: null, title: null, company: null, location: 'Jakarta', photoUrl: null, linkedinUrl: null, ...p };
        ids.push((await ask({ type: 'capture', input })).prospect.id);
      }
      if (extra === 'merge-history') {
        await ask({ type: 'logTouch', prospectId: ids[1], channel: 'email', direction: 'in', note: 'Replied about the pilot' });
        await ask({ type: 'addFollowUp', prospectId: ids[1], title: 'Send the pilot plan', dueAt: Date.now() + 86_400_000 });
        await ask({ type: 'logTouch', prospectId: ids[0], channel: 'linkedin_message', direction: 'out', note: 'Connected' });
      }
      return ids;
    },
    { people, extra },
  );
}

const column = (panel: Page, key: string) => panel.locator(`.board-col[data-stage="${key}"]`);

// Seeding, the board and the dialogs on a loaded two-core machine: more than the default minute.
test.setTimeout(180_000);

test('merge in the person view: a suggested duplicate is merged, keeping every touch and follow-up', async ({ context, extensionId }) => {
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html?view=today');
  const [siti] = await seed(
    panel,
    [
      { slug: 'siti-rahmawati-e2e', email: null, name: 'Siti Rahmawati', title: 'Head of Procurement', company: 'Nusantara Logistik' },
      { slug: null, email: 'siti.r@nusantara-logistik.co.id', name: 'Siti R.', title: 'Procurement Lead' },
      { slug: null, email: 'budi@nusantara-logistik.co.id', name: 'Budi Santoso' },
    ],
    'merge-history',
  );
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?person=${siti}`);
  const person = panel.locator('article.detail');
  await expect(person.locator('h2')).toHaveText('Siti Rahmawati');
  // Suggested, not merged by itself; the colleague at the same company is not suggested.
  const hint = panel.getByRole('note').filter({ hasText: 'Possible duplicate' });
  await expect(hint).toContainText('Siti R.');
  await expect(hint).not.toContainText('Budi');
  await hint.getByRole('button', { name: 'Merge Siti R. with this person' }).click();

  const dialog = panel.getByRole('dialog', { name: 'Merge two people' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Keep Siti Rahmawati' })).toBeChecked();
  // Per field: the title from the mail record.
  await dialog.getByRole('group', { name: 'Title' }).getByRole('radio', { name: 'Procurement Lead' }).check();
  await expect(dialog).toContainText('1 touches and 1 follow-ups move to Siti Rahmawati');
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.locator('#jalur-toasts')).toContainText('Merged Siti R. into Siti Rahmawati.');

  await expect(person.locator('h2')).toHaveText('Siti Rahmawati');
  await expect(person.locator('.person-role')).toContainText('Procurement Lead');
  await expect(panel.getByRole('button', { name: /Touches \(2\)/ })).toBeVisible();
  await expect(person).toContainText('Send the pilot plan');
  await expect(person).toContainText('siti.r@nusantara-logistik.co.id');
  await expect(panel.getByRole('note').filter({ hasText: 'Possible duplicate' })).toHaveCount(0);
  // The mail address now finds the survivor.
  const found = await panel.evaluate(async () => chrome.runtime.sendMessage({ type: 'detail', email: 'siti.r@nusantara-logistik.co.id' }));
  expect(found.data.prospect.name).toBe('Siti Rahmawati');
});

test('bulk: shift-click three cards, move them in one go, one Undo puts them back; keyboard selection', async ({ context, extensionId }) => {
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html?view=today');
  await seed(
    panel,
    ['Ani', 'Bayu', 'Citra', 'Dewi'].map((n) => ({ slug: `bulk-${n.toLowerCase()}`, email: null, name: `${n} Bulk` })),
  );
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?view=board`);
  const prospecting = column(panel, 'prospecting');
  await expect(prospecting.locator('.count')).toHaveText('4');

  const tick = (name: string) => panel.getByRole('checkbox', { name: `Select ${name}` });
  const box = await tick('Ani Bulk').boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(24);
  expect(box!.height).toBeGreaterThanOrEqual(24);
  // The column is sorted; tick the first and shift-click the third.
  const names = await prospecting.locator('.card-open').allTextContents();
  await tick(names[0]!).click();
  await tick(names[2]!).click({ modifiers: ['Shift'] });
  const bar = panel.getByRole('region', { name: 'Bulk actions' });
  await expect(bar).toContainText('3 selected');
  await expect(tick(names[1]!)).toBeChecked();
  await expect(tick(names[3]!)).not.toBeChecked();

  await bar.getByLabel('Action').selectOption({ label: 'Move to stage' });
  await bar.getByLabel('Stage', { exact: true }).selectOption({ label: 'Qualification' });
  await bar.getByRole('button', { name: 'Apply' }).click();
  // The toast stays while the pointer is on it (a slow machine must not lose Undo while checking the board).
  const toast = panel.locator('#jalur-toasts [data-toast]').filter({ hasText: 'Moved 3 to Qualification.' });
  await toast.hover();
  await expect(column(panel, 'qualification').locator('.count')).toHaveText('3');
  await expect(prospecting.locator('.count')).toHaveText('1');
  await expect(bar).toHaveCount(0);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(prospecting.locator('.count')).toHaveText('4');
  await expect(column(panel, 'qualification').locator('.count')).toHaveText('0');
  await expect(panel.locator('#jalur-toasts')).toContainText('Undone for 3.');

  // Keyboard: Space ticks the focused card, Shift+↓ extends to the next one.
  await prospecting.getByRole('button', { name: names[0], exact: true }).focus();
  await panel.keyboard.press('Space');
  await expect(tick(names[0]!)).toBeChecked();
  await panel.keyboard.press('Shift+ArrowDown');
  await expect(tick(names[1]!)).toBeChecked();
  await expect(prospecting.getByRole('button', { name: names[1], exact: true })).toBeFocused();
  await expect(bar).toContainText('2 selected');
  await panel.keyboard.press('Space');
  await expect(bar).toContainText('1 selected');
  await bar.getByRole('button', { name: 'Clear selection' }).click();
  await expect(bar).toHaveCount(0);
});
