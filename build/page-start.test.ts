import { describe, expect, it } from 'vitest';
import { inlineStyleSheets, panelBuiltAlone, panelStartInOneChunk } from './page-start';

describe('the side panel built on its own', () => {
  const e = (name: string) => ({ name });
  it('takes the side panel out of the pages built together, into a group of its own', () => {
    const groups = [e('background'), [e('options'), e('popup'), e('sidepanel'), e('welcome')], e('linkedin')];
    panelBuiltAlone(groups);
    expect(groups).toEqual([e('background'), [e('options'), e('popup'), e('welcome')], e('linkedin'), [e('sidepanel')]]);
  });

  it('leaves groups without the side panel, or with it alone, as they are', () => {
    const groups = [e('background'), [e('sidepanel')], [e('options'), e('popup')]];
    panelBuiltAlone(groups);
    expect(groups).toEqual([e('background'), [e('sidepanel')], [e('options'), e('popup')]]);
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

describe("the side panel's start in one chunk", () => {
  // A module graph as the bundler reports it: the panel's entry, what it imports, and lazy views.
  const graph: Record<string, { isEntry?: boolean; importedIds: string[] }> = {
    '/e/sidepanel/main.tsx': { isEntry: true, importedIds: ['/c/app.tsx', '/c/ui.css'] },
    '/c/app.tsx': { importedIds: ['/n/preact.js', '/c/api.ts'] },
    '/n/preact.js': { importedIds: [] },
    '/c/api.ts': { importedIds: ['/c/app.tsx'] },
    '/c/ui.css': { importedIds: [] },
    // Lazy: reached by dynamic import only, so not in importedIds.
    '/c/board/Board.tsx': { importedIds: ['/n/preact.js', '/c/board/board-only.ts'] },
    '/c/board/board-only.ts': { importedIds: [] },
  };
  const ctx = {
    getModuleIds: () => Object.keys(graph)[Symbol.iterator](),
    getModuleInfo: (id: string) => graph[id] ?? null,
  };
  type Hooks = {
    options: (o: { input: unknown }) => unknown;
    buildEnd: (this: typeof ctx) => void;
    outputOptions: (o: object) => { codeSplitting?: { groups: { name: string; test: (id: string) => boolean }[] } } | null;
  };

  const capturedBy = (plugin: Hooks) => {
    plugin.options({ input: { sidepanel: '/repo/entrypoints/sidepanel/index.html' } });
    plugin.buildEnd.call(ctx);
    const group = plugin.outputOptions({ format: 'es' })!.codeSplitting!.groups[0]!;
    expect(group.name).toBe('sidepanel-start');
    return Object.keys(graph).filter((id) => group.test(id));
  };

  it("puts every module the panel's entry imports, directly or not, into one group; not lazy views, nor style sheets", () => {
    const captured = capturedBy(panelStartInOneChunk(null) as unknown as Hooks);
    expect(captured).toEqual(['/e/sidepanel/main.tsx', '/c/app.tsx', '/n/preact.js', '/c/api.ts']);
  });

  it('takes a view named as part of the start in with everything it imports', () => {
    const captured = capturedBy(panelStartInOneChunk(/[\\/]board[\\/]Board\.tsx$/) as unknown as Hooks);
    expect(captured).toEqual(['/e/sidepanel/main.tsx', '/c/app.tsx', '/n/preact.js', '/c/api.ts', '/c/board/Board.tsx', '/c/board/board-only.ts']);
  });

  it('leaves the other builds (popup, options, content scripts) to the bundler', () => {
    const plugin = panelStartInOneChunk() as unknown as Hooks;
    plugin.options({ input: { popup: '/repo/entrypoints/popup/index.html', options: '/repo/entrypoints/options/index.html' } });
    plugin.buildEnd.call(ctx);
    expect(plugin.outputOptions({ format: 'es' })).toBeNull();
  });
});
