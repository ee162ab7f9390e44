import { describe, expect, it } from 'vitest';
import { inlineStyleSheets, sharedStartModules } from './page-start';

/** A module graph as the bundler reports it: entries and their static imports. */
function graph(edges: Record<string, string[]>, entries: string[]) {
  return {
    getModuleIds: () => Object.keys(edges)[Symbol.iterator](),
    getModuleInfo: (id: string) => (id in edges ? { isEntry: entries.includes(id), importedIds: edges[id]! } : null),
  };
}

describe('the side panel’s start chunk', () => {
  it('takes the start modules the panel shares with another page, and leaves the panel’s own and the others’ own', () => {
    const g = graph(
      {
        '/e/sidepanel/index.html': ['/e/sidepanel/main.tsx'],
        '/e/sidepanel/main.tsx': ['/c/ui/Button.tsx', '/c/sidepanel/Today.tsx'],
        '/c/sidepanel/Today.tsx': ['/c/ui/Button.tsx', '/c/shared/i18n.ts'],
        '/c/ui/Button.tsx': ['/n/preact.mjs'],
        '/c/shared/i18n.ts': [],
        '/n/preact.mjs': [],
        '/e/popup/index.html': ['/e/popup/main.tsx'],
        '/e/popup/main.tsx': ['/c/ui/Button.tsx', '/c/shared/i18n.ts', '/c/popup/Popup.tsx'],
        '/c/popup/Popup.tsx': [],
      },
      ['/e/sidepanel/index.html', '/e/popup/index.html'],
    );
    expect([...sharedStartModules(g)].sort()).toEqual(['/c/shared/i18n.ts', '/c/ui/Button.tsx', '/n/preact.mjs']);
  });

  it('takes nothing in a build without the side panel (the background, content scripts)', () => {
    const g = graph({ '/e/background.ts': ['/l/a.ts'], '/l/a.ts': [] }, ['/e/background.ts']);
    expect(sharedStartModules(g).size).toBe(0);
  });
});

describe('style sheets written into the page', () => {
  const css = (files: Record<string, string>) => (name: string) => files[name] ?? null;

  it('writes each linked sheet in, in order, and leaves a disabled link so a lazy view does not load it again', () => {
    const html = '<head><link rel="stylesheet" crossorigin href="/assets/a.css"><link rel="stylesheet" crossorigin href="/assets/b.css"></head>';
    expect(inlineStyleSheets(html, css({ 'assets/a.css': '.a{color:red}', 'assets/b.css': '.b{margin:0}' }))).toBe(
      '<head><style>.a{color:red}</style><link rel="stylesheet" href="/assets/a.css" disabled>' +
        '<style>.b{margin:0}</style><link rel="stylesheet" href="/assets/b.css" disabled></head>',
    );
  });

  it('keeps inline data and absolute URLs, and links what it cannot write in safely', () => {
    const data = `.c{background:url("data:image/svg+xml,%3Csvg%3E")}.d{background:url(/assets/x.png)}`;
    const link = (f: string) => `<link rel="stylesheet" crossorigin href="/assets/${f}">`;
    expect(inlineStyleSheets(link('ok.css'), css({ 'assets/ok.css': data }))).toContain(`<style>${data}</style>`);
    // A relative URL would resolve against the page instead of the sheet's folder.
    expect(inlineStyleSheets(link('rel.css'), css({ 'assets/rel.css': '.e{background:url(x.png)}' }))).toBe(link('rel.css'));
    expect(inlineStyleSheets(link('rel2.css'), css({ 'assets/rel2.css': ".e{background:url( 'x.png')}" }))).toBe(link('rel2.css'));
    // Text that would end the style element early.
    expect(inlineStyleSheets(link('end.css'), css({ 'assets/end.css': '.f::after{content:"</style>"}' }))).toBe(link('end.css'));
    // A sheet the bundle does not hold.
    expect(inlineStyleSheets(link('none.css'), css({}))).toBe(link('none.css'));
  });
});
