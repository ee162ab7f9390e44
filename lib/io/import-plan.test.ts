import { describe, expect, it } from 'vitest';
import { FIELD_LIMITS } from '../model/prospect';
import { toCsv } from './csv';
import {
  MAX_ISSUES,
  guessMapping,
  parseDealValue,
  parseSource,
  planImport,
  planImportInChunks,
  readImportFile,
  type ExistingLookup,
  type ExistingProspect,
  type ImportFile,
  type PlanOptions,
  type StageRef,
} from './import-plan';

// Invented people and companies only; example domains are reserved or fictional.
const STAGES: StageRef[] = [
  { key: 'prospecting', names: ['Prospecting', 'Prospek'] },
  { key: 'qualification', names: ['Qualification', 'Kualifikasi'] },
  { key: 'consideration', names: ['Consideration', 'Pertimbangan'] },
  { key: 'decision', names: ['Purchase / Decision', 'Pembelian/Keputusan'] },
  { key: 'delivery', names: ['Delivery', 'Pengiriman'] },
  { key: 'lost', names: ['Lost', 'Hilang'] },
];

const NOBODY: ExistingLookup = { idBySlug: () => undefined, idByEmail: () => undefined };

function file(text: string): ImportFile {
  const r = readImportFile(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.file;
}
function plan(text: string, options: Partial<PlanOptions> = {}) {
  return planImport(file(text), { existing: NOBODY, stages: STAGES, ...options });
}
const csv = (rows: string[][]) => toCsv(rows);

const LINKEDIN_EXPORT =
  'Notes:\r\n' +
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed it."\r\n' +
  '\r\n' +
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n' +
  'Dewi,Lestari,https://www.linkedin.com/in/dewi-lestari-contoh,,PT Sinar Contoh,Head of Sales,01 Mar 2024\r\n' +
  'Bima,Pratama,https://id.linkedin.com/in/Bima%2DPratama/?trk=people,bima@contoh.co.id,"Kopi Fiktif, Tbk",Founder & CEO,15 Feb 2024\r\n' +
  'Rina,"Wulandari, MBA",https://www.linkedin.com/in/rina-w-%C3%BC/,,,,02 Jan 2024\r\n';

describe('reading the file and guessing the mapping', () => {
  it('finds the header of a LinkedIn Connections.csv after its Notes preamble', () => {
    const f = file(LINKEDIN_EXPORT);
    expect(f.kind).toBe('linkedin-connections');
    expect(f.headerLine).toBe(4);
    expect(f.records).toHaveLength(3);
    // "Connected On" becomes a dated connection touch.
    expect(f.mapping).toEqual(['firstName', 'lastName', 'linkedinUrl', 'email', 'company', 'title', 'connectedOn']);
  });

  it('plans LinkedIn connections as warm social-engagement prospects keyed by canonical slug', () => {
    const p = plan(LINKEDIN_EXPORT);
    expect(p.errors).toEqual([]);
    expect(p.importable).toBe(true);
    expect(p.creates.map((c) => c.record)).toEqual([
      {
        name: 'Dewi Lestari',
        headline: null,
        title: 'Head of Sales',
        company: 'PT Sinar Contoh',
        location: null,
        email: null,
        emails: [],
        slug: 'dewi-lestari-contoh',
        memberId: null,
        linkedinUrl: 'https://www.linkedin.com/in/dewi-lestari-contoh/',
        source: 'social_engagement',
        stageKey: null,
        dealValue: null,
        currency: null,
        stageAt: null,
        connectedAt: Date.UTC(2024, 2, 1, 12),
      },
      expect.objectContaining({
        name: 'Bima Pratama',
        slug: 'bima-pratama',
        email: 'bima@contoh.co.id',
        company: 'Kopi Fiktif, Tbk',
        title: 'Founder & CEO',
      }),
      expect.objectContaining({ name: 'Rina Wulandari, MBA', slug: 'rina-w-ü', linkedinUrl: 'https://www.linkedin.com/in/rina-w-%C3%BC/' }),
    ]);
    expect(p.creates.map((c) => [c.row, c.line])).toEqual([
      [1, 5],
      [2, 6],
      [3, 7],
    ]);
  });

  it('maps HubSpot- and Apollo-like headers', () => {
    expect(
      guessMapping(['First Name', 'Last Name', 'Email', 'Company Name', 'Job Title', 'LinkedIn URL', 'Phone Number', 'Lead Source']),
    ).toEqual(['firstName', 'lastName', 'email', 'company', 'title', 'linkedinUrl', null, 'source']);
    expect(
      guessMapping([
        'First Name',
        'Last Name',
        'Title',
        'Company',
        'Email',
        'Person Linkedin Url',
        'Company Linkedin Url',
        'City',
        'State',
        'Country',
      ]),
    ).toEqual(['firstName', 'lastName', 'title', 'company', 'email', 'linkedinUrl', null, 'location', 'location', 'location']);
  });

  it('maps Indonesian headers', () => {
    expect(
      guessMapping([
        'Nama Lengkap',
        'Jabatan',
        'Perusahaan',
        'Alamat E-mail',
        'Profil LinkedIn',
        'Kota',
        'Sumber',
        'Tahap',
        'Nilai Deal',
        'Catatan',
      ]),
    ).toEqual(['name', 'title', 'company', 'email', 'linkedinUrl', 'location', 'source', 'stage', 'dealValue', null]);
    expect(guessMapping(['Nama Depan', 'Nama Belakang', 'Posisi', 'Nama Perusahaan', 'Surel', 'Lokasi'])).toEqual([
      'firstName',
      'lastName',
      'title',
      'company',
      'email',
      'location',
    ]);
  });

  it('maps a generic "URL" column only when its cells are LinkedIn profiles', () => {
    expect(guessMapping(['Name', 'URL'], [['Ayu', 'https://www.contoh-fiktif.id']])).toEqual(['name', null]);
    expect(guessMapping(['Name', 'URL'], [['Ayu', 'linkedin.com/in/ayu-contoh']])).toEqual(['name', 'linkedinUrl']);
    expect(guessMapping(['Name', 'URL'])).toEqual(['name', null]);
  });

  it('gives a single-valued field to the first column naming it; e-mail and location take several', () => {
    expect(guessMapping(['Name', 'Full Name', 'Email', 'Work Email', 'Title', 'Position'])).toEqual([
      'name',
      null,
      'email',
      'email',
      'title',
      null,
    ]);
  });

  it('an unterminated quote is an error with its line', () => {
    const r = readImportFile('Name,Email\r\nAyu,ayu@contoh.id\r\n"Budi,budi@contoh.id\r\n');
    expect(r).toMatchObject({ ok: false, error: { code: 'unterminated-quote', line: 3 } });
    expect(readImportFile('\ufeff')).toMatchObject({ ok: false, error: { code: 'empty-file' } });
  });
});

describe('Indonesian file with semicolons, stages, sources and rupiah values', () => {
  const text =
    '\ufeffNama Lengkap;Jabatan;Perusahaan;Alamat E-mail;Profil LinkedIn;Kota;Sumber;Tahap;Nilai Deal\r\n' +
    'Siti Rahayu;Direktur Keuangan;PT Contoh Makmur;Siti.Rahayu@Contoh.co.id;;Bandung;Referensi;Pertimbangan;Rp 25.000.000\r\n' +
    'Agus Santoso;Manajer TI;CV Fiktif Jaya;;https://www.linkedin.com/in/agus-santoso-contoh;Surabaya;Acara;qualification;1,5 jt\r\n';

  it('reads every field', () => {
    const p = plan(text);
    expect(p.errors).toEqual([]);
    expect(p.creates.map((c) => c.record)).toEqual([
      expect.objectContaining({
        name: 'Siti Rahayu',
        email: 'siti.rahayu@contoh.co.id',
        location: 'Bandung',
        source: 'referral',
        stageKey: 'consideration',
        dealValue: 25_000_000,
      }),
      expect.objectContaining({
        name: 'Agus Santoso',
        slug: 'agus-santoso-contoh',
        source: 'event',
        stageKey: 'qualification',
        dealValue: 1_500_000,
      }),
    ]);
  });

  it('joins several location columns', () => {
    const p = plan(
      csv([
        ['First Name', 'Last Name', 'Email', 'City', 'State', 'Country'],
        ['Putu', 'Ayu', 'putu@contoh.id', 'Denpasar', 'Bali', 'Indonesia'],
        ['Made', 'Wira', 'made@contoh.id', '', '', 'Indonesia'],
      ]),
    );
    expect(p.creates.map((c) => c.record.location)).toEqual(['Denpasar, Bali, Indonesia', 'Indonesia']);
  });
});

describe('the rep overrides the mapping', () => {
  const text = csv([
    ['Contact', 'Mail', 'Website', 'Org'],
    ['Lina Kusuma', 'lina@contoh.id', 'https://www.contoh-fiktif.id', 'PT Fiktif'],
  ]);
  it('uses the given mapping instead of the guess', () => {
    const f = file(text);
    expect(f.mapping).toEqual(['name', null, null, null]);
    expect(planImport(f, { existing: NOBODY, stages: STAGES }).fileErrors.map((e) => e.code)).toEqual(['no-identity-column']);
    const p = planImport(f, { existing: NOBODY, stages: STAGES, mapping: ['name', 'email', null, 'company'] });
    expect(p.importable).toBe(true);
    expect(p.creates[0]!.record).toMatchObject({ name: 'Lina Kusuma', email: 'lina@contoh.id', company: 'PT Fiktif' });
  });
  it('refuses a mapping that is not one', () => {
    const f = file(text);
    const p = planImport(f, { existing: NOBODY, stages: STAGES, mapping: ['nama' as never, 'email', null, null] });
    expect(p.fileErrors.map((e) => e.code)).toContain('invalid-mapping');
    expect(p.importable).toBe(false);
    const wide = planImport(f, { existing: NOBODY, stages: STAGES, mapping: ['name', 'email', null, null, 'company'] });
    expect(wide.fileErrors.map((e) => e.code)).toEqual(['invalid-mapping']);
  });
  it('a header without rows is not importable', () => {
    expect(plan('Name,Email\r\n').fileErrors.map((e) => e.code)).toEqual(['no-rows']);
  });
});

describe('per-row errors', () => {
  const header = ['Name', 'Email', 'LinkedIn URL', 'Stage', 'Deal value', 'Source'];
  const rows = [
    header,
    ['Good One', 'good1@contoh.id', '', '', '', ''],
    ['Bad Mail', 'not-an-address', '', '', '', ''],
    ['Bad Url', '', 'https://www.linkedin.com/company/contoh-fiktif', '', '', ''],
    ['Bad Stage', 'stage@contoh.id', '', 'Negotiation', '', ''],
    ['Bad Value', 'value@contoh.id', '', '', '12abc', ''],
    ['Minus', 'minus@contoh.id', '', '', '-500', ''],
    ['Bad Source', 'source@contoh.id', '', '', '', 'Carrier pigeon'],
    ['No Key', '', '', '', '', ''],
    ['', '', 'https://www.linkedin.com/in/nameless-contoh', '', '', ''],
    ['Good Two', 'good2@contoh.id', '', 'Kualifikasi', '2500000', 'cold_call'],
  ];
  const text = csv(rows);

  it('reports each with its row, line, column and code', () => {
    const p = plan(text);
    expect(p.errors.map((e) => [e.row, e.line, e.column, e.code, e.value])).toEqual([
      [2, 3, 'Email', 'invalid-email', 'not-an-address'],
      [3, 4, 'LinkedIn URL', 'invalid-linkedin-url', 'https://www.linkedin.com/company/contoh-fiktif'],
      [4, 5, 'Stage', 'unknown-stage', 'Negotiation'],
      [5, 6, 'Deal value', 'invalid-number', '12abc'],
      [6, 7, 'Deal value', 'negative-value', '-500'],
      [7, 8, 'Source', 'unknown-source', 'Carrier pigeon'],
      [8, 9, null, 'no-identity', undefined],
      [9, 10, 'Name', 'name-missing', undefined],
    ]);
    expect(p.badRows).toBe(8);
    expect(p.errors.every((e) => e.message.length > 0)).toBe(true);
  });

  it('a bad row makes the whole plan not importable, unless bad rows are skipped', () => {
    const strict = plan(text);
    expect(strict.importable).toBe(false);
    expect(strict.creates.map((c) => c.record.name)).toEqual(['Good One', 'Good Two']);
    const lenient = plan(text, { skipBadRows: true });
    expect(lenient.importable).toBe(true);
    expect(lenient.creates[1]!.record).toMatchObject({ stageKey: 'qualification', dealValue: 2_500_000, source: 'cold_call' });
  });

  it('a row without a name is named by its e-mail address, with a warning', () => {
    const p = plan(
      csv([
        ['Name', 'Email'],
        ['', 'Anon@Contoh.id'],
      ]),
    );
    expect(p.creates[0]!.record.name).toBe('anon@contoh.id');
    expect(p.warnings.map((w) => w.code)).toEqual(['name-from-email']);
  });

  it('too many cells is an error, too few a warning', () => {
    const p = plan('Name,Email,Company\r\nAyu,ayu@contoh.id,PT A,shifted\r\nBudi,budi@contoh.id\r\nCici,cici@contoh.id,PT C,\r\n');
    expect(p.errors.map((e) => [e.row, e.code])).toEqual([[1, 'too-many-cells']]);
    expect(p.warnings.map((e) => [e.row, e.code])).toEqual([[2, 'too-few-cells']]);
    expect(p.creates.map((c) => c.record.name)).toEqual(['Budi', 'Cici']);
  });

  it('empty rows are skipped and said so', () => {
    const p = plan('Name,Email\r\nAyu,ayu@contoh.id\r\n,\r\n  , \r\nBudi,budi@contoh.id\r\n');
    expect(p.skipped).toEqual([
      { row: 2, line: 3, reason: 'empty' },
      { row: 3, line: 4, reason: 'empty' },
    ]);
    expect(p.creates).toHaveLength(2);
    expect(p.importable).toBe(true);
  });

  it('several addresses in one cell all count; one bad address fails the row', () => {
    const p = plan(
      csv([
        ['Name', 'Email'],
        ['Ayu', 'ayu@contoh.id; Ayu.Kerja@Contoh.id, <ayu3@contoh.id>'],
        ['Budi', 'budi@contoh.id; nope'],
      ]),
    );
    expect(p.creates[0]!.record.emails).toEqual(['ayu@contoh.id', 'ayu.kerja@contoh.id', 'ayu3@contoh.id']);
    expect(p.errors.map((e) => [e.row, e.code, e.value])).toEqual([[2, 'invalid-email', 'nope']]);
  });
});

describe('hostile text', () => {
  it('strips control and bidi characters, keeps markup as text, restores neutralised formulas', () => {
    const p = plan(
      csv([
        ['Name', 'Email', 'Company', 'Title'],
        ['Ayu\u0000\u202eSari\u0007', 'ayu@contoh.id', '<img src=x onerror=alert(1)>', '=cmd|" /C calc"!A0'],
      ]),
    );
    expect(p.creates[0]!.record).toMatchObject({ name: 'Ayu Sari', company: '<img src=x onerror=alert(1)>', title: '=cmd|" /C calc"!A0' });
  });

  it('cuts over-long values to the model limits by code point, with a warning', () => {
    const long = 'Nama'.repeat(100);
    const emoji = '😀'.repeat(FIELD_LIMITS.company + 5);
    const p = plan(
      csv([
        ['Name', 'Email', 'Company'],
        [long, 'long@contoh.id', emoji],
      ]),
    );
    const r = p.creates[0]!.record;
    expect(r.name).toBe(long.slice(0, FIELD_LIMITS.name));
    expect(Array.from(r.company!)).toHaveLength(FIELD_LIMITS.company);
    expect(r.company).toBe('😀'.repeat(FIELD_LIMITS.company));
    expect(p.warnings.map((w) => [w.column, w.code])).toEqual([
      ['Name', 'truncated'],
      ['Company', 'truncated'],
    ]);
    expect(p.importable).toBe(true);
  });

  it('a hostile LinkedIn URL gives no slug', () => {
    for (const url of ['javascript:alert(1)', 'https://linkedin.com.evil.example/in/x', 'https://www.linkedin.com/in/%E0%A4%A']) {
      const p = plan(
        csv([
          ['Name', 'LinkedIn'],
          ['X', url],
        ]),
      );
      expect(p.errors.map((e) => e.code)).toEqual(['invalid-linkedin-url']);
    }
  });
});

describe('dedupe', () => {
  it('within the file by slug (any URL form) and by e-mail (any case); duplicates fill blanks of the first row', () => {
    const p = plan(
      csv([
        ['Name', 'Email', 'LinkedIn URL', 'Title'],
        ['Dewi Lestari', '', 'https://www.linkedin.com/in/dewi-lestari-contoh/', ''],
        ['Dewi L.', '', 'http://id.linkedin.com/in/Dewi-Lestari-Contoh?trk=x#top', 'Head of Sales'],
        ['Bima', 'bima@contoh.id', '', 'Founder'],
        ['Bima P', 'BIMA@Contoh.ID; bima2@contoh.id', 'https://www.linkedin.com/in/bima-contoh', 'CEO'],
        ['Bima Again', '', 'linkedin.com/in/bima-contoh', ''],
      ]),
    );
    expect(p.errors).toEqual([]);
    expect(p.skipped).toEqual([
      { row: 2, line: 3, reason: 'duplicate-in-file', duplicateOfRow: 1, key: 'slug' },
      { row: 4, line: 5, reason: 'duplicate-in-file', duplicateOfRow: 3, key: 'email' },
      // Row 4 told us Bima's slug, so row 5 is Bima too.
      { row: 5, line: 6, reason: 'duplicate-in-file', duplicateOfRow: 3, key: 'slug' },
    ]);
    expect(p.creates.map((c) => [c.row, c.record.name, c.record.title, c.record.slug, c.record.emails])).toEqual([
      [1, 'Dewi Lestari', 'Head of Sales', 'dewi-lestari-contoh', []],
      [3, 'Bima', 'Founder', 'bima-contoh', ['bima@contoh.id', 'bima2@contoh.id']],
    ]);
    expect(p.importable).toBe(true);
  });

  it('a row matching an earlier row by e-mail but with another slug is a conflict, not a duplicate', () => {
    const p = plan(
      csv([
        ['Name', 'Email', 'LinkedIn URL'],
        ['Ayu', 'info@contoh.id; ayu@contoh.id', 'https://www.linkedin.com/in/ayu-contoh'],
        ['Budi', 'info@contoh.id', 'https://www.linkedin.com/in/budi-contoh'],
        ['Cici', 'cici@contoh.id', 'https://www.linkedin.com/in/cici-contoh'],
        ['Both', 'cici@contoh.id', 'https://www.linkedin.com/in/ayu-contoh'],
        ['Bridge', 'cici@contoh.id; ayu@contoh.id', ''],
        ['Ayu', 'ayu@contoh.id', ''],
      ]),
    );
    expect(p.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'identity-conflict'],
      [4, 'identity-conflict'],
      [5, 'identity-conflict'],
    ]);
    expect(p.badRows).toBe(3);
    expect(p.creates.map((c) => c.row)).toEqual([1, 3]);
    expect(p.skipped).toEqual([{ row: 6, line: 7, reason: 'duplicate-in-file', duplicateOfRow: 1, key: 'email' }]);
  });

  it('a bad row claims no key, so its duplicate is imported', () => {
    const p = plan(
      csv([
        ['Name', 'Email', 'LinkedIn URL'],
        ['Ayu', 'broken-address', 'https://www.linkedin.com/in/ayu-contoh'],
        ['Ayu Sari', '', 'https://www.linkedin.com/in/ayu-contoh'],
      ]),
      { skipBadRows: true },
    );
    expect(p.creates.map((c) => c.row)).toEqual([2]);
  });
});

