// Store screenshots (1280×800, the size both stores take), in English and Indonesian, from the
// synthetic fixtures only: `npm run screenshots:store` writes docs/store/screenshots/<lang>/*.png.
// It loads the open-shadow-roots build (.output-open/chrome-mv3, which `npm test` makes; it looks the
// same as the shipped one, and lets the script wait for what is inside a chip; JALUR_EXTENSION_DIR
// names another) into Chromium, serves the fixture pages at the sites' real URLs, fills a pipeline through
// the extension's own import and messages, and photographs the page chip, a mail thread, the board
// and Today. Each shot waits for what it shows; nothing waits for time.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension, serveLinkedIn, serviceWorker } from '../test/e2e/harness';
import { MAIL, fixture } from '../test/shared/pages';

const SIZE = { width: 1280, height: 800 };
const EXTENSION_DIR = resolve(process.env.JALUR_EXTENSION_DIR ?? '.output-open/chrome-mv3');
const OUT = resolve('docs/store/screenshots');
const PROFILE = 'https://www.linkedin.com/in/thandiwe-okonkwo-reyes-fx24/';

// Invented people and companies, as in the fixtures.
const CSV = `Name,Title,Company,Location,LinkedIn URL,Email,Stage,Deal value,Source
Rizky Pratama,Director of Sales,Kopi Kenangan Digital,"Bandung, Indonesia",https://www.linkedin.com/in/rizky-pratama-5e6f7a/,,qualification,45000,social_selling
Ayu Lestari,Head of Procurement,Laut Biru Logistik,"Surabaya, Indonesia",https://www.linkedin.com/in/ayu-lestari-0c9d8e/,,consideration,120000,referral
Bayu Pratama Wicaksono,VP Operations,Sinar Tani Agro,"Yogyakarta, Indonesia",https://www.linkedin.com/in/bayu-wicaksono-fx18/,,prospecting,,social_selling
Farida Hanum Siregar,Founder,Rumah Batik Medan,"Medan, Indonesia",https://www.linkedin.com/in/farida-hanum-fx20/,,decision,80000,event
Margaret Fenwick-Oyelaran,Chief Revenue Officer,Harbourline Freight,"London, United Kingdom",https://www.linkedin.com/in/margaret-fenwick-fx22/,,consideration,60000,inbound_form
Kalani Brightwater,Head of Growth,Tidewater Analytics,"Honolulu, United States",https://www.linkedin.com/in/kalani-brightwater-fx25/,,prospecting,,cold_email
Mireille Tanaka-Osei,Director of Partnerships,Kumo Payments,"Accra, Ghana",https://www.linkedin.com/in/mireille-tanaka-osei-fx26/,,qualification,30000,social_engagement
Anita Wirawan,Logistics Manager,Laut Biru Logistik,"Jakarta, Indonesia",,${MAIL.anita},delivery,95000,email
Dewi Anggraini,Marketing Lead,Contoh Kreatif,"Denpasar, Indonesia",,dewi@contoh.id,lost,25000,content_download
Hendra Gunawan,Operations Director,Pelabuhan Nusantara,"Makassar, Indonesia",,hendra@pelabuhan.example,prospecting,,cold_call
`;

/** Follow-ups: two overdue (the badge), one due today, two upcoming. [who, what, hours from now] */
const FOLLOW_UPS: [string, string, number][] = [
  ['Rizky Pratama', 'Send the pricing deck', -26],
  ['Ayu Lestari', 'Call about the pilot scope', -3],
  ['Farida Hanum Siregar', 'Confirm the purchase order', 2],
  ['Margaret Fenwick-Oyelaran', 'Share the case study', 26],
  ['Mireille Tanaka-Osei', 'Intro call with their CTO', 50],
];

async function extensionPage(context: BrowserContext, id: string, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(SIZE);
  await page.goto(`chrome-extension://${id}/${path}`);
  return page;
}

