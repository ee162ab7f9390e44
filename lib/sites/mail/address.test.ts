import { describe, expect, it } from 'vitest';
import { bracketedAddress, displayName, normaliseEmail, parseAddressList } from './address';

describe('normaliseEmail', () => {
  const table: [string | null | undefined, string | null][] = [
    ['jane@example.com', 'jane@example.com'],
    ['  Jane.Doe@Example.COM  ', 'jane.doe@example.com'],
    ['<jane@example.com>', 'jane@example.com'],
    [' < jane@example.com > ', 'jane@example.com'],
    ['mailto:jane@example.com', 'jane@example.com'],
    ['MAILTO:Jane@Example.com?subject=Hi&cc=x@y.example', 'jane@example.com'],
    ['mailto:jane%40example.com', 'jane@example.com'],
    ['<mailto:jane@example.com>', 'jane@example.com'],
    ['jane+crm@sub.example.co.id', 'jane+crm@sub.example.co.id'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['jane@example.com.', 'jane@example.com'],
    ['jane@xn--bcher-kva.example', 'jane@xn--bcher-kva.example'],
    ['\u200ejane@example.com\u200f', 'jane@example.com'], // bidi marks around an address in RTL UIs
    // not one plausible address
    ['', null],
    [null, null],
    [undefined, null],
    ['jane', null],
    ['@example.com', null],
    ['jane@', null],
    ['jane@localhost', null],
    ['jane@example', null],
    ['jane@@example.com', null],
    ['jane@doe@example.com', null],
    ['jane.@example.com', null],
    ['.jane@example.com', null],
    ['ja..ne@example.com', null],
    ['jane doe@example.com', null],
    ['"jane doe"@example.com', null],
    ['jane@[192.168.0.1]', null],
    ['jane@192.168.0.1', null],
    ['jane@-example.com', null],
    ['jane@example-.com', null],
    ['jane@example.c', null],
    ['jane@example.123', null],
    ['jané@example.com', null],
    ['jane@exämple.com', null],
    ['a@example.com, b@example.com', null],
    ['a@example.com;b@example.com', null],
    ['Jane <jane@example.com>', null],
    ['jane@example.com (Jane)', null],
    ['mailto:a@example.com,b@example.com', null],
    ['mailto:%E0%A4%A@example.com', null],
    ['<script>@example.com', null],
    [`${'a'.repeat(65)}@example.com`, null],
    [`${'a'.repeat(64)}@example.com`, `${'a'.repeat(64)}@example.com`],
    [`a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(57)}.com`, null], // 256 chars
    [
      `a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(55)}.com`,
      `a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(55)}.com`,
    ], // 254
    ['x'.repeat(5000), null],
  ];
  it.each(table)('%j → %j', (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });
});

describe('parseAddressList', () => {
  it('reads names, quotes, comments and both separators', () => {
    expect(parseAddressList('Name <a@b.example>, c@d.example')).toEqual([
      { email: 'a@b.example', name: 'Name' },
      { email: 'c@d.example', name: null },
    ]);
    expect(parseAddressList('"Hartono, Budi" <Budi@LautBiru.example>; e@f.example (Eko Prasetyo)')).toEqual([
      { email: 'budi@lautbiru.example', name: 'Hartono, Budi' },
      { email: 'e@f.example', name: 'Eko Prasetyo' },
    ]);
  });

  it('drops invalid entries and group labels, keeps order and duplicates', () => {
    expect(parseAddressList('undisclosed-recipients:;')).toEqual([]);
    expect(parseAddressList('Team: a@b.example, b@b.example;, nonsense, <bad@>, a@b.example')).toEqual([
      { email: 'a@b.example', name: null },
      { email: 'b@b.example', name: null },
      { email: 'a@b.example', name: null },
    ]);
    expect(parseAddressList('')).toEqual([]);
    expect(parseAddressList(null)).toEqual([]);
  });

  it('takes the last bracketed address: a display name cannot plant one', () => {
    expect(parseAddressList('"ceo@bank.example" <attacker@evil.example>')).toEqual([{ email: 'attacker@evil.example', name: null }]);
    expect(parseAddressList('Boss <ceo@bank.example> <attacker@evil.example>')).toEqual([{ email: 'attacker@evil.example', name: 'Boss' }]);
    // A separator and an address hidden inside a quoted name stay inside it.
    expect(parseAddressList('"X <ceo@bank.example>; Y" <attacker@evil.example>')).toEqual([
      { email: 'attacker@evil.example', name: 'X; Y' },
    ]);
  });

  it('with requireBrackets, bare addresses (possibly display names) are ignored', () => {
    expect(parseAddressList('ceo@bank.example; Anita <anita@laut.example>', { requireBrackets: true })).toEqual([
      { email: 'anita@laut.example', name: 'Anita' },
    ]);
  });
});

describe('bracketedAddress', () => {
  it('is the last <addr> outside quotes, or null', () => {
    expect(bracketedAddress('Anita Wirawan <Anita@Laut.example>')).toBe('anita@laut.example');
    expect(bracketedAddress('"<ceo@bank.example>" <x@evil.example>')).toBe('x@evil.example');
    expect(bracketedAddress('anita@laut.example')).toBeNull();
    expect(bracketedAddress('<not an address>')).toBeNull();
    expect(bracketedAddress(null)).toBeNull();
  });
});

describe('displayName', () => {
  it.each([
    ['Anita Wirawan', 'Anita Wirawan'],
    ['  "Anita Wirawan"  ', 'Anita Wirawan'],
    ["'Anita Wirawan'", 'Anita Wirawan'],
    ['“Anita Wirawan”', 'Anita Wirawan'],
    ['"O\\"Brien, Siobhán"', 'O"Brien, Siobhán'],
    ["Siobhán O'Callaghan", "Siobhán O'Callaghan"],
    ['Sari Kusuma (via Google Sheets)', 'Sari Kusuma'],
    ['"Sari Kusuma" (via Google Docs)', 'Sari Kusuma'],
    ["'Ani Wijaya' via Sales Team", 'Ani Wijaya'],
    ['Ani Wijaya via LinkedIn', 'Ani Wijaya'],
    ['Olivia Vianna', 'Olivia Vianna'],
    ['Rudi <img src=x onerror=alert(1)> Hakim', 'Rudi Hakim'],
    ['<b>Rudi</b>', 'Rudi'],
    ['\u202eLina\u202c Marlina\u200b', 'Lina Marlina'],
    ['Jane\u0007\u0000 Doe', 'Jane Doe'],
    ['Dev 👩\u200d💻', 'Dev 👩\u200d💻'],
    ['ceo@bank.example', null],
    ['"ceo@bank.example"', null],
    ['Boss (ceo@bank.example)', 'Boss'],
    ['Anita Wirawan <anita@laut.example>', 'Anita Wirawan'],
    ['   ', null],
    ['""', null],
    ['', null],
    [null, null],
  ] as [string | null, string | null][])('%j → %j', (raw, expected) => {
    expect(displayName(raw)).toBe(expected);
  });

  it('caps at 120 code points without splitting surrogate pairs', () => {
    const long = displayName('😀'.repeat(300))!;
    expect(Array.from(long)).toHaveLength(120);
    expect(long.endsWith('…')).toBe(true);
    expect(displayName('A'.repeat(10_000))!.length).toBe(120);
  });
});
