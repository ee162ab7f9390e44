import type { Page } from '@playwright/test';
import { expect, launchWithExtension, openExtensionPage, serviceWorker, test } from './harness';

// Options: the team's lost reasons (the list reps pick from when a deal is lost) and when cadence
// steps fall due, each field's mistake named beside it, in English and Indonesian.

const SHOTS = '/tmp/shots/today';

function settings(page: Page): Promise<{ lostReasons?: string[]; dueRule?: string }> {
  return page.evaluate(async () => {
    const r = (await chrome.runtime.sendMessage({ type: 'settings' })) as {
      data: { settings: { lostReasons?: string[]; dueRule?: string } };
    };
    return r.data.settings;
  });
}

test('options: the team edits its lost reasons and the cadence due rule; mistakes are named beside the field', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(180_000);
  const options = await openExtensionPage(context, extensionId, 'options.html');
  await options.setViewportSize({ width: 1280, height: 900 });
  const section = options.getByRole('region', { name: 'Lost reasons' });
  // No list of its own yet: the built-in reasons, in the UI language.
  await expect(section).toContainText('Chose a competitor');
  const field = section.getByLabel('New reason');

  await section.getByRole('button', { name: 'Add reason' }).click();
  await expect(section.getByRole('alert')).toHaveText('Type a reason.');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.fill('x'.repeat(121));
  await section.getByRole('button', { name: 'Add reason' }).click();
  await expect(section.getByRole('alert')).toHaveText('A reason has at most 120 characters.');

  for (const reason of ['Budget frozen', 'Lost to an in-house team', 'No champion']) {
    await field.fill(reason);
    await field.press('Enter');
    await expect(section.getByRole('listitem').filter({ hasText: reason })).toBeVisible();
    await expect(field).toHaveValue('');
  }
  await field.fill('budget FROZEN');
  await field.press('Enter');
  await expect(section.getByRole('alert')).toHaveText('That reason is already in the list.');
  await section.getByRole('button', { name: 'Move No champion up' }).click();
  await expect(section.locator('ol li .reason')).toHaveText(['Budget frozen', 'No champion', 'Lost to an in-house team']);
  await section.getByRole('button', { name: 'Remove Lost to an in-house team' }).click();
  await expect(section.locator('ol li .reason')).toHaveText(['Budget frozen', 'No champion']);
  expect((await settings(options)).lostReasons).toEqual(['Budget frozen', 'No champion']);

  // The due rule: by the end of the day unless the team says otherwise.
  const rule = options.getByRole('group', { name: 'A cadence step counts as overdue' });
  await expect(rule.getByRole('radio', { name: 'After its day ends' })).toBeChecked();
  await rule.getByRole('radio', { name: 'At its exact time' }).check();
  await expect.poll(async () => (await settings(options)).dueRule).toBe('exactTime');
  await options.reload();
  await expect(options.getByRole('radio', { name: 'At its exact time' })).toBeChecked();
  await options.getByRole('heading', { name: 'When cadence steps fall due' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await options.screenshot({ path: `${SHOTS}/options-lost-reasons-en.png` });

  // Back to the built-in reasons.
  await options.getByRole('button', { name: 'Use the built-in reasons instead' }).click();
  await expect(options.getByRole('region', { name: 'Lost reasons' })).toContainText('Chose a competitor');
  expect((await settings(options)).lostReasons ?? []).toEqual([]);
});

test('options in Indonesian: the same editors and their mistakes', async () => {
  // Two browsers' worth of clicks and reads: long on a busy machine.
  test.setTimeout(180_000);
  const { context, close } = await launchWithExtension({ lang: 'id' });
  try {
    const sw = await serviceWorker(context);
    const options = await openExtensionPage(context, new URL(sw.url()).host, 'options.html');
    await options.setViewportSize({ width: 1280, height: 900 });
    const section = options.getByRole('region', { name: 'Alasan kalah' });
    await expect(section).toContainText('Memilih pesaing');
    await section.getByRole('button', { name: 'Tambah alasan' }).click();
    await expect(section.getByRole('alert')).toHaveText('Ketik sebuah alasan.');
    await section.getByLabel('Alasan baru').fill('Anggaran dibekukan');
    await section.getByRole('button', { name: 'Tambah alasan' }).click();
    await expect(section.getByRole('listitem').filter({ hasText: 'Anggaran dibekukan' })).toBeVisible();
    await section.getByLabel('Alasan baru').fill('anggaran DIBEKUKAN');
    await section.getByRole('button', { name: 'Tambah alasan' }).click();
    await expect(section.getByRole('alert')).toHaveText('Alasan itu sudah ada di daftar.');
    const rule = options.getByRole('group', { name: 'Langkah rangkaian dianggap terlambat' });
    await expect(rule.getByRole('radio', { name: 'Setelah harinya berakhir' })).toBeChecked();
    await expect(rule.getByRole('radio', { name: 'Tepat pada waktunya' })).toBeVisible();
    await options
      .getByRole('heading', { name: 'Kapan langkah rangkaian jatuh tempo' })
      .evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await options.screenshot({ path: `${SHOTS}/options-lost-reasons-id.png` });
  } finally {
    await close();
  }
});
