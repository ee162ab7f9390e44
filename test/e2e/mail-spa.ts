import { fixture } from './harness';

/**
 * A single-page mail app made of committed fixture documents: like Gmail and Outlook, it swaps the
 * page content on hash or history navigation without a reload. Each route maps a URL (path + hash)
 * to a fixture; the shell replaces <body>, the page's styles, title and language.
 */
export function mailSpa(routes: Record<string, string>): string {
  const pages: Record<string, { title: string; lang: string; style: string; body: string }> = {};
  for (const [route, file] of Object.entries(routes)) {
    const html = fixture(file);
    pages[route] = {
      title: /<title>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '',
      lang: /<html[^>]*\blang="([^"]*)"/i.exec(html)?.[1] ?? 'en',
      style: [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]).join('\n'),
      body: /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '',
    };
  }
  // JSON inside a script: "</" is escaped so fixture markup cannot end the script early.
  const data = JSON.stringify(pages).replace(/<\//g, '<\\/');
  return `<!doctype html><html><head><meta charset="utf-8"><title></title><style id="page-style"></style></head><body>
<script>
const PAGES = ${data};
let shown = null;
function render() {
  const key = location.pathname + location.hash;
  // A hash change fires both popstate and hashchange: render once per route, like the real apps.
  if (key === shown) return;
  shown = key;
  const page = PAGES[key] || PAGES[location.pathname] || null;
  if (!page) { document.body.innerHTML = '<p>not found</p>'; return; }
  document.title = page.title.replace(/&amp;/g, '&');
  document.documentElement.lang = page.lang;
  document.getElementById('page-style').textContent = page.style;
  document.body.innerHTML = page.body;
}
addEventListener('hashchange', render);
addEventListener('popstate', render);
render();
</script></body></html>`;
}
