import { describe, expect, it } from 'vitest';
import { T0, testStore } from '../../test/unit/store-helpers';
import { DEFAULT_SETTINGS } from '../model/settings';
import { captureProspect, setStage, type CaptureInput } from '../store/commands';
import { handleRequest } from './handle';
import type { Request, RequestType, ResponseMap } from './types';
import { MAX_CSV_CHARS } from './data-types';

async function call<T extends RequestType>(
  ctx: Parameters<typeof handleRequest>[0],
  req: Extract<Request, { type: T }>,
): Promise<ResponseMap[T]> {
  const r = await handleRequest(ctx, req);
  if (!r.ok) throw new Error(r.error);
  return r.data as ResponseMap[T];
}

const person = (slug: string, name: string): CaptureInput => ({
  slug,
  email: null,
  name,
  headline: null,
  title: 'Director',
  company: 'Toko Maju',
  location: null,
  photoUrl: null,
  linkedinUrl: `https://www.linkedin.com/in/${slug}/`,
  source: 'social_selling',
});

const Q4 = { from: Date.UTC(2026, 9, 1), to: Date.UTC(2027, 0, 1) };

describe('data requests', () => {
  it('insights for a period: funnel per stage, values per currency, forecast against the period’s target in the target’s own currency', async () => {
    const { ctx, advance } = await testStore();
    const a = await captureProspect(ctx, person('ayu-lestari-0c9d8e', 'Ayu'));
    await captureProspect(ctx, person('rizky-pratama-5e6f7a', 'Rizky'));
    await ctx.db.prospects.update(a.prospect.id, { dealValue: 1000 });
    advance(2 * 86_400_000);
    await setStage(ctx, a.prospect.id, 'qualification');
    const { notifications: _n, ...team } = DEFAULT_SETTINGS;
    await ctx.db.meta.put({ key: 'settings', value: { ...team, targets: { '2026-Q4': { value: 5000, currency: 'IDR' } } } });

    const r = await call(ctx, { type: 'insights', ...Q4, targetPeriod: '2026-Q4' });
    const row = (key: string) => r.stages.find((s) => s.key === key)!;
    expect(row('prospecting')).toMatchObject({ entered: 2, movedOn: 1, conversion: 0.5, medianDays: 2, name: null });
    // A value without a currency is in the team's default (USD): never relabelled as the target's rupiah.
    expect(row('qualification')).toMatchObject({
      entered: 1,
      current: 1,
      value: [{ currency: 'USD', amount: 1000 }],
      weightedValue: [{ currency: 'USD', amount: 200 }],
    });
    expect(r.forecast).toMatchObject({ forecast: [{ currency: 'USD', amount: 200 }], target: { currency: 'IDR', amount: 5000 }, gap: 5000 });
    expect(r).toMatchObject({ targetPeriod: '2026-Q4', defaultCurrency: 'USD' });

    const none = await call(ctx, { type: 'insights', from: T0 - 90 * 86_400_000, to: T0 + 1, targetPeriod: null });
    expect(none.forecast.target).toBeNull();
    expect(await handleRequest(ctx, { type: 'insights', from: 10, to: 5, targetPeriod: null })).toMatchObject({ ok: false });
  });

  it('exported prospects read back as the same people: no new, no change', async () => {
    const { ctx } = await testStore();
    await captureProspect(ctx, person('ayu-lestari-0c9d8e', 'Ayu Lestari'));
    const b = await captureProspect(ctx, person('rizky-pratama-5e6f7a', 'Rizky Pratama'));
    await setStage(ctx, b.prospect.id, 'consideration');
    for (const lang of ['en', 'id']) {
      const { csv, rows } = await call(ctx, { type: 'exportCsv', kind: 'prospects', lang });
      expect(rows).toBe(2);
      expect(csv).toContain(lang === 'id' ? 'Pertimbangan' : 'Consideration');
      const preview = await call(ctx, { type: 'previewImport', text: csv, skipBadRows: false });
      expect(preview).toMatchObject({ readError: null, rows: 2, creates: 0, updates: 0, unchanged: 2, badRows: 0, importable: true });
      // The account columns (Company slug, domain, ID) are the CRM's, not fields a prospect imports.
      expect(preview.mapping.slice(0, 10)).toEqual(['name', 'headline', 'title', 'company', null, null, null, 'location', 'email', 'linkedinUrl']);
    }
    const follow = await call(ctx, { type: 'exportCsv', kind: 'touches', lang: 'en' });
    expect(follow.csv.split('\r\n')[0]).toContain('Prospect,Occurred,Channel');
  });

  it('previews a bad file with row, line and column; import is refused until bad rows are skipped', async () => {
    const { ctx } = await testStore();
    const text = ['Name,Email', 'Rina Wijaya,rina@contoh.id', 'Broken,not-an-address'].join('\n');
    const preview = await call(ctx, { type: 'previewImport', text, skipBadRows: false });
    expect(preview).toMatchObject({ creates: 1, badRows: 1, importable: false, errorCount: 1 });
    expect(preview.errors[0]).toEqual({ row: 2, line: 3, column: 'Email', code: 'invalid-email', value: 'not-an-address' });
    expect(preview.samples).toEqual(['Rina Wijaya', 'rina@contoh.id']);
    const refused = await handleRequest(ctx, { type: 'applyImport', text, skipBadRows: false });
    expect(refused).toMatchObject({ ok: false });
    expect(await ctx.db.prospects.count()).toBe(0);
    expect(await call(ctx, { type: 'applyImport', text, skipBadRows: true })).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
      duplicatesInFile: 0,
      skippedBadRows: 1,
    });
    const unreadable = await call(ctx, { type: 'previewImport', text: 'Name,Email\n"open,x', skipBadRows: false });
    expect(unreadable.readError).toEqual({ code: 'unterminated-quote', line: 2 });
  });

  it('takes a 10 MB CSV in one message and refuses what is too large to send', async () => {
    const { ctx } = await testStore();
    const line = (i: number) => `Person ${i},p${i}@contoh.id,"Head of Sales, Region ${i}",Perusahaan Contoh Nusantara Sejahtera ${i}`;
    const rows: string[] = ['Name,Email,Title,Company'];
    let size = rows[0]!.length;
    for (let i = 0; size < 10_000_000; i++) size += rows[rows.push(line(i)) - 1]!.length + 1;
    const text = rows.join('\n');
    const preview = await call(ctx, { type: 'previewImport', text, skipBadRows: false });
    expect(preview.creates).toBe(rows.length - 1);
    expect(preview.importable).toBe(true);
    const tooBig = await handleRequest(ctx, { type: 'previewImport', text: 'x'.repeat(MAX_CSV_CHARS + 1), skipBadRows: false });
    expect(tooBig).toMatchObject({ ok: false });
    if (!tooBig.ok) expect(tooBig.error).toContain('at most 40 MB');
  }, 60_000);

  it('a preview of 20,000 bad rows carries the first 200 errors and the true count', async () => {
    const { ctx } = await testStore();
    const text = ['Name,Email', ...Array.from({ length: 20_000 }, (_, i) => `Orang ${i},bukan-${i}`)].join('\n');
    const preview = await call(ctx, { type: 'previewImport', text, skipBadRows: false });
    expect(preview.errorCount).toBe(20_000);
    expect(preview.errors).toHaveLength(200);
    expect(preview.errors[199]).toMatchObject({ row: 200, code: 'invalid-email' });
    expect(preview.badRows).toBe(20_000);
  }, 60_000);

  it('tells the options page where to read a backup from itself', async () => {
    const { ctx } = await testStore();
    expect(await call(ctx, { type: 'backupSource' })).toEqual({ database: ctx.db.name, exportedAt: new Date(ctx.now()).toISOString() });
  });

  it('inspects a backup before restoring it, and says why a file is no backup', async () => {
    const { ctx } = await testStore();
    await captureProspect(ctx, person('ayu-lestari-0c9d8e', 'Ayu'));
    const { json, counts } = await call(ctx, { type: 'backup' });
    expect(counts).toMatchObject({ prospects: 1, stages: 6, cadences: 1 });
    expect(await call(ctx, { type: 'inspectBackup', text: json })).toMatchObject({ ok: true, counts, otherScope: false });
    expect(await call(ctx, { type: 'inspectBackup', text: '{"format":' })).toMatchObject({ ok: false, error: { code: 'not-json' } });
    await captureProspect(ctx, person('rizky-pratama-5e6f7a', 'Rizky'));
    expect(await call(ctx, { type: 'restoreBackup', text: json })).toEqual({ counts });
    expect(await ctx.db.prospects.count()).toBe(1);
    expect(await handleRequest(ctx, { type: 'restoreBackup', text: '[]' })).toMatchObject({ ok: false });
    expect(await ctx.db.prospects.count()).toBe(1);
  });
});
