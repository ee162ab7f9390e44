// Extension pages start in as few files as possible. On the 2-core machine the browser serves each file
// of an extension page 10–35 ms after the page itself (its main thread is busy opening the tab), and a
// page's first script runs only once every script and style sheet its page lists is in: the side panel
// listed four scripts and two style sheets before its first screen could paint. So:
// - the modules the side panel starts with that other pages share go into one chunk (`page-start`), not
//   three whose boundaries only followed which page shares what (ui, sync status, the tab's person);
// - every page's first style sheets are written into the page itself, and a disabled link to each stays
//   so that Vite's loader, which loads a lazy view's style sheets unless the page links them already,
//   does not load them a second time (a disabled style sheet is not fetched).
import type { Plugin } from 'vite';

/** The page whose start the shared chunk is cut for (its entry module id ends so). */
const PANEL_PAGE = /[\\/]sidepanel[\\/]index\.html$/;
export const START_CHUNK = 'page-start';

interface Graph {
  getModuleIds(): IterableIterator<string>;
  getModuleInfo(id: string): { isEntry: boolean; importedIds: readonly string[] } | null;
}

/** Every module `entry` imports statically, directly or not (the entry itself included). */
function staticClosure(g: Graph, entry: string): Set<string> {
  const seen = new Set<string>([entry]);
  const todo = [entry];
  while (todo.length) {
    for (const id of g.getModuleInfo(todo.pop()!)?.importedIds ?? []) {
      if (!seen.has(id)) {
        seen.add(id);
        todo.push(id);
      }
    }
  }
  return seen;
}

/** The side panel's start modules that another page's start needs too; empty when the build has no side panel. */
export function sharedStartModules(g: Graph): Set<string> {
  const entries = [...g.getModuleIds()].filter((id) => g.getModuleInfo(id)?.isEntry && id.endsWith('.html'));
  const panel = entries.find((id) => PANEL_PAGE.test(id));
  if (!panel) return new Set();
  const panelStart = staticClosure(g, panel);
  const others = new Set<string>();
  for (const id of entries) if (id !== panel) for (const m of staticClosure(g, id)) others.add(m);
  return new Set([...panelStart].filter((m) => m !== panel && others.has(m) && !m.endsWith('.html')));
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

export function pageStartInFewFiles(): Plugin {
  let shared = new Set<string>();
  let pages = false;
  return {
    name: 'jalur:page-start-in-few-files',
    options(opts) {
      pages = /\.html/.test(JSON.stringify(opts.input ?? ''));
      return null;
    },
    buildEnd() {
      if (pages) shared = sharedStartModules(this);
    },
    outputOptions(out) {
      if (!pages) return null;
      return { ...out, codeSplitting: { groups: [{ name: START_CHUNK, test: (id: string) => shared.has(id) }] } };
    },
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
