// How the side panel (420×900) lays out two things, in English and Indonesian (where words run long):
// the person view's Source and Temperature carry their labels above the selects, like every other
// field of the record; the board's help is one short line with the rest a click away, not a paragraph.
import type { Locator, Page } from '@playwright/test';
import { expect, launchWithExtension, serviceWorker, test } from './harness';

const WORDS = {
  en: { source: 'Source', temperature: 'Temperature', cold: 'Cold', follow: 'Follow-up', more: 'Keys and search', search: 'Search prospects (above)' },
  id: { source: 'Sumber', temperature: 'Suhu', cold: 'Dingin', follow: 'Tindak lanjut', more: 'Tombol dan pencarian', search: 'Cari prospek (di atas)' },
} as const;

async function box(l: Locator) {
  const b = await l.boundingBox();
  if (!b) throw new Error(`not on screen: ${l}`);
  return b;
}

/** Where a field's label sits against its control: above it and starting where it starts. */
async function labelAbove(page: Page, label: string): Promise<void> {
  const control = page.getByLabel(label, { exact: true });
  await expect(control).toBeVisible();
  const text = await box(page.locator('label', { hasText: new RegExp(`^${label}$`) }));
  const select = await box(control);
  expect(text.y + text.height).toBeLessThanOrEqual(select.y + 1);
  expect(Math.abs(text.x - select.x)).toBeLessThanOrEqual(2);
}

/** With JALUR_SHOTS_DIR set, a picture of what the test looked at, to look at too. */
async function shot(part: Locator, name: string): Promise<void> {
  const dir = process.env.JALUR_SHOTS_DIR;
  if (dir) await part.screenshot({ path: `${dir}/${name}.png` });
}

for (const lang of ['en', 'id'] as const) {
  const w = WORDS[lang];
  test(`side panel: source and temperature labelled above, board help short (${lang})`, async () => {
    const { context, close } = await launchWithExtension({ lang });
    try {
      const sw = await serviceWorker(context);
      const id = new URL(sw.url()).host;
      const seed = await context.newPage();
      await seed.goto(`chrome-extension://${id}/options.html`);
      const prospectId = await seed.evaluate(async () => {
        const input = { slug: 'sekar-ayu-wulandari', email: null, name: 'Sekar Ayu Wulandari', headline: null, title: 'Kepala Pengadaan', company: 'PT Sinar Jaya Abadi', location: 'Surabaya', photoUrl: null, linkedinUrl: null };
        const r = (await chrome.runtime.sendMessage({ type: 'capture', input })) as { ok: boolean; data?: { prospect: { id: string } }; error?: string };
        if (!r.ok || !r.data) throw new Error(r.error);
        return r.data.prospect.id;
      });
      await seed.close();

      const panel = await context.newPage();
      await panel.setViewportSize({ width: 420, height: 900 });
      await panel.goto(`chrome-extension://${id}/sidepanel.html?person=${prospectId}`);
      // The reference: every other field of the record (here the follow-up's) has its label above.
      await labelAbove(panel, w.follow);
      await labelAbove(panel, w.source);
      await labelAbove(panel, w.temperature);
      // Side by side, the two fit the panel: neither runs past the record's right edge.
      const record = await box(panel.locator('article.person'));
      for (const l of [w.source, w.temperature]) {
        const b = await box(panel.getByLabel(l, { exact: true }));
        expect(b.x + b.width).toBeLessThanOrEqual(record.x + record.width + 0.5);
      }
      // Its choices are written like the source's, capitalised ("Cold", not "cold").
      const temperature = panel.getByLabel(w.temperature, { exact: true });
      expect(await temperature.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text)).toBe(w.cold);
      await shot(panel.locator('.source-temperature'), `panel-source-${lang}`);

      await panel.goto(`chrome-extension://${id}/sidepanel.html?view=board`);
      await expect(panel.locator('[data-card]')).toHaveCount(1);
      const help = panel.locator('.board-help');
      await shot(help, `panel-board-help-${lang}`);
      // At most two lines of text in the panel (it ran to four in Indonesian).
      const lines = await help.evaluate((el) => {
        const line = parseFloat(getComputedStyle(el.querySelector('p')!).lineHeight);
        return el.getBoundingClientRect().height / line;
      });
      expect(lines).toBeLessThanOrEqual(2.9);
      const more = panel.getByText(w.more, { exact: true });
      // The rest is said, one click (or Enter) away: the keys and the search box's part.
      await expect(panel.getByText(w.search)).toBeHidden();
      await more.click();
      await expect(panel.getByText(w.search)).toBeVisible();
      await shot(panel.locator('.board-help'), `panel-board-help-open-${lang}`);
    } finally {
      await close();
    }
  });
}
