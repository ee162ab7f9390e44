import { fixture } from './harness';

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
