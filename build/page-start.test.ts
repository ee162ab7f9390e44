import { describe, expect, it } from 'vitest';
import { inlineStyleSheets, panelBuiltAlone } from './page-start';

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
