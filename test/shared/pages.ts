// Test pages shared by the Chromium (Playwright) and Firefox (puppeteer-core) end-to-end suites: the
// committed fixtures, the single-page shells that serve them at the sites' real URLs, and the people
// the scenarios clip. Nothing here depends on either browser driver.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const FIXTURES = resolve('test/fixtures');

export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/** One screen of the app: what the shell swaps in on navigation. */
export interface ShellPage {
  title: string;
  lang?: string;
  style?: string;
  body: string;
}

/** A committed fixture document as a shell page. */
export function fixturePage(file: string): ShellPage {
  const html = fixture(file);
  return {
    title: /<title>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '',
    lang: /<html[^>]*\blang="([^"]*)"/i.exec(html)?.[1] ?? 'en',
    style: [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]).join('\n'),
    body: /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '',
  };
}

/**
 * A single-page mail app: like Gmail and Outlook, it swaps the page content on hash or history
 * navigation without a reload. Each route maps a URL (path + hash, or path alone) to a page.
 */
export function spaShell(routes: Record<string, ShellPage>): string {
  // JSON inside a script: "</" is escaped so page markup cannot end the script early.
  const data = JSON.stringify(routes).replace(/<\//g, '<\\/');
  return `<!doctype html><html><head><meta charset="utf-8"><title></title><style id="page-style"></style></head><body>
<script>
const PAGES = ${data};
let shown = null;
function render() {
  const key = location.pathname + location.hash;
  // A hash navigation fires popstate and then hashchange: render once per route, as the real apps do.
  if (key === shown) return;
  shown = key;
  const page = PAGES[key] || PAGES[location.pathname] || null;
  if (!page) { document.body.innerHTML = '<p>not found</p>'; return; }
  document.title = page.title.replace(/&amp;/g, '&');
  document.documentElement.lang = page.lang || 'en';
  document.getElementById('page-style').textContent = page.style || '';
  document.body.innerHTML = page.body;
}
addEventListener('hashchange', render);
addEventListener('popstate', render);
render();
</script></body></html>`;
}

/** The shell over committed fixture files. */
export function mailSpa(routes: Record<string, string>): string {
  return spaShell(Object.fromEntries(Object.entries(routes).map(([route, file]) => [route, fixturePage(file)])));
}

/** LinkedIn profile markup of every committed vintage, with whom each shows. */
export const VINTAGES = [
  { file: '2018-ember-fragment', url: 'https://www.linkedin.com/in/bayu-wicaksono-fx18/', slug: 'bayu-wicaksono-fx18', name: 'Bayu Pratama Wicaksono' },
  { file: '2020-top-card-list', url: 'https://www.linkedin.com/in/farida-hanum-fx20/', slug: 'farida-hanum-fx20', name: 'Farida Hanum Siregar' },
  { file: '2022-logged-in', url: 'https://www.linkedin.com/in/margaret-fenwick-fx22/', slug: 'margaret-fenwick-fx22', name: 'Margaret Fenwick-Oyelaran' },
  {
    file: '2024-data-view-name',
    url: 'https://www.linkedin.com/in/thandiwe-okonkwo-reyes-fx24/',
    slug: 'thandiwe-okonkwo-reyes-fx24',
    name: 'Thandiwe Okonkwo-Reyes',
  },
  { file: '2025-obfuscated', url: 'https://www.linkedin.com/in/kalani-brightwater-fx25/', slug: 'kalani-brightwater-fx25', name: 'Kalani Brightwater' },
  { file: '2026-sdui', url: 'https://www.linkedin.com/in/mireille-tanaka-osei-fx26/', slug: 'mireille-tanaka-osei-fx26', name: 'Mireille Tanaka-Osei' },
  {
    file: '2026-sdui-no-contact',
    url: 'https://www.linkedin.com/in/oskar-lindqvist-mensah-fx26b/',
    slug: 'oskar-lindqvist-mensah-fx26b',
    name: 'Oskar Lindqvist-Mensah',
  },
  {
    file: 'public-jsonld',
    url: 'https://id.linkedin.com/in/siobhan-ocallaghan-wirawan-fx',
    slug: 'siobhan-ocallaghan-wirawan-fx',
    name: "Siobhán O'Callaghan-Wirawan",
  },
  { file: 'public-2025-signin-button', url: 'https://id.linkedin.com/in/wulan-kartikasari-fx25p', slug: 'wulan-kartikasari-fx25p', name: 'Wulan Kartikasari' },
] as const;

/** The LinkedIn single-page shell (feed, search, profiles reached in-app) and the people in it. */
export const LINKEDIN_SHELL = 'linkedin-spa/shell.html';
export const RIZKY = { url: 'https://www.linkedin.com/in/rizky-pratama-5e6f7a/', slug: 'rizky-pratama-5e6f7a', name: 'Rizky Pratama' };
export const AYU = { url: 'https://www.linkedin.com/in/ayu-lestari-0c9d8e/', slug: 'ayu-lestari-0c9d8e', name: 'Ayu Lestari' };

/** The mail scenario: one thread with two external participants and the mailbox owner. */
export const MAIL = {
  owner: 'dewi.lestari@kopinusantara.example',
  anita: 'anita.wirawan@lautbiru-logistik.example',
  budi: 'budi.hartono@lautbiru-logistik.example',
  gmail: {
    thread: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWbdTqLmNpRsVwXyZbCdFgHk',
    app: () =>
      mailSpa({
        '/mail/u/0/#inbox': 'gmail/inbox-list.html',
        '/mail/u/0/#inbox/FMfcgzQXJWbdTqLmNpRsVwXyZbCdFgHk': 'gmail/thread-2024.html',
      }),
  },
  outlook: {
    origin: 'https://outlook.office.com',
    pane: '/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAJ2BFakeFx24%3D',
    app: () =>
      mailSpa({
        '/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAJ2BFakeFx24%3D': 'outlook/reading-pane-2024.html',
        '/mail/inbox': 'outlook/message-list.html',
      }),
  },
} as const;

/**
 * LinkedIn lists, the feed and Sales Navigator (test/fixtures/linkedin-lists/): each served at a real
 * URL of its surface; `?fx=` names the fixture (the readers look at the path only).
 */
export const LIST_PAGES = {
  search2024: '/search/results/people/?keywords=logistik&fx=search-2024',
  search2025: '/search/results/people/?keywords=logistik&fx=search-2025',
  search2026: '/search/results/people/?keywords=pelabuhan&fx=search-2026-sdui',
  network2024: '/mynetwork/?fx=network-2024',
  connections2024: '/mynetwork/invite-connect/connections/?fx=connections-2024',
  network2026: '/mynetwork/grow/?fx=network-2026-sdui',
  companyPeople2024: '/company/sinar-logistik-fx/people/?fx=company-people-2024',
  companyPeople2026: '/company/pelita-armada-fx/people/?fx=company-people-2026-sdui',
  alsoViewed2024: '/in/winda-astuti-ls24/?fx=also-viewed-2024',
  alsoViewed2026: '/in/agus-salim-ls26/?fx=also-viewed-2026-sdui',
  reactions2024: '/feed/update/urn:li:activity:7100000000000000001/?fx=reactions-2024',
  reactions2026: '/feed/?fx=reactions-2026-sdui',
  feed2024: '/feed/?fx=feed-2024',
  feed2026: '/feed/?fx=feed-2026-sdui',
  salesSearch: '/sales/search/people?query=logistik&fx=salesnav-search-2025',
  salesList: '/sales/lists/people/7123456789?fx=salesnav-list-2025',
} as const;

/** The fixture a LIST_PAGES URL names. */
export function listPage(url: URL): string {
  const name = url.searchParams.get('fx') ?? 'search-2024';
  return fixture(`linkedin-lists/${name.replace(/[^a-z0-9-]/g, '')}.html`);
}
