// Side panel search results at the panel's real size (420x900), English and Indonesian:
//   JALUR_EXTENSION_DIR=.output-<you>/chrome-mv3 npx tsx scripts/search-shots.mts [out dir]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, serviceWorker } from '../test/e2e/harness';

const OUT = process.argv[2] ?? '/tmp/shots/search-speed';
const CSV = [
  'Name,Email,LinkedIn URL,Title,Company,Location',
  'Sofía Díaz,sofia@contoh-fiktif.example,https://www.linkedin.com/in/sofia-diaz-contoh/,Chief Financial Officer,PT Kopi Fiktif,Yogyakarta',
  'Ayu Lestari,ayu@hub-fiktif.example,https://www.linkedin.com/in/ayu-lestari-contoh/,Chief Operating Officer,PT Hub Fiktif,Jakarta',
  'Budi Santoso,,https://www.linkedin.com/in/budi-santoso-contoh/,Head of Procurement,PT Gudang Contoh,Surabaya',
  'Chief Wiggum,,https://www.linkedin.com/in/chief-wiggum-contoh/,,,',
  'Łukasz Nowak,lukasz@contoh.example,https://www.linkedin.com/in/lukasz-nowak-contoh/,Chief Technology Officer,Contoh Sp. z o.o.,Kraków',
].join('\n');

for (const lang of ['en', 'id'] as const) {
  const { context, close } = await launchWithExtension({ lang, keepWelcome: true });
  try {
    const sw = await serviceWorker(context);
    const id = new URL(sw.url()).host;
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.evaluate(`(async (text) => {
      const r = await chrome.runtime.sendMessage({ type: 'applyImport', text, skipBadRows: false });
      if (!r.ok) throw new Error(r.error);
    })(${JSON.stringify(CSV)})`);
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.goto(`chrome-extension://${id}/sidepanel.html`);
    const box = panel.getByRole('searchbox', { name: lang === 'en' ? 'Search prospects' : 'Cari prospek' });
    await box.fill('chief');
    await panel.locator('.search .results .result').nth(3).waitFor();
    mkdirSync(OUT, { recursive: true });
    await panel.screenshot({ path: join(OUT, `search-${lang}.png`) });
    console.log(lang, await panel.locator('.search .results .result').allInnerTexts());
  } finally {
    await close();
  }
}
