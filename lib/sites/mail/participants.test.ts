import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { hiddenWithin, mergeSightings, outermost, type Sighting } from './participants';


const doc = new JSDOM(
  `<div id="root"><div id="a"><span id="a1"></span><span id="a2"></span></div>
   <div id="h" style="display: none"><span id="h1"></span></div>
   <div id="ah" aria-hidden="true"><span id="ah1"></span></div>
   <div id="b"><span id="b1"></span></div></div>`,
  { url: 'https://mail.google.com/mail/u/0/' },
).window.document;
const $ = (id: string) => doc.getElementById(id)!;

function s(email: string, el: string, o: Partial<Sighting> = {}): Sighting {
  return { email, name: null, nameFromAttr: false, role: 'unknown', el: $(el), visible: true, fallback: null, ...o };
}

describe('mergeSightings', () => {
  it('one participant per address, in first-seen order, without self', () => {
    const ps = mergeSightings(
      [s('x@a.example', 'a1'), s('me@a.example', 'a2'), s('y@a.example', 'b1'), s('x@a.example', 'b1')],
      new Set(['me@a.example']),
    );
    expect(ps.map((p) => p.email)).toEqual(['x@a.example', 'y@a.example']);
  });

  it('keeps the strongest role: from > to > cc > bcc > unknown', () => {
    const [p] = mergeSightings(
      [
        s('x@a.example', 'a1', { role: 'bcc' }),
        s('x@a.example', 'a2', { role: 'cc' }),
        s('x@a.example', 'b1', { role: 'from' }),
        s('x@a.example', 'b1', { role: 'to' }),
      ],
      new Set(),
    );
    expect(p!.role).toBe('from');
  });

  it('prefers a name from an attribute over text, and any name over none', () => {
    const [p] = mergeSightings(
      [
        s('x@a.example', 'a1'),
        s('x@a.example', 'a2', { name: 'Budi' }),
        s('x@a.example', 'b1', { name: 'Budi Hartono', nameFromAttr: true }),
        s('x@a.example', 'b1', { name: 'B.' }),
      ],
      new Set(),
    );
    expect(p!.name).toBe('Budi Hartono');
  });

  it('anchors on the first visible sighting, else the first fallback', () => {
    expect(mergeSightings([s('x@a.example', 'h1', { visible: false }), s('x@a.example', 'b1')], new Set())[0]!.anchor).toBe($('b1'));
    expect(mergeSightings([s('x@a.example', 'h1', { visible: false, fallback: $('a') })], new Set())[0]!.anchor).toBe($('a'));
    expect(mergeSightings([s('x@a.example', 'h1', { visible: false })], new Set())[0]!.anchor).toBe($('h1'));
  });
});

describe('hiddenWithin / outermost', () => {
  it('sees inline display:none and, on request, aria-hidden, up to the stop element', () => {
    expect(hiddenWithin($('h1'), $('root'))).toBe(true);
    expect(hiddenWithin($('h1'), $('h'))).toBe(false);
    expect(hiddenWithin($('ah1'), $('root'))).toBe(false);
    expect(hiddenWithin($('ah1'), $('root'), true)).toBe(true);
    expect(hiddenWithin($('a1'), null)).toBe(false);
  });

  it('keeps only elements not inside an earlier one', () => {
    expect(outermost([$('a'), $('a1'), $('a2'), $('b1')]).map((e) => e.id)).toEqual(['a', 'b1']);
  });
});
