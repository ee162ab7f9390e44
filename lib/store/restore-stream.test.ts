import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { BackupScanner } from '../io/backup-stream';
import { backupJson, type Backup } from '../io/export';
import { addFollowUp, captureProspect, logTouch, type CaptureInput } from './commands';
import { addCompany } from './companies';
import { PROSPECTS_STAMP_KEY, VIEWS_STAMP_KEY } from './change-stamp';
import { readBackup, restoreBackup } from './restore';
import { checkBackupStream, RestoreCancelled, restoreBackupStream, type OpenText, type RestoreProgress } from './restore-stream';

const ayu: CaptureInput = {
  slug: 'ayu-lestari-0c9d8e',
  email: 'ayu@contoh.id',
  name: 'Ayu Lestari',
  headline: 'Founder at Batik "Digital" {with [brackets]}',
  title: null,
  company: 'Batik Digital',
  location: 'Yogyakarta',
  photoUrl: null,
  linkedinUrl: 'https://www.linkedin.com/in/ayu-lestari-0c9d8e/',
  source: 'referral',
};

/** The text in pieces of `size` characters, so rows, keys and strings are cut anywhere. */
function pieces(text: string, size: number): OpenText {
  return async function* () {
    for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
  };
}

async function store() {
  const s = await testStore();
  const a = await captureProspect(s.ctx, ayu);
  await captureProspect(s.ctx, { ...ayu, slug: 'rizky-pratama-5e6f7a', email: null, name: 'Rizky \\ "Pratama"', linkedinUrl: null });
  await logTouch(s.ctx, { prospectId: a.prospect.id, channel: 'email', direction: 'in', note: 'Tertarik,\n kirim harga ✓' });
  await addFollowUp(s.ctx, { prospectId: a.prospect.id, title: 'Telepon', dueAt: s.ctx.now() - 1000 });
  await addCompany(s.ctx, batik);
  return s;
}

const batik = {
  slug: 'batik-digital',
  name: 'Batik Digital',
  industry: 'Software Development',
  size: '11-50 employees',
  headquarters: 'Yogyakarta',
  website: 'https://batik.example/',
  followers: 1200,
};

/** Every row of every table, in key order: what "the data is exactly as before" compares. */
async function everything(ctx: Awaited<ReturnType<typeof testStore>>['ctx']) {
  const out: Record<string, unknown[]> = {};
  for (const t of ctx.db.tables) out[t.name] = await t.toArray();
  return out;
}

const withoutTime = (b: Backup) => JSON.parse(backupJson({ ...b, exportedAt: 'x' })) as unknown;

describe('backup scanner', () => {
  it('hears the same fields and rows whatever the chunk size and whitespace', async () => {
    const { ctx } = await store();
    const backup = await readBackup(ctx);
    for (const text of [backupJson(backup), JSON.stringify(backup, null, 2)]) {
      for (const size of [1, 7, 64, 100_000]) {
        const rows: Record<string, unknown[]> = {};
        const fields: Record<string, unknown> = {};
        const scanner = new BackupScanner({ field: (k, v) => (fields[k] = v), row: (t, i, v) => ((rows[t] ??= [])[i] = v) });
        for (let i = 0; i < text.length; i += size) scanner.push(text.slice(i, i + size));
        scanner.end();
        expect(fields).toEqual({ format: backup.format, version: backup.version, exportedAt: backup.exportedAt });
        expect(rows).toEqual(
          JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(backup.tables).filter(([, r]) => r && r.length)))),
        );
      }
    }
  });
});