describe('against existing prospects', () => {
  const people: Record<string, ExistingProspect> = {
    p1: {
      slug: 'dewi-lestari-contoh',
      emails: ['dewi@contoh.id'],
      name: 'Dewi Lestari',
      headline: null,
      title: 'Sales Manager',
      company: 'PT Sinar Contoh',
      location: 'Jakarta',
      linkedinUrl: 'https://www.linkedin.com/in/dewi-lestari-contoh/',
      source: 'social_selling',
      stageKey: 'prospecting',
      dealValue: null,
    },
    p2: {
      slug: null,
      emails: ['bima@contoh.id'],
      name: 'Bima Pratama',
      headline: null,
      title: null,
      company: 'Kopi Fiktif',
      location: null,
      linkedinUrl: null,
      source: 'cold_email',
      stageKey: 'qualification',
      dealValue: 1000,
    },
  };
  const slugs = new Map([['dewi-lestari-contoh', 'p1']]);
  const emails = new Map([
    ['dewi@contoh.id', 'p1'],
    ['bima@contoh.id', 'p2'],
  ]);
  const existing: ExistingLookup = {
    idBySlug: (s) => slugs.get(s),
    idByEmail: (e) => emails.get(e),
    get: (id) => people[id],
  };

  it('updates only what changes, skips the unchanged, creates the new', () => {
    const p = plan(
      csv([
        ['Name', 'Email', 'LinkedIn URL', 'Title', 'Company', 'Stage', 'Deal value'],
        ['Dewi Lestari', '', 'https://id.linkedin.com/in/dewi-lestari-contoh', 'Head of Sales', 'PT Sinar Contoh', '', ''],
        ['Bima Pratama', 'BIMA@contoh.id; bima.p@contoh.id', 'https://www.linkedin.com/in/bima-contoh', '', '', 'Pertimbangan', '1000'],
        ['Dewi Lestari', 'dewi@contoh.id', '', '', '', '', ''],
        ['Cahya Baru', 'cahya@contoh.id', '', '', '', '', ''],
      ]),
      { existing },
    );
    expect(p.errors).toEqual([]);
    expect(p.updates).toEqual([
      expect.objectContaining({ row: 1, id: 'p1', changes: { title: 'Head of Sales' } }),
      expect.objectContaining({
        row: 2,
        id: 'p2',
        changes: {
          slug: 'bima-contoh',
          linkedinUrl: 'https://www.linkedin.com/in/bima-contoh/',
          addEmails: ['bima.p@contoh.id'],
          stageKey: 'consideration',
        },
      }),
    ]);
    // Row 3 repeats row 1's person by e-mail? No: row 1 has no e-mail, so row 3 matches p1 itself, unchanged.
    expect(p.skipped).toEqual([{ row: 3, line: 4, reason: 'unchanged', existingId: 'p1' }]);
    expect(p.creates.map((c) => c.record.name)).toEqual(['Cahya Baru']);
  });

  it('the default source never overwrites an existing source; a Source column does', () => {
    const noColumn = plan(
      csv([
        ['Name', 'Email'],
        ['Bima Pratama', 'bima@contoh.id'],
      ]),
      { existing },
    );
    expect(noColumn.skipped).toEqual([{ row: 1, line: 2, reason: 'unchanged', existingId: 'p2' }]);
    const withColumn = plan(
      csv([
        ['Name', 'Email', 'Source'],
        ['Bima Pratama', 'bima@contoh.id', 'Referral'],
      ]),
      { existing },
    );
    expect(withColumn.updates[0]!.changes).toEqual({ source: 'referral' });
  });

  it('a name made from the address never renames an existing person', () => {
    const p = plan(
      csv([
        ['Name', 'Email'],
        ['', 'bima@contoh.id'],
      ]),
      { existing },
    );
    expect(p.skipped.map((s) => s.reason)).toEqual(['unchanged']);
  });

  it('slug of one person and e-mail of another: the row matches two people, an error naming both', () => {
    const p = plan(
      csv([
        ['Name', 'Email', 'LinkedIn URL'],
        ['Mixed', 'bima@contoh.id', 'https://www.linkedin.com/in/dewi-lestari-contoh'],
      ]),
      { existing },
    );
    expect(p.errors.map((e) => e.code)).toEqual(['matches-several']);
  });

  it('an e-mail match whose prospect has another slug is a conflict', () => {
    const p = plan(
      csv([
        ['Name', 'Email', 'LinkedIn URL'],
        ['Dewi', 'dewi@contoh.id', 'https://www.linkedin.com/in/someone-else-contoh'],
      ]),
      { existing },
    );
    expect(p.errors.map((e) => e.code)).toEqual(['identity-conflict']);
  });

  it('without current values every given field is reported as a change', () => {
    const idOnly: ExistingLookup = { idBySlug: existing.idBySlug, idByEmail: existing.idByEmail };
    const p = plan(
      csv([
        ['Name', 'Email', 'Company'],
        ['Bima Pratama', 'bima@contoh.id', 'Kopi Fiktif'],
      ]),
      { existing: idOnly },
    );
    expect(p.updates[0]!.changes).toEqual({ name: 'Bima Pratama', company: 'Kopi Fiktif', addEmails: ['bima@contoh.id'] });
  });
});

