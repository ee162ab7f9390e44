// An import that updates people already in the pipeline: matched by LinkedIn URL or e-mail alone,
// a per-row dry run, Stage columns with dates, LinkedIn's "Connected On", and CRM exports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';
import { parseImportDate, planImport, readImportFile, type ExistingLookup, type ExistingProspect, type ImportFile, type StageRef } from './import-plan';

const STAGES: StageRef[] = [
  { key: 'prospecting', names: ['Prospecting', 'Prospek'] },
  { key: 'qualification', names: ['Qualification', 'Kualifikasi'] },
  { key: 'consideration', names: ['Consideration', 'Pertimbangan'] },
  { key: 'decision', names: ['Purchase / Decision', 'Pembelian/Keputusan'] },
  { key: 'delivery', names: ['Delivery', 'Pengiriman'] },
  { key: 'lost', names: ['Lost', 'Hilang'] },
];
const NOW = Date.UTC(2026, 11, 5, 14);
const DAY = 86_400_000;

function file(text: string): ImportFile {
  const r = readImportFile(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.file;
}
const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/csv/${name}`, import.meta.url), 'utf8');

const PEOPLE: Array<ExistingProspect & { id: string }> = [
  {
    id: 'p-ayu',
    slug: 'ayu-lestari-contoh',
    emails: ['ayu@contoh.id'],
    name: 'Ayu Lestari',
    headline: null,
    title: 'Head of Sales',
    company: 'PT Sinar Contoh',
    location: null,
    linkedinUrl: 'https://www.linkedin.com/in/ayu-lestari-contoh/',
    source: 'social_selling',
    stageKey: 'prospecting',
    dealValue: null,
    stageEnteredAt: NOW - 30 * DAY,
    connectedAt: [],
  },
  {
    id: 'p-budi',
    slug: 'budi-santoso-contoh',
    emails: ['budi@contoh.id'],
    name: 'Budi Santoso',
    headline: null,
    title: null,
    company: null,
    location: null,
    linkedinUrl: 'https://www.linkedin.com/in/budi-santoso-contoh/',
    source: 'social_selling',
    stageKey: 'qualification',
    dealValue: null,
    stageEnteredAt: NOW - 2 * DAY,
    connectedAt: [Date.UTC(2024, 2, 1, 12)],
  },
  {
    id: 'p-citra',
    slug: 'citra-dewi-contoh',
    emails: [],
    name: 'Citra Dewi',
    headline: null,
    title: null,
    company: null,
    location: null,
    linkedinUrl: 'https://www.linkedin.com/in/citra-dewi-contoh/',
    source: 'social_selling',
    stageKey: 'prospecting',
    dealValue: null,
    stageEnteredAt: NOW - 5 * DAY,
    connectedAt: [],
  },
];
const existing: ExistingLookup = {
  idBySlug: (s) => PEOPLE.find((p) => p.slug === s)?.id,
  idByEmail: (e) => PEOPLE.find((p) => p.emails.includes(e))?.id,
  get: (id) => PEOPLE.find((p) => p.id === id),
};
const plan = (text: string, extra: { skipBadRows?: boolean } = {}) => planImport(file(text), { existing, stages: STAGES, now: NOW, ...extra });

describe('updating people matched by LinkedIn URL or e-mail alone', () => {
  it('a file of LinkedIn URL + Stage whose rows all match updates them, no name needed', () => {
    const p = plan(fixture('linkedin-url-stage.csv'));
    expect(p.fileErrors).toEqual([]);
    expect(p.errors).toEqual([]);
    expect(p.importable).toBe(true);
    expect(p.creates).toEqual([]);
    expect(p.updates.map((u) => [u.row, u.id, u.changes.stageKey, u.changes.stageAt])).toEqual([
      [1, 'p-ayu', 'consideration', Date.UTC(2026, 10, 20, 12)],
      [2, 'p-budi', 'decision', undefined],
    ]);
    // Already in Prospecting: nothing to do for Citra.
    expect(p.skipped).toEqual([{ row: 3, line: 4, reason: 'unchanged', existingId: 'p-citra' }]);
    expect(p.matchedNames.get(3)).toBe('Citra Dewi');
  });

  it('the dry run says per row what would change: field, old value, new value', () => {
    const p = plan(
      toCsv([
        ['Email', 'Title', 'Company', 'Stage'],
        ['ayu@contoh.id', 'Chief Financial Officer', 'PT Sinar Contoh', 'Pertimbangan'],
      ]),
    );
    expect(p.updates[0]!.currentName).toBe('Ayu Lestari');
    expect(p.updates[0]!.diff).toEqual([
      { field: 'title', from: 'Head of Sales', to: 'Chief Financial Officer' },
      { field: 'stage', from: 'prospecting', to: 'consideration' },
    ]);
  });

  it('a nameless row that matches nobody is refused as before (a new person needs a name or an address)', () => {
    const p = plan(
      toCsv([
        ['LinkedIn URL', 'Stage'],
        ['https://www.linkedin.com/in/orang-baru-contoh', 'Prospecting'],
      ]),
    );
    expect(p.errors.map((e) => [e.row, e.code])).toEqual([[1, 'name-missing']]);
    expect(p.importable).toBe(false);
  });

  it('an address alone is not a name warning when the row updates someone', () => {
    const p = plan(
      toCsv([
        ['Email', 'Stage'],
        ['budi@contoh.id', 'Consideration'],
      ]),
    );
    expect(p.warnings).toEqual([]);
    expect(p.updates[0]!.changes).toEqual({ stageKey: 'consideration' });
  });

  it('a row matching two people is an error naming both, and nothing is changed for it', () => {
    const p = plan(
      toCsv([
        ['LinkedIn URL', 'Email', 'Stage'],
        ['https://www.linkedin.com/in/ayu-lestari-contoh', 'budi@contoh.id', 'Lost'],
        ['https://www.linkedin.com/in/citra-dewi-contoh', '', 'Qualification'],
      ]),
    );
    expect(p.errors.map((e) => [e.row, e.code, e.value])).toEqual([[1, 'matches-several', 'Ayu Lestari / Budi Santoso']]);
    expect(p.importable).toBe(false);
    expect(p.updates.map((u) => u.id)).toEqual(['p-citra']);
    const skipping = plan(
      toCsv([
        ['Email', 'Stage'],
        ['ayu@contoh.id;budi@contoh.id', 'Lost'],
      ]),
      { skipBadRows: true },
    );
    expect(skipping.errors.map((e) => e.code)).toEqual(['matches-several']);
    expect(skipping.updates).toEqual([]);
  });

  it('a stage date before the person entered their current stage is recorded now, with a warning', () => {
    const p = plan(
      toCsv([
        ['LinkedIn URL', 'Stage', 'Stage date'],
        ['https://www.linkedin.com/in/budi-santoso-contoh', 'Consideration', '2024-01-15'],
      ]),
    );
    expect(p.updates[0]!.changes).toEqual({ stageKey: 'consideration' });
    expect(p.warnings.map((w) => w.code)).toEqual(['stage-date-clamped']);
  });

  it('a date in the future or unreadable is an error', () => {
    const p = plan(
      toCsv([
        ['LinkedIn URL', 'Stage', 'Stage date'],
        ['https://www.linkedin.com/in/ayu-lestari-contoh', 'Consideration', '2027-01-01'],
        ['https://www.linkedin.com/in/budi-santoso-contoh', 'Consideration', 'kemarin'],
        ['https://www.linkedin.com/in/citra-dewi-contoh', 'Consideration', '03/04/2026'],
      ]),
    );
    expect(p.errors.map((e) => [e.row, e.code])).toEqual([
      [1, 'future-date'],
      [2, 'invalid-date'],
      [3, 'ambiguous-date'],
    ]);
  });
});

describe("LinkedIn's Connected On", () => {
  const connections = (rows: string[][]) => toCsv([['First Name', 'Last Name', 'URL', 'Email Address', 'Company', 'Position', 'Connected On'], ...rows]);

  it('becomes a dated connection touch for new and existing people, once per day', () => {
    const p = plan(
      connections([
        ['Ayu', 'Lestari', 'https://www.linkedin.com/in/ayu-lestari-contoh', '', 'PT Sinar Contoh', 'Head of Sales', '05 Mar 2024'],
        ['Budi', 'Santoso', 'https://www.linkedin.com/in/budi-santoso-contoh', '', '', '', '01 Mar 2024'],
        ['Eka', 'Baru', 'https://www.linkedin.com/in/eka-baru-contoh', '', '', '', '12 Agu 2023'],
      ]),
    );
    expect(p.updates.map((u) => [u.id, u.changes])).toEqual([['p-ayu', { connectedAt: Date.UTC(2024, 2, 5, 12) }]]);
    expect(p.updates[0]!.diff).toEqual([{ field: 'connectedOn', from: null, to: Date.UTC(2024, 2, 5, 12) }]);
    // Budi's connection of that day is already recorded.
    expect(p.skipped.map((s) => [s.row, s.reason])).toEqual([[2, 'unchanged']]);
    expect(p.creates[0]!.record).toMatchObject({ name: 'Eka Baru', connectedAt: Date.UTC(2023, 7, 12, 12) });
  });
});

describe('reading dates', () => {
  it.each([
    ['2024-03-05', Date.UTC(2024, 2, 5, 12)],
    ['2024-03-05 10:11', Date.UTC(2024, 2, 5, 10, 11)],
    ['2024-03-05 10:11:12', Date.UTC(2024, 2, 5, 10, 11, 12)],
    ['2024-03-05T10:11:12+07:00', Date.UTC(2024, 2, 5, 3, 11, 12)],
    ['05 Mar 2024', Date.UTC(2024, 2, 5, 12)],
    ['5 Mei 2024', Date.UTC(2024, 4, 5, 12)],
    ['Mar 5, 2024', Date.UTC(2024, 2, 5, 12)],
    ['25/03/2024', Date.UTC(2024, 2, 25, 12)],
    ['03/25/2024', Date.UTC(2024, 2, 25, 12)],
    ['05.05.2024', Date.UTC(2024, 4, 5, 12)],
  ])('%s', (text, at) => {
    expect(parseImportDate(text)).toEqual({ ok: true, at });
  });

  it('refuses what is not a date, or could be two', () => {
    expect(parseImportDate('31 Feb 2024')).toEqual({ ok: false, code: 'invalid-date' });
    expect(parseImportDate('2024-13-01')).toEqual({ ok: false, code: 'invalid-date' });
    expect(parseImportDate('03/04/2024')).toEqual({ ok: false, code: 'ambiguous-date' });
    expect(parseImportDate('soon')).toEqual({ ok: false, code: 'invalid-date' });
  });
});

describe('CRM exports map without manual mapping', () => {
  it('HubSpot contacts: name, e-mail, job title, company, location and lifecycle stage', () => {
    const f = file(fixture('hubspot-contacts.csv'));
    const mapped = Object.fromEntries(f.header.map((h, i) => [h, f.mapping[i]]).filter(([, m]) => m));
    expect(mapped).toEqual({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Email: 'email',
      'Job Title': 'title',
      'Company Name': 'company',
      City: 'location',
      'State/Region': 'location',
      'Country/Region': 'location',
      'Lifecycle Stage': 'stage',
    });
    const p = planImport(f, { existing: { idBySlug: () => undefined, idByEmail: () => undefined }, stages: STAGES, now: NOW });
    expect(p.errors).toEqual([]);
    expect(p.importable).toBe(true);
    expect(p.creates.map((c) => [c.record.name, c.record.title, c.record.location, c.record.stageKey])).toEqual([
      ['Sari Kusuma', 'Chief Financial Officer', 'Jakarta, DKI Jakarta, Indonesia', 'consideration'],
      ['Andi Wirawan', 'Head of Operations', 'Surabaya, Jawa Timur, Indonesia', 'prospecting'],
      ['Maya Hartono', 'VP Sales', 'Singapore', 'qualification'],
    ]);
  });

  it('Pipedrive deals: person, e-mail, organisation, value in its currency, stage (won and lost by status) and when it entered the stage', () => {
    const f = file(fixture('pipedrive-deals.csv'));
    const mapped = Object.fromEntries(f.header.map((h, i) => [h, f.mapping[i]]).filter(([, m]) => m));
    expect(mapped).toEqual({
      'Deal - Value': 'dealValue',
      'Deal - Currency': 'currency',
      'Deal - Stage': 'stage',
      'Deal - Status': 'status',
      'Deal - Last stage change': 'stageDate',
      'Person - Name': 'name',
      'Person - Email': 'email',
      'Organization - Name': 'company',
    });
    const p = planImport(f, { existing: { idBySlug: () => undefined, idByEmail: () => undefined }, stages: STAGES, now: NOW });
    expect(p.errors).toEqual([]);
    expect(p.warnings).toEqual([]);
    expect(
      p.creates.map((c) => [c.record.name, c.record.company, c.record.dealValue, c.record.currency, c.record.stageKey, c.record.stageAt]),
    ).toEqual([
      ['Dimas Saputra', 'PT Pipa Fiktif', 25_000_000, 'IDR', 'consideration', Date.UTC(2024, 3, 20, 16, 30)],
      ['Nadia Putri', 'Contoh Logistik', 7500, 'USD', 'qualification', Date.UTC(2024, 3, 3, 11)],
      ['Yoga Pranata', 'PT Pipa Fiktif', 0, 'IDR', 'decision', Date.UTC(2024, 4, 1, 10)],
      // A won deal is in the won stage and a lost one in Lost, whatever pipeline stage they closed from.
      ['Rahma Wulandari', 'PT Gudang Fiktif', 120_000_000, 'IDR', 'delivery', Date.UTC(2024, 4, 10, 14)],
      ['Bayu Nugroho', 'Contoh Armada', 9000, 'SGD', 'lost', Date.UTC(2024, 3, 15, 9, 30)],
    ]);
  });

  it('a deal status or currency Jalur cannot read is said, not guessed', () => {
    const f = file(
      [
        'Person - Name,Person - Email,Deal - Value,Deal - Currency,Deal - Stage,Deal - Status',
        'Eka Lestari,eka@contoh-pipe.example,100,rupiah,Qualified,Open',
        'Fajar Hidayat,fajar@contoh-pipe.example,200,idr,Qualified,Deleted',
        'Gita Permata,gita@contoh-pipe.example,300,,Proposal Made,Menang',
      ].join('\n'),
    );
    const p = planImport(f, { existing: { idBySlug: () => undefined, idByEmail: () => undefined }, stages: STAGES, now: NOW, skipBadRows: true });
    expect(p.errors.map((e) => [e.row, e.code, e.field])).toEqual([[1, 'invalid-currency', 'currency']]);
    expect(p.warnings.map((w) => [w.row, w.code, w.field])).toEqual([[2, 'unknown-status', 'status']]);
    expect(p.creates.map((c) => [c.record.name, c.record.currency, c.record.stageKey])).toEqual([
      ['Fajar Hidayat', 'IDR', 'qualification'],
      ['Gita Permata', null, 'delivery'],
    ]);
  });

  it('an export matching someone already in the pipeline updates the deal’s currency and moves a won deal', () => {
    const f = file(fixture('pipedrive-deals.csv'));
    const existing: ExistingProspect = {
      id: 'p-rahma',
      slug: null,
      emails: ['rahma@contoh-pipe.example'],
      name: 'Rahma Wulandari',
      headline: null,
      title: null,
      company: 'PT Gudang Fiktif',
      location: null,
      linkedinUrl: null,
      stageKey: 'decision',
      dealValue: 120_000_000,
      currency: null,
    };
    const p = planImport(f, {
      existing: { idBySlug: () => undefined, idByEmail: (e) => (e === 'rahma@contoh-pipe.example' ? 'p-rahma' : undefined), get: () => existing },
      stages: STAGES,
      now: NOW,
    });
    const u = p.updates.find((x) => x.id === 'p-rahma')!;
    expect(u.changes).toMatchObject({ currency: 'IDR', stageKey: 'delivery' });
    expect(u.changes.dealValue).toBeUndefined();
    expect(u.diff.map((x) => x.field)).toEqual(expect.arrayContaining(['currency', 'stage']));
  });

  it('Pipedrive people: every e-mail column counts', () => {
    const p = planImport(file(fixture('pipedrive-persons.csv')), {
      existing: { idBySlug: () => undefined, idByEmail: () => undefined },
      stages: STAGES,
      now: NOW,
    });
    expect(p.errors).toEqual([]);
    expect(p.creates.map((c) => [c.record.name, c.record.emails, c.record.company, c.record.title])).toEqual([
      ['Rudi Hermawan', ['rudi@contoh-org.example', 'rudi.h@contoh-rumah.example'], 'PT Orang Fiktif', 'Direktur Keuangan'],
      ['Tari Anggraini', ['tari@contoh-mandiri.example'], 'Contoh Mandiri', 'Procurement Lead'],
    ]);
  });
});