describe('streamed restore', () => {
  it('checks, then restores exactly what the backup held, from a file read in small pieces', async () => {
    const { ctx } = await store();
    const first = await readBackup(ctx);
    const text = backupJson(first);
    await captureProspect(ctx, { ...ayu, slug: 'someone-new', email: 'new@contoh.id', name: 'Someone New', linkedinUrl: null });

    const check = await checkBackupStream(ctx, pieces(text, 97));
    expect(check).toMatchObject({ ok: true, otherScope: false, counts: { prospects: 2, touches: 1, followUps: 1, stages: 6 } });
    if (!check.ok) throw new Error('not ok');
    const stampsBefore = await ctx.db.caches.bulkGet([PROSPECTS_STAMP_KEY, VIEWS_STAMP_KEY]);
    expect(stampsBefore.every((r) => typeof r?.value === 'string')).toBe(true);
    const written = await restoreBackupStream(ctx, pieces(text, 97), check);
    expect(written).toMatchObject({ prospects: 2, touches: 1, followUps: 1 });
    expect(withoutTime(await readBackup(ctx))).toEqual(withoutTime(first));
    expect(await ctx.db.meta.get('overdue')).toBeUndefined();
    // Derived data kept beside the store is dropped with the data it was made from, and the change
    // stamps are new ones: whoever planned against the rows before (an import) sees they changed.
    const stampsAfter = await ctx.db.caches.toArray();
    expect(stampsAfter.map((r) => r.key).sort()).toEqual([PROSPECTS_STAMP_KEY, VIEWS_STAMP_KEY]);
    for (const r of stampsAfter) {
      expect(typeof r.value).toBe('string');
      expect(stampsBefore.map((b) => b!.value)).not.toContain(r.value);
    }
  });

  it('a broken file, a bad row or two people with one address are refused by the check, naming why', async () => {
    const { ctx } = await store();
    const backup = await readBackup(ctx);
    const text = backupJson(backup);
    expect(await checkBackupStream(ctx, pieces(text.slice(0, text.length - 40), 50))).toMatchObject({
      ok: false,
      error: { code: 'not-json' },
    });
    expect(await checkBackupStream(ctx, pieces('[1,2]', 50))).toMatchObject({ ok: false, error: { code: 'not-json' } });
    expect(await checkBackupStream(ctx, pieces('{"format":"other","tables":{}}', 5))).toMatchObject({
      ok: false,
      error: { code: 'not-a-backup' },
    });
    const bad = {
      ...backup,
      tables: { ...backup.tables, prospects: [backup.tables.prospects[0]!, { ...backup.tables.prospects[1]!, name: 42 }] },
    };
    expect(await checkBackupStream(ctx, pieces(JSON.stringify(bad), 33))).toMatchObject({
      ok: false,
      error: { code: 'bad-row', table: 'prospects', index: 1, path: 'name', problems: 1 },
    });
    const p0 = backup.tables.prospects[0]!;
    const twins = {
      ...backup,
      tables: { ...backup.tables, prospects: [p0, { ...p0, id: '00000000-0000-4000-8000-0000000000ff', slug: null, name: 'Twin' }] },
    };
    expect(await checkBackupStream(ctx, pieces(JSON.stringify(twins), 33))).toMatchObject({
      ok: false,
      error: { code: 'duplicate-key', index: 1 },
    });
    const other = { ...backup, tables: { ...backup.tables, prospects: backup.tables.prospects.map((p) => ({ ...p, teamId: 'team-x' })) } };
    expect(await checkBackupStream(ctx, pieces(JSON.stringify(other), 33))).toMatchObject({ ok: true, otherScope: true });
  });

  it('is all or nothing: a failure while writing rolls the whole restore back', async () => {
    const { ctx } = await store();
    const before = withoutTime(await readBackup(ctx));
    const backup = await readBackup(ctx);
    const good = backupJson(backup);
    const check = await checkBackupStream(ctx, pieces(good, 50));
    if (!check.ok) throw new Error('not ok');
    // The file changed between the check and the restore: its second read breaks half-way.
    expect(good).toContain('"channel":"email"');
    const broken: OpenText = pieces(good.replace('"channel":"email"', '"channel":"fax"'), 50);
    await expect(restoreBackupStream(ctx, broken, check)).rejects.toThrow();
    expect(withoutTime(await readBackup(ctx))).toEqual(before);
  });

  it('writes a backup in key order with put (no lookup of each key), and its outbox with add', async () => {
    const { ctx } = await store();
    const backup = await readBackup(ctx);
    const queued = backup.tables.outbox.length;
    expect(queued).toBeGreaterThan(0);
    const text = backupJson(backup);
    const check = await checkBackupStream(ctx, pieces(text, 50));
    if (!check.ok) throw new Error('not ok');
    const calls = { put: 0, add: 0 };
    const proto = Object.getPrototypeOf(ctx.db.backendDB().transaction('meta', 'readonly').objectStore('meta')) as IDBObjectStore;
    const { put, add } = proto;
    proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      calls.put++;
      return put.apply(this, args);
    };
    proto.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      calls.add++;
      return add.apply(this, args);
    };
    try {
      await restoreBackupStream(ctx, pieces(text, 50), check);
    } finally {
      proto.put = put;
      proto.add = add;
    }
    const rows = Object.values(check.counts).reduce((n, c) => n + (c ?? 0), 0);
    // Plus the two new change stamps.
    expect(calls).toEqual({ put: rows - queued + 2, add: queued });
    expect(withoutTime(await readBackup(ctx))).toEqual(withoutTime(backup));
  });

  it('a file whose keys repeat when it is read again for the restore fails it and rolls it back, in key order or not', async () => {
    const { ctx } = await store();
    const backup = await readBackup(ctx);
    const text = backupJson(backup);
    const check = await checkBackupStream(ctx, pieces(text, 50));
    if (!check.ok) throw new Error('not ok');
    await captureProspect(ctx, { ...ayu, slug: 'after-the-check', email: null, name: 'After The Check', linkedinUrl: null });
    const before = await everything(ctx);
    const [p0, p1] = backup.tables.prospects as unknown as [Record<string, unknown>, Record<string, unknown>];
    // The second row takes the first's key: behind it (out of key order), and again straight after it.
    for (const prospects of [
      [p1, { ...p0, id: p1.id }],
      [p0, { ...p1, id: p0.id }],
      [p0, p1, { ...p0, slug: 'again' }],
    ]) {
      const changed = backupJson({ ...backup, tables: { ...backup.tables, prospects: prospects as never } });
      await expect(restoreBackupStream(ctx, pieces(changed, 50), check)).rejects.toThrow();
      expect(await everything(ctx)).toEqual(before);
    }
  });

  it('a cancel while the restore writes rolls it back whole: every table is exactly as before', async () => {
    const { ctx } = await store();
    // The backup to restore: many more rows than the store holds now, so the cancel lands mid-way.
    const backup = await readBackup(ctx);
    const many = Array.from({ length: 3000 }, (_, i) => ({
      ...backup.tables.prospects[0]!,
      id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
      slug: `orang-${i}`,
      emails: [`orang${i}@contoh.id`],
      name: `Orang ${i}`,
    }));
    const text = backupJson({ ...backup, tables: { ...backup.tables, prospects: many } });
    const check = await checkBackupStream(ctx, pieces(text, 4096));
    if (!check.ok) throw new Error('not ok');
    await captureProspect(ctx, { ...ayu, slug: 'after-the-check', email: null, name: 'After The Check', linkedinUrl: null });
    const before = await everything(ctx);

    const controller = new AbortController();
    const seen: RestoreProgress[] = [];
    const run = {
      signal: controller.signal,
      onProgress: (p: RestoreProgress) => {
        seen.push(p);
        if (p.phase === 'restoring' && p.done >= 2000) controller.abort();
      },
    };
    await expect(restoreBackupStream(ctx, pieces(text, 4096), check, run)).rejects.toBeInstanceOf(RestoreCancelled);
    expect(seen.some((p) => p.phase === 'restoring' && p.done >= 2000 && p.done < p.total)).toBe(true);
    expect(await everything(ctx)).toEqual(before);
  });

  it('reports the rows written as it goes, and the characters read while checking', async () => {
    const { ctx } = await store();
    const text = backupJson(await readBackup(ctx));
    const seen: RestoreProgress[] = [];
    const check = await checkBackupStream(ctx, pieces(text, 100), { size: text.length, onProgress: (p) => seen.push(p) });
    if (!check.ok) throw new Error('not ok');
    expect(seen.at(-1)).toEqual({ phase: 'checking', done: text.length, total: text.length });
    seen.length = 0;
    await restoreBackupStream(ctx, pieces(text, 100), check, { onProgress: (p) => seen.push(p) });
    const total = Object.values(check.counts).reduce((n, c) => n + (c ?? 0), 0);
    expect(seen.at(-1)).toEqual({ phase: 'restoring', done: total, total });
  });

  it('a cancel during the check stops it: nothing is written', async () => {
    const { ctx } = await store();
    const text = backupJson(await readBackup(ctx));
    const before = await everything(ctx);
    const controller = new AbortController();
    controller.abort();
    await expect(checkBackupStream(ctx, pieces(text, 100), { signal: controller.signal })).rejects.toBeInstanceOf(RestoreCancelled);
    expect(await everything(ctx)).toEqual(before);
  });

  it('companies go into the backup and come back with the restore', async () => {
    const { ctx } = await store();
    const backup = await readBackup(ctx);
    expect(backup.tables.companies?.map((c) => c.slug)).toEqual(['batik-digital']);
    const text = backupJson(backup);
    expect(text).toContain('"companies":[');
    await ctx.db.companies.clear();
    const check = await checkBackupStream(ctx, pieces(text, 64));
    expect(check).toMatchObject({ ok: true, counts: { companies: 1 } });
    if (!check.ok) throw new Error('not ok');
    const written = await restoreBackupStream(ctx, pieces(text, 64), check);
    expect(written.companies).toBe(1);
    expect(await ctx.db.companies.toArray()).toEqual(backup.tables.companies);
    expect(withoutTime(await readBackup(ctx))).toEqual(withoutTime(backup));
  });

  it('a backup made before companies went into backups still restores, and keeps the companies the store has', async () => {
    const { ctx } = await store();
    const { companies: _companies, ...older } = (await readBackup(ctx)).tables;
    const text = backupJson({ ...(await readBackup(ctx)), tables: older });
    expect(text).not.toContain('companies');
    const kept = await ctx.db.companies.toArray();
    expect(kept).toHaveLength(1);
    const check = await checkBackupStream(ctx, pieces(text, 64));
    expect(check).toMatchObject({ ok: true });
    if (!check.ok) throw new Error('not ok');
    expect(check.counts.companies).toBeUndefined();
    await restoreBackupStream(ctx, pieces(text, 64), check);
    expect(await ctx.db.companies.toArray()).toEqual(kept);
    // The same through the background's whole-file restore.
    await restoreBackup(ctx, JSON.parse(text));
    expect(await ctx.db.companies.toArray()).toEqual(kept);
  });

  it("a backup with an empty companies list clears the store's companies (empty is not absent)", async () => {
    const { ctx } = await store();
    const backup = await readBackup(ctx);
    const text = backupJson({ ...backup, tables: { ...backup.tables, companies: [], cadences: [] } });
    expect(text).toContain('"companies":[]');
    expect(await ctx.db.companies.count()).toBe(1);
    const check = await checkBackupStream(ctx, pieces(text, 7));
    expect(check).toMatchObject({ ok: true, counts: { companies: 0, cadences: 0 } });
    if (!check.ok) throw new Error('not ok');
    await restoreBackupStream(ctx, pieces(text, 7), check);
    expect(await ctx.db.companies.count()).toBe(0);
    expect(await ctx.db.cadences.count()).toBe(0);
    // The same through the background's whole-file restore.
    const again = await store();
    expect(await again.ctx.db.companies.count()).toBe(1);
    await restoreBackup(again.ctx, JSON.parse(text));
    expect(await again.ctx.db.companies.count()).toBe(0);
  });

  it("a company row of another team makes the backup another pipeline's", async () => {
    const { ctx } = await store();
    const backup = await readBackup(ctx);
    const other = { ...backup, tables: { ...backup.tables, companies: backup.tables.companies!.map((c) => ({ ...c, teamId: 'team-x' })) } };
    expect(await checkBackupStream(ctx, pieces(backupJson(other), 64))).toMatchObject({ ok: true, otherScope: true });
  });
});