describe('values', () => {
  it.each([
    ['25000000', 25_000_000],
    ['Rp 25.000.000', 25_000_000],
    ['Rp25.000.000,50', 25_000_000.5],
    ['IDR 1,500,000', 1_500_000],
    ['$12,500.75', 12_500.75],
    ['1.234,5', 1234.5],
    ['1.500', 1500],
    ['1,500', 1500],
    ['1.5', 1.5],
    ['0,25', 0.25],
    ['1 500 000', 1_500_000],
    ['1,5 jt', 1_500_000],
    ['750rb', 750_000],
    ['2k', 2000],
    ['2 miliar', 2e9],
    ['0', 0],
    ['-0', 0],
  ])('%j → %d', (text, value) => expect(parseDealValue(text)).toEqual({ ok: true, value }));

  it.each([
    ['12abc', 'invalid-number'],
    ['1.2.3,4.5', 'invalid-number'],
    ['1,50,000', 'invalid-number'],
    ['', 'invalid-number'],
    ['1.', 'invalid-number'],
    ['=1+1', 'invalid-number'],
    ['1e400', 'invalid-number'],
    ['9'.repeat(20), 'invalid-number'],
    ['-500', 'negative-value'],
    ['(500)', 'negative-value'],
    ['Rp -500', 'negative-value'],
  ])('%j is refused (%s)', (text, code) => expect(parseDealValue(text)).toEqual({ ok: false, code }));

  it('reads sources by key, English and Indonesian label', () => {
    expect(parseSource('social_selling')).toBe('social_selling');
    expect(parseSource('Social selling (LinkedIn)')).toBe('social_selling');
    expect(parseSource('Panggilan dingin')).toBe('cold_call');
    expect(parseSource('Interaksi media sosial')).toBe('social_engagement');
    expect(parseSource('REFERRAL')).toBe('referral');
    expect(parseSource('carrier pigeon')).toBeUndefined();
  });
});

