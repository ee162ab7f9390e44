// The scanner skips through strings and rows instead of walking every character; these texts put
// quotes, backslashes, brackets and escapes exactly where a chunk ends, at every possible split, and
// the scanner must hear what JSON.parse of the whole text holds (or refuse the same way).
import { describe, expect, it } from 'vitest';
import { BackupScanner, BackupStreamError } from './backup-stream';

interface Heard {
  fields: Record<string, unknown>;
  rows: Record<string, unknown[]>;
  tables: string[];
}

function scan(chunks: string[]): Heard | { error: string } {
  const heard: Heard = { fields: {}, rows: {}, tables: [] };
  const scanner = new BackupScanner({
    field: (k, v) => (heard.fields[k] = v),
    row: (t, i, v) => ((heard.rows[t] ??= [])[i] = v),
    table: (t) => heard.tables.push(t),
  });
  try {
    for (const c of chunks) scanner.push(c);
    scanner.end();
  } catch (e) {
    return { error: e instanceof BackupStreamError ? e.code : (e as Error).name };
  }
  return heard;
}

/** Every way of cutting the text in two, and in three around each position, plus one character at a time. */
function splits(text: string): string[][] {
  const out: string[][] = [[text], [...text]];
  for (let i = 1; i < text.length; i++) {
    out.push([text.slice(0, i), text.slice(i)]);
    out.push([text.slice(0, i), text.slice(i, i + 1), text.slice(i + 1)]);
  }
  return out;
}

const hostileRows = [
  { id: 'a"b', note: 'quote " and backslash \\ and \\" mixed', list: ['}', ']', '{', '[', ',', ':'] },
  { id: 'c', nested: { deeper: [{ x: '"}]' }, [[[]]], {}] }, note: '\n\t end\\' },
  { id: 'd', note: 'ends with a backslash \\', n: -1.5e3, t: true, f: false, z: null },
];
// Written by hand: unicode escapes of a quote and a backslash, and an escaped backslash before the closing quote.
const escapedRow = String.raw`{"id":"e","u":"\u0022\u005c\\","k\"ey":"\\\""}`;
const hostileJson = `{"format":"jalur-backup","version":1,"exportedAt":"2026-12-05T00:00:00.000Z","ke\\"y":{"a":[1,"]"]},"tables":{"prospects":[${hostileRows
  .map((r) => JSON.stringify(r))
  .join(',')},${escapedRow}],"meta":[ 1 , "x\\"y" , [2,{"k":"]"}] ],"empty":[]}}`;

describe('backup scanner', () => {
  it('hears exactly what JSON.parse reads, wherever the chunks are cut, with quotes, escapes and brackets in strings', () => {
    const whole = JSON.parse(hostileJson) as { tables: Record<string, unknown[]> } & Record<string, unknown>;
    const { tables, ...fields } = whole;
    for (const text of [hostileJson, JSON.stringify(whole, null, 2)]) {
      for (const chunks of splits(text)) {
        const heard = scan(chunks);
        expect(heard).toEqual({ fields, rows: { prospects: tables.prospects, meta: tables.meta }, tables: ['prospects', 'meta', 'empty'] });
      }
    }
  });

  it('refuses broken text the same way wherever the chunks are cut', () => {
    const broken: [string, string][] = [
      [`{"tables":{"prospects":[{"id":"a\\"}]}}`, 'not-json'], // the row's string never closes
      [`{"tables":{"prospects":[{"id":"a"]]}}`, 'not-json'], // brackets do not match inside a row
      [`{"tables":{"prospects":[{"id":"a\\q"}]}}`, 'not-json'], // a bad escape: JSON.parse refuses the row
      [`{"tables":{"prospects":[{"id":"a"}]}} x`, 'not-json'], // text after the end
      [`{"tables":{"prospects":{"id":"a"}}}`, 'bad-file'], // a table that is not a list
      [`{"tables":{"prospects":[{"id":"a"}]`, 'not-json'], // ends in the middle
      [`["tables"]`, 'not-json'],
    ];
    for (const [text, code] of broken) {
      for (const chunks of splits(text)) expect(scan(chunks), text).toEqual({ error: code });
    }
  });
});
