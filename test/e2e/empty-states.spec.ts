import { expect, launchWithExtension, openExtensionPage, serviceWorker, test as base } from './harness';

// A new user's empty views teach what to do next, in both languages; and they step aside once there is data.
for (const lang of ['en', 'id'] as const) {
  const test = base.extend({
    // eslint-disable-next-line no-empty-pattern
    context: async ({}, use) => {
      const { context, close } = await launchWithExtension({ lang });
      await use(context);
      await close();
    },
  });
  const w =
    lang === 'en'
      ? {
          board: 'Your pipeline is empty',
          insights: 'No insights yet',
          today: 'Nothing due in the next 7 days',
          clip: 'Clip someone from LinkedIn',
          importLink: 'Import connections',
          oldHint: /Drop a card/,
          popupHint: 'Open a LinkedIn profile or an email conversation to add the person to your pipeline.',
        }
      : {
          board: 'Pipeline Anda masih kosong',
          insights: 'Belum ada wawasan',
          today: 'Tidak ada yang jatuh tempo dalam 7 hari ke depan',
          clip: 'Simpan seseorang dari LinkedIn',
          importLink: 'Impor koneksi',
          oldHint: /Letakkan kartu/,
          popupHint: 'Buka profil LinkedIn atau percakapan email untuk menambahkan orang ke pipeline.',
        };

  test(`empty board, Today and insights say how to start (${lang})`, async ({ context }) => {
    const sw = await serviceWorker(context);
    const extensionId = new URL(sw.url()).host;

    const board = await openExtensionPage(context, extensionId, 'sidepanel.html?view=board');
    const empty = board.getByTestId('empty-pipeline');
    await expect(empty).toContainText(w.board);
    await expect(empty).toContainText(w.clip);
    await expect(empty.getByRole('link', { name: w.importLink })).toHaveAttribute('href', `chrome-extension://${extensionId}/options.html#import`);
    await expect(board.getByText(w.oldHint)).toHaveCount(0);

    const today = await openExtensionPage(context, extensionId, 'sidepanel.html?view=today');
    await expect(today.getByTestId('today-empty')).toContainText(w.today);

    const insights = await openExtensionPage(context, extensionId, 'sidepanel.html?view=insights');
    await expect(insights.getByTestId('empty-pipeline')).toContainText(w.insights);

    // The popup on a page Jalur cannot read points to what it can do, not to a search box it lacks.
    const popup = await openExtensionPage(context, extensionId, `popup.html?tabId=${await sw.evaluate(async () => (await chrome.tabs.query({}))[0]!.id!)}`);
    await expect(popup.getByText(w.popupHint, { exact: true })).toBeVisible();
    await expect(popup.getByRole('searchbox')).toHaveCount(0);

    // With one person in the pipeline the board and insights show the pipeline instead.
    const reply = await board.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'capture',
        input: { slug: 'empty-state-person-1a2b', linkedinUrl: null, name: 'Sari Contoh', headline: null, title: null, company: null, location: null, email: null, photoUrl: null },
      }),
    );
    expect(reply).toMatchObject({ ok: true });
    await board.reload();
    await expect(board.getByText('Sari Contoh')).toBeVisible();
    await expect(board.getByTestId('empty-pipeline')).toHaveCount(0);
    await insights.reload();
    await expect(insights.locator('.charts')).toBeVisible();
    await expect(insights.getByTestId('empty-pipeline')).toHaveCount(0);
  });
}