describe('scale', () => {
  it('plans 20,000 rows with duplicates linearly enough to finish', () => {
    const rows = [['First Name', 'Last Name', 'Email', 'Person Linkedin Url']];
    for (let i = 0; i < 20_000; i++) {
      const k = i % 15_000; // the last 5,000 repeat earlier people
      rows.push([`Orang${k}`, 'Contoh', `orang${k}@contoh.id`, i % 2 ? `https://www.linkedin.com/in/orang-${k}` : '']);
    }
    const p = plan(csv(rows));
    expect(p.errors).toEqual([]);
    expect(p.creates).toHaveLength(15_000);
    expect(p.skipped).toHaveLength(5_000);
    // Every data row lands in exactly one bucket.
    const rowsSeen = [...p.creates, ...p.updates, ...p.skipped, ...p.errors].map((x) => x.row).sort((x, y) => x - y);
    expect(rowsSeen).toEqual(Array.from({ length: 20_000 }, (_, i) => i + 1));
    // What this proves is that planning finishes (a quadratic plan would not within any sane limit);
    // the time it takes is measured by the bench, so the limit is generous for a loaded machine.
  }, 120_000);

  it('20,000 bad rows: the first 200 errors in row order and the true total, not 20,000 messages', () => {
    const rows = [['Name', 'Email']];
    for (let i = 0; i < 20_000; i++) rows.push([`Orang ${i}`, `bukan-alamat-${i}`]);
    const p = plan(csv(rows));
    expect(p.badRows).toBe(20_000);
    expect(p.errorCount).toBe(20_000);
    expect(p.errors).toHaveLength(MAX_ISSUES);
    expect(p.errors.map((e) => e.row)).toEqual(Array.from({ length: MAX_ISSUES }, (_, i) => i + 1));
    expect(p.errors[0]).toMatchObject({ row: 1, line: 2, column: 'Email', code: 'invalid-email', value: 'bukan-alamat-0' });
    expect(p.importable).toBe(false);
  }, 120_000);

  it('keeps the earliest rows when a later check finds an earlier row at fault', () => {
    // Identity conflicts against the store are found after every row is read, for rows of any number.
    const rows = [['Name', 'Email', 'LinkedIn URL']];
    for (let i = 0; i < 500; i++) rows.push([`Orang ${i}`, `bukan-${i}`, '']);
    rows.push(['Rina', 'rina@contoh.id', 'https://www.linkedin.com/in/rina-0/']);
    const existing: ExistingLookup = { idBySlug: (s) => (s === 'rina-0' ? 'a' : undefined), idByEmail: (e) => (e === 'rina@contoh.id' ? 'b' : undefined) };
    const p = plan(csv(rows), { existing });
    expect(p.errorCount).toBe(501);
    expect(p.errors).toHaveLength(MAX_ISSUES);
    expect(p.errors.at(-1)!.row).toBe(MAX_ISSUES);
  });

  it('plans in slices with a pause between them, reporting progress, to the same plan', async () => {
    const rows = [['Name', 'Email']];
    for (let i = 0; i < 2_500; i++) rows.push([`Orang ${i % 2000}`, i % 7 ? `orang${i % 2000}@contoh.id` : 'bukan']);
    const whole = plan(csv(rows));
    const seen: number[] = [];
    let pauses = 0;
    const sliced = await planImportInChunks(
      file(csv(rows)),
      { existing: NOBODY, stages: STAGES },
      { chunk: 1000, pause: async () => void pauses++, onProgress: (p) => seen.push(p.done) },
    );
    expect(seen).toEqual([1000, 2000, 2500]);
    expect(pauses).toBe(3);
    expect(sliced).toEqual(whole);
  });
});
