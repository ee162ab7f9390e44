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
 * The board (`leanView`) also gets the modules it shares with other lazy views into that start: opened
 * on the board (its tab, from the popup or the panel), the panel otherwise fetched the board's code,
 * five small chunks it shares with the person view and three style sheets after its first script ran.
 * Now the board is one file of its own. (The whole board in the start, 34 KB, was no faster for the
 * board and slowed Today's open in most runs; these shared helpers are about 10 KB and also spare the
 * person view the same small files.)
 */
export interface ModuleGraph {
  ids: Iterable<string>;
  info: (id: string) => { isEntry: boolean; importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] } | null;
}

/** The modules of the side panel's start: see above. */
export function panelStart(graph: ModuleGraph, leanView: RegExp | null): Set<string> {
  const ids = [...graph.ids];
  /** `from` and everything it imports, directly or not, that is not in `stop`. */
  const closure = (from: string, stop: ReadonlySet<string>): Set<string> => {
    const seen = new Set<string>();
    const walk = (id: string) => {
      if (seen.has(id) || stop.has(id)) return;
      seen.add(id);
      for (const dep of graph.info(id)?.importedIds ?? []) walk(dep);
    };
    walk(from);
    return seen;
  };
  const start = new Set<string>();
  for (const id of ids) if (graph.info(id)?.isEntry) for (const m of closure(id, start)) start.add(m);
  const lazy = new Set(ids.flatMap((id) => graph.info(id)?.dynamicallyImportedIds ?? []));
  const view = leanView ? [...lazy].find((id) => leanView.test(id)) : undefined;
  if (view) {
    const others = new Set<string>();
    for (const root of lazy) if (root !== view) for (const m of closure(root, start)) others.add(m);
    for (const m of closure(view, start)) if (m !== view && others.has(m)) start.add(m);
  }
  return start;
}

export function inPanelStart(start: ReadonlySet<string>, id: string): boolean {
  return start.has(id) && !/\.(css|html)(\?|$)/.test(id);
}

export function panelStartInOneChunk(leanView: RegExp | null = /[\\/]components[\\/]sidepanel[\\/]board[\\/]Board\.tsx$/): Plugin {
  let panel = false;
  let start = new Set<string>();
  return {
    name: 'jalur:panel-start-in-one-chunk',
    options(opts) {
      panel = /[\\/]sidepanel[\\/]index\.html/.test(JSON.stringify(opts.input ?? ''));
      return null;
    },
    buildEnd() {
      if (!panel) return;
      start = panelStart({ ids: this.getModuleIds(), info: (id) => this.getModuleInfo(id) }, leanView);
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
