import { expect, launchWithExtension, openExtensionPage, serviceWorker, test } from './harness';

// Errors in the options sit on their field (aria-invalid, aria-describedby), in the UI language, say what
// to do, and the first wrong field takes focus; no "url:" or "scoringRules.perTouch:" sentences anywhere.
const WORDS = {
  en: {
    url: 'Project URL',
    key: 'Anon key',
    connect: 'Connect',
    urlEmpty: 'Paste your project URL, like https://abcd1234.supabase.co (Project Settings → API).',
    keyEmpty: "Paste the project's anon key (Project Settings → API).",
    urlHttps: 'Start the project URL with https:// (http:// only for a stack on this computer).',
    keySecret: 'That is a secret key. Paste the anon (publishable) key instead: Jalur never holds a secret key.',
    perTouch: 'Points per touch',
    threshold: 'MQL threshold (score 0–100)',
    save: 'Save scoring',
    range: 'Enter a whole number from 0 to 100.',
  },
  id: {
    url: 'URL proyek',
    key: 'Kunci anon',
    connect: 'Hubungkan',
    urlEmpty: 'Tempel URL proyek Anda, misalnya https://abcd1234.supabase.co (Project Settings → API).',
    keyEmpty: 'Tempel kunci anon proyek (Project Settings → API).',
    urlHttps: 'Awali URL proyek dengan https:// (http:// hanya untuk stack di komputer ini).',
    keySecret: 'Itu kunci rahasia. Tempel kunci anon (publishable): Jalur tidak pernah menyimpan kunci rahasia.',
    perTouch: 'Poin per kontak',
    threshold: 'Ambang MQL (skor 0–100)',
    save: 'Simpan penilaian',
    range: 'Masukkan bilangan bulat dari 0 sampai 100.',
  },
};

for (const lang of ['en', 'id'] as const) {
  const w = WORDS[lang];
  test(`options: each error on its field, in the UI language, first wrong field focused (${lang})`, async () => {
    const { context, close } = await launchWithExtension({ lang });
    try {
      const sw = await serviceWorker(context);
      const options = await openExtensionPage(context, new URL(sw.url()).host, 'options.html');
      const url = options.getByLabel(w.url, { exact: true });
      const key = options.getByLabel(w.key, { exact: true });

      await options.getByRole('button', { name: w.connect, exact: true }).click();
      await expect(url).toHaveAttribute('aria-invalid', 'true');
      await expect(url).toHaveAccessibleDescription(w.urlEmpty);
      await expect(key).toHaveAccessibleDescription(w.keyEmpty);
      await expect(url).toBeFocused();

      await url.fill('http://abcd1234.supabase.co');
      await key.fill('sb_secret_abcdefghijklmnop');
      await key.focus();
      await options.getByRole('button', { name: w.connect, exact: true }).click();
      await expect(url).toHaveAccessibleDescription(w.urlHttps);
      await expect(key).toHaveAccessibleDescription(w.keySecret);
      await expect(url).toBeFocused();

      const perTouch = options.getByLabel(w.perTouch, { exact: true });
      await perTouch.fill('500');
      await expect(perTouch).toHaveAttribute('aria-invalid', 'true');
      await expect(perTouch).toHaveAccessibleDescription(w.range);
      await options.getByLabel(w.threshold, { exact: true }).fill('101');
      await options.getByRole('button', { name: w.save }).click();
      // The threshold comes first on the form, so it takes focus.
      await expect(options.getByLabel(w.threshold, { exact: true })).toBeFocused();
      await expect(options.getByLabel(w.threshold, { exact: true })).toHaveAccessibleDescription(w.range);

      // No field paths or prefixes, in any language.
      await expect(options.locator('body')).not.toContainText(/scoringRules|mqlThreshold|url:|anonKey:|must be at/);
    } finally {
      await close();
    }
  });
}
