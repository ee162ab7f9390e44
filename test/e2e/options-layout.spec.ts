// How the options page's connection form looks at 1280×900: each field stands apart from the one
// above it (the form takes the page's form spacing), in English and Indonesian.
import { expect, launchWithExtension, serviceWorker, test } from './harness';

for (const lang of ['en', 'id'] as const) {
  test(`options: the Supabase connection fields stand apart (${lang})`, async () => {
    const { context, close } = await launchWithExtension({ lang });
    try {
      const sw = await serviceWorker(context);
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`chrome-extension://${new URL(sw.url()).host}/options.html`);
      const url = page.getByLabel(lang === 'en' ? 'Project URL' : 'URL proyek');
      await expect(url).toBeVisible();
      const key = page.getByText(lang === 'en' ? 'Anon key' : 'Kunci anon', { exact: true });
      const space = (await key.boundingBox())!.y - ((await url.boundingBox())!.y + (await url.boundingBox())!.height);
      expect(space).toBeGreaterThanOrEqual(6);
    } finally {
      await close();
    }
  });
}
