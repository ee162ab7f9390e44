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

/**
 * The side panel's start in one script. The bundler keeps a module that a lazily loaded view also uses
 * out of the first script, in a chunk of its own (it cannot know that a view is only ever loaded by
 * the panel that already ran it): the board loading its delete dialog lazily made the panel's first
 * script wait on five such chunks, each one more file the browser serves before the script runs. So in
 * the side panel's build every module the panel's first script imports, directly or not, goes into one
 * chunk, with the bundler's runtime the only other file; the lazy views import what they share from it.
 * (Style sheets stay with Vite's CSS handling, and are written into the page as above.)
 *
 * The board is part of that start too (`alsoStart`): opened on the board, the panel otherwise fetched
 * the board's code and six small chunks it shares with the person view after its first script ran, a
 * second round of files before the first cards. That is about 34 KB more script for the other views to
 * parse, which costs them far less than a round of files costs the board.
 */
export function inPanelStart(start: ReadonlySet<string>, id: string): boolean {
  return start.has(id) && !/\.(css|html)(\?|$)/.test(id);
}

export function panelStartInOneChunk(alsoStart: RegExp | null = /[\\/]components[\\/]sidepanel[\\/]board[\\/]Board\.tsx$/): Plugin {
  let panel = false;
  const start = new Set<string>();
  return {
    name: 'jalur:panel-start-in-one-chunk',
    options(opts) {
      panel = /[\\/]sidepanel[\\/]index\.html/.test(JSON.stringify(opts.input ?? ''));
      return null;
    },
    buildEnd() {
      if (!panel) return;
      start.clear();
      const entries = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry || alsoStart?.test(id));
      const walk = (id: string) => {
        if (start.has(id)) return;
        start.add(id);
        for (const dep of this.getModuleInfo(id)?.importedIds ?? []) walk(dep);
      };
      entries.forEach(walk);
    },
    outputOptions(out) {
      if (!panel) return null;
      return {
        ...out,
        codeSplitting: {
          groups: [{ name: 'sidepanel-start', test: (id: string) => inPanelStart(start, id) }],
        },
      } as typeof out;
    },
  };
}