/** The pipeline every shot shows, entered the way a rep would: import, then follow-ups. */
async function seed(options: Page): Promise<void> {
  // A string, not a function: tsx's name-keeping helper would not exist in the page.
  await options.evaluate(`(async (text) => {
    const ask = (m) => chrome.runtime.sendMessage(m);
    const preview = await ask({ type: 'previewImport', text, skipBadRows: false });
    if (!preview.ok) throw new Error(preview.error);
    const done = await ask({ type: 'applyImport', text, skipBadRows: false, mapping: preview.data.mapping });
    if (!done.ok) throw new Error(done.error);
    const found = await ask({ type: 'search', query: '', limit: 50 });
    if (!found.ok) throw new Error(found.error);
    const byName = new Map(found.data.items.map((p) => [p.name, p.id]));
    const hour = 3600000;
    const plan = ${JSON.stringify(FOLLOW_UPS)};
    for (const [name, title, inHours] of plan) {
      const r = await ask({ type: 'addFollowUp', prospectId: byName.get(name), title, dueAt: Date.now() + inHours * hour });
      if (!r.ok) throw new Error(name + ': ' + r.error);
    }
  })(${JSON.stringify(CSV)})`);
}

async function shoot(lang: 'en' | 'id'): Promise<void> {
  const dir = join(OUT, lang);
  mkdirSync(dir, { recursive: true });
  const { context, close } = await launchWithExtension({ lang, extensionDir: EXTENSION_DIR, keepWelcome: true });
  try {
    await serveLinkedIn(context, /^https:\/\/[a-z]+\.linkedin\.com\//, fixture('linkedin-spa/shell.html'));
    await serveLinkedIn(context, /^https:\/\/www\.linkedin\.com\/in\/thandiwe-okonkwo-reyes-fx24\//, fixture('linkedin/2024-data-view-name.html'));
    await serveLinkedIn(context, /^https:\/\/mail\.google\.com\//, MAIL.gmail.app());
    const sw = await serviceWorker(context);
    const id = new URL(sw.url()).host;
    const options = await extensionPage(context, id, 'options.html');
    await seed(options);
    await options.close();
    const add = lang === 'en' ? 'Add to pipeline' : 'Tambah ke pipeline';

    // 1. A LinkedIn profile: the chip by the name, after one click.
    const profile = await context.newPage();
    await profile.setViewportSize(SIZE);
    await profile.goto(PROFILE);
    await profile.locator('jalur-inline').getByRole('button', { name: add }).click();
    await profile.locator('jalur-inline [data-stage="prospecting"]').waitFor();
    await profile.screenshot({ path: join(dir, '1-linkedin-chip.png') });

    // 2. A Gmail thread: a chip per external participant, Anita already a won deal.
    const mail = await context.newPage();
    await mail.setViewportSize(SIZE);
    await mail.goto(MAIL.gmail.thread);
    await mail.locator(`jalur-inline[data-email="${MAIL.anita}"] [data-stage="delivery"]`).waitFor();
    await mail.locator(`jalur-inline[data-email="${MAIL.budi}"]`).getByRole('button', { name: add }).waitFor();
    await mail.screenshot({ path: join(dir, '2-gmail-chips.png') });

    // 3–4. The workspace at full width: board and Today.
    const board = await extensionPage(context, id, 'sidepanel.html?view=board');
    await board.locator('.board-col[data-stage="consideration"] [data-card]').first().waitFor();
    await board.screenshot({ path: join(dir, '3-board.png') });
    const today = await extensionPage(context, id, 'sidepanel.html?view=today');
    await today.getByRole('listitem').filter({ hasText: 'Rizky Pratama' }).waitFor();
    await today.screenshot({ path: join(dir, '4-today.png') });
    const insights = await extensionPage(context, id, 'sidepanel.html?view=insights');
    await insights.locator('.charts').waitFor();
    await insights.screenshot({ path: join(dir, '5-insights.png') });
  } finally {
    await close();
  }
}

for (const lang of ['en', 'id'] as const) {
  await shoot(lang);
  console.log(`store screenshots (${lang}) in ${join(OUT, lang)}`);
}
