// Importing a file that updates people already in the pipeline, through the store.
import { describe, expect, it } from 'vitest';
import { person, testStore } from '../../test/unit/store-helpers';
import { readImportFile, type ImportFile } from '../io/import-plan';
import { captureProspect } from './commands';
import { ImportError, applyImport, previewImport } from './import';
import { listStages } from './queries';

const DAY = 86_400_000;


function file(text: string): ImportFile {
  const r = readImportFile(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.file;
}

const decisionId = (key: string) => (key === 'decision' ? ['Pembelian/Keputusan'] : []);

describe('an import that updates', () => {
  it('LinkedIn URL + Stage moves matched people, with stage history at the row date, and queues it', async () => {
    const { ctx, advance } = await testStore();
    const ayu = (await captureProspect(ctx, person('ayu-lestari-contoh', 'Ayu Lestari'))).prospect;
    const budi = (await captureProspect(ctx, person('budi-santoso-contoh', 'Budi Santoso'))).prospect;
    advance(10 * DAY);
    // T0 is 2 Nov 2026; the move happened on the 5th.
    const text = [
      'LinkedIn URL,Stage,Stage date',
      'https://www.linkedin.com/in/ayu-lestari-contoh/,Consideration,2026-11-05',
      'https://id.linkedin.com/in/budi-santoso-contoh,Pembelian/Keputusan,',
    ].join('\n');
    const preview = await previewImport(ctx, file(text), { skipBadRows: false, stageNames: decisionId });
    expect(preview.importable).toBe(true);
    expect(preview.updates.map((u) => u.diff.map((d) => [d.field, d.from, d.to]))).toEqual([
      [['stage', 'prospecting', 'consideration']],
      [['stage', 'prospecting', 'decision']],
    ]);
    const outboxBefore = await ctx.db.outbox.count();
    const { updated, created } = await applyImport(ctx, file(text), { skipBadRows: false, stageNames: decisionId });
    expect(created).toEqual([]);
    const keys = new Map((await listStages(ctx)).map((s) => [s.id, s.key]));
    expect(updated.map((p) => [p.name, keys.get(p.stageId)])).toEqual([
      ['Ayu Lestari', 'consideration'],
      ['Budi Santoso', 'decision'],
    ]);
    const ayuNow = await ctx.db.prospects.get(ayu.id);
    expect(ayuNow!.stageEnteredAt).toBe(Date.UTC(2026, 10, 5, 12));
    const history = await ctx.db.stageChanges.where('prospectId').anyOf([ayu.id, budi.id]).toArray();
    const moves = history.filter((c) => c.fromStageId !== null);
    expect(moves.map((c) => [c.prospectId, keys.get(c.toStageId), c.changedAt])).toEqual(
      expect.arrayContaining([
        [ayu.id, 'consideration', ayuNow!.stageEnteredAt],
        [budi.id, 'decision', ctx.now()],
      ]),
    );
    // Two prospect updates and two stage changes queued.
    expect((await ctx.db.outbox.count()) - outboxBefore).toBe(4);
  });

  it('Connected On becomes one dated connection touch; importing the file again adds none', async () => {
    const { ctx } = await testStore();
    const ayu = (await captureProspect(ctx, person('ayu-lestari-contoh', 'Ayu Lestari'))).prospect;
    const text = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Ayu,Lestari,https://www.linkedin.com/in/ayu-lestari-contoh,,,,05 Mar 2024',
      'Eka,Baru,https://www.linkedin.com/in/eka-baru-contoh,,,,12 Aug 2023',
    ].join('\n');
    const first = await applyImport(ctx, file(text), { skipBadRows: false });
    expect(first.created.map((p) => [p.name, p.touchCount, p.lastTouchAt])).toEqual([['Eka Baru', 1, Date.UTC(2023, 7, 12, 12)]]);
    expect(first.updated.map((p) => [p.id, p.touchCount, p.lastTouchAt])).toEqual([[ayu.id, 1, Date.UTC(2024, 2, 5, 12)]]);
    const touches = await ctx.db.touches.toArray();
    expect(touches.map((t) => [t.channel, t.occurredAt]).sort()).toEqual([
      ['connection_request', Date.UTC(2023, 7, 12, 12)],
      ['connection_request', Date.UTC(2024, 2, 5, 12)],
    ]);
    expect((await ctx.db.outbox.toArray()).filter((e) => e.entity === 'touch')).toHaveLength(2);
    const again = await applyImport(ctx, file(text), { skipBadRows: false });
    expect(again.updated).toEqual([]);
    expect(again.plan.skipped.map((s) => s.reason)).toEqual(['unchanged', 'unchanged']);
    expect(await ctx.db.touches.count()).toBe(2);
  });

  it('a row matching two people refuses the file and changes nobody', async () => {
    const { ctx } = await testStore();
    await captureProspect(ctx, person('ayu-lestari-contoh', 'Ayu Lestari', { email: 'ayu@contoh.id' }));
    await captureProspect(ctx, person('budi-santoso-contoh', 'Budi Santoso', { email: 'budi@contoh.id' }));
    const before = await ctx.db.prospects.toArray();
    const text = ['LinkedIn URL,Email,Stage', 'https://www.linkedin.com/in/ayu-lestari-contoh,budi@contoh.id,Lost'].join('\n');
    await expect(applyImport(ctx, file(text), { skipBadRows: false })).rejects.toBeInstanceOf(ImportError);
    expect(await ctx.db.prospects.toArray()).toEqual(before);
  });
});
