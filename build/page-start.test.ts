import { describe, expect, it } from 'vitest';
import { inlineStyleSheets, panelBuiltAlone, panelStart, panelStartInOneChunk, type ModuleGraph } from './page-start';

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
  type Info = { isEntry: boolean; importedIds: string[]; dynamicallyImportedIds: string[] };
  const m = (importedIds: string[], dynamicallyImportedIds: string[] = [], isEntry = false): Info => ({ isEntry, importedIds, dynamicallyImportedIds });
  const graph: Record<string, Info> = {
    '/e/sidepanel/main.tsx': m(['/c/app.tsx', '/c/ui.css'], [], true),
    '/c/app.tsx': m(['/n/preact.js', '/c/api.ts'], ['/c/board/Board.tsx', '/c/person/Person.tsx']),
    '/n/preact.js': m([]),
    '/c/api.ts': m(['/c/app.tsx']),
    '/c/ui.css': m([]),
    // Lazy views: reached by dynamic import only.
    '/c/board/Board.tsx': m(['/n/preact.js', '/c/board/board-only.ts', '/c/money.ts'], ['/c/person/Delete.tsx']),
    '/c/board/board-only.ts': m([]),
    '/c/money.ts': m(['/c/round.ts']),
    '/c/round.ts': m([]),
    '/c/person/Person.tsx': m(['/c/money.ts', '/c/person/Delete.tsx', '/c/person/person-only.ts']),
    '/c/person/Delete.tsx': m(['/c/toast.ts']),
    '/c/toast.ts': m([]),
    '/c/person/person-only.ts': m([]),
  };
  const modules: ModuleGraph = { ids: Object.keys(graph), info: (id) => graph[id] ?? null };

  it("is every module the panel's entry imports, directly or not (not the lazy views)", () => {
    expect([...panelStart(modules, null)]).toEqual(['/e/sidepanel/main.tsx', '/c/app.tsx', '/n/preact.js', '/c/api.ts', '/c/ui.css']);
  });

  it('takes in what the lean view shares with other lazy views, with what that imports, but not the view nor what only it uses', () => {
    const start = panelStart(modules, /[\\/]board[\\/]Board\.tsx$/);
    expect([...start].slice(5).sort()).toEqual(['/c/money.ts', '/c/round.ts']);
    // The board's own code stays its own chunk, and so does the delete dialog it loads lazily (as the person view does statically).
    for (const id of ['/c/board/Board.tsx', '/c/board/board-only.ts', '/c/person/Delete.tsx', '/c/toast.ts', '/c/person/person-only.ts']) expect(start.has(id)).toBe(false);
  });

  type Hooks = {
    options: (o: { input: unknown }) => unknown;
    buildEnd: (this: { getModuleIds: () => IterableIterator<string>; getModuleInfo: (id: string) => Info | null }) => void;
    outputOptions: (o: object) => { codeSplitting?: { groups: { name: string; test: (id: string) => boolean }[] } } | null;
  };
  const ctx = { getModuleIds: () => Object.keys(graph)[Symbol.iterator](), getModuleInfo: (id: string) => graph[id] ?? null };

  it("groups the side panel build's start into one chunk, style sheets left to Vite", () => {
    const plugin = panelStartInOneChunk(null) as unknown as Hooks;
    plugin.options({ input: { sidepanel: '/repo/entrypoints/sidepanel/index.html' } });
    plugin.buildEnd.call(ctx);
    const group = plugin.outputOptions({ format: 'es' })!.codeSplitting!.groups[0]!;
    expect(group.name).toBe('sidepanel-start');
    expect(Object.keys(graph).filter((id) => group.test(id))).toEqual(['/e/sidepanel/main.tsx', '/c/app.tsx', '/n/preact.js', '/c/api.ts']);
  });

  it('leaves the other builds (popup, options, content scripts) to the bundler', () => {
    const plugin = panelStartInOneChunk() as unknown as Hooks;
    plugin.options({ input: { popup: '/repo/entrypoints/popup/index.html', options: '/repo/entrypoints/options/index.html' } });
    plugin.buildEnd.call(ctx);
    expect(plugin.outputOptions({ format: 'es' })).toBeNull();
  });
});
