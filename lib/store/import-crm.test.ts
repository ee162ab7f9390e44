import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { readImportFile } from '../io/import-plan';
import { captureProspect } from './commands';
import { applyImport } from './import';
import { listStages } from './queries';

const pipedrive = () => {
  const r = readImportFile(readFileSync('test/fixtures/csv/pipedrive-deals.csv', 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.file;
};

describe('a Pipedrive deals export, applied', () => {
  it('keeps each deal in its own currency and puts won and lost deals in the won and lost stages; someone already tracked is updated', async () => {
    const { ctx } = await testStore(Date.UTC(2024, 6, 1));
    // Rahma is already tracked (clipped from mail), with no deal yet.
    await captureProspect(ctx, { slug: null, email: 'rahma@contoh-pipe.example', name: 'Rahma Wulandari', headline: null, title: null, company: null, location: null, photoUrl: null, linkedinUrl: null, source: 'email' });
    const { created, updated } = await applyImport(ctx, pipedrive(), { skipBadRows: false });
    expect(created).toHaveLength(4);
    expect(updated).toHaveLength(1);
    const stages = new Map((await listStages(ctx)).map((s) => [s.id, s.key]));
    const rows = await ctx.db.prospects.toArray();
    const by = (name: string) => rows.find((p) => p.name === name)!;
    expect([by('Dimas Saputra'), by('Nadia Putri'), by('Rahma Wulandari'), by('Bayu Nugroho')].map((p) => [p.dealValue, p.currency, stages.get(p.stageId)])).toEqual([
      [25_000_000, 'IDR', 'consideration'],
      [7500, 'USD', 'qualification'],
      [120_000_000, 'IDR', 'delivery'],
      [9000, 'SGD', 'lost'],
    ]);
  });
});
