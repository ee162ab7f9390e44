// Extension pages start in as few files as possible. On the 2-core machine the browser serves each file
// of an extension page 10–35 ms after the page itself (its main thread is busy opening the tab), and a
// page's first script runs only once every script and style sheet its page lists is in: the side panel
// listed four scripts and two style sheets before its first screen could paint, the popup 17 and seven.
// So:
// - the side panel is built on its own, so the popup and the options page, built together without it,
//   are not cut into chunks by what they share with it (the popup starts from three scripts);
// - every page's first style sheets are written into the page itself, and a disabled link to each stays
//   so that Vite's loader, which loads a lazy view's style sheets unless the page links them already,
//   does not load them a second time (a disabled style sheet is not fetched).
import type { Plugin } from 'vite';

/** WXT's build groups (an entrypoint alone, or pages built together) with the side panel taken out into its own. */
export function panelBuiltAlone<E extends { name: string }>(groups: (E | E[])[]): void {
  for (const group of groups) {
    if (!Array.isArray(group)) continue;
    const at = group.findIndex((e) => e.name === 'sidepanel');
    if (at < 0 || group.length === 1) continue;
    const [panel] = group.splice(at, 1);
    groups.push([panel!]);
    return;
  }
}

const STYLESHEET_LINK = /<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g;

/** `html` with each linked style sheet of `css` (file name → text) written in, a disabled link left in its place. */
export function inlineStyleSheets(html: string, css: (fileName: string) => string | null): string {
  return html.replace(STYLESHEET_LINK, (link, fileName: string) => {
    const text = css(fileName);
    // A sheet that could end the element early, or that points at other files by relative URL, stays linked.
    if (text === null || /<\/style/i.test(text) || /url\(\s*(?!['"]?(?:[a-z]+:|\/|#))/i.test(text)) return link;
    return `<style>${text}</style><link rel="stylesheet" href="/${fileName}" disabled>`;
  });
}

/** Writes each built page's first style sheets into the page (see above). */
export function styleSheetsInPage(): Plugin {
  return {
    name: 'jalur:style-sheets-in-page',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        return inlineStyleSheets(html, (fileName) => {
          const asset = bundle[fileName];
          return asset?.type === 'asset' ? String(asset.source) : null;
        });
      },
    },
  };
}
