// The side panel's search through the store: the in-memory index follows every write.
import { describe, expect, it } from 'vitest';
import { testStore, person } from '../../test/unit/store-helpers';
import { captureProspect, deleteProspect, logTouch, updateProspect } from './commands';
import { searchProspects } from './queries';

const names = async (ctx: Awaited<ReturnType<typeof testStore>>['ctx'], q: string) => (await searchProspects(ctx, q, 20)).map((p) => p.name);

describe('searchProspects', () => {
  it('finds by any field word prefix, ranked by name first, and follows edits, notes and deletes', async () => {
    const { ctx } = await testStore();
    const sari = (await captureProspect(ctx, person('sari-kusuma-contoh', 'Sari Kusuma', { title: 'Chief Financial Officer', company: 'PT Hub Fiktif' })))
      .prospect;
    await captureProspect(ctx, person('chief-wiggum-contoh', 'Chief Wiggum'));
    const sofia = (await captureProspect(ctx, person('sofia-diaz-contoh', 'Sofía Díaz', { location: 'Yogyakarta' }))).prospect;

    expect(await names(ctx, 'chief fin')).toEqual(['Sari Kusuma']);
    expect(await names(ctx, 'CHIEF')).toEqual(['Chief Wiggum', 'Sari Kusuma']);
    expect(await names(ctx, 'sofia yog')).toEqual(['Sofía Díaz']);

    await updateProspect(ctx, sofia.id, { title: 'Chief Operating Officer' });
    expect(await names(ctx, 'chief op')).toEqual(['Sofía Díaz']);

    await logTouch(ctx, { prospectId: sari.id, channel: 'call', direction: 'out', note: 'Asked about the fintech pilot' });
    expect(await names(ctx, 'fintech')).toEqual(['Sari Kusuma']);

    await deleteProspect(ctx, sari.id);
    expect(await names(ctx, 'chief')).toEqual(['Chief Wiggum', 'Sofía Díaz']);
  });
});
