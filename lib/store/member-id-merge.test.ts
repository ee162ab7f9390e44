// Merging two people keeps the member id like the slug: the survivor's, or the other's when it had none.
import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { captureProspect, type CaptureInput } from './commands';
import { mergeProspects } from './merge';
import { findByIdentity } from './queries';

const ID = 'ACoAABCdEfGhIjKlMnOpQrStUvWxYz0123456';
const base: CaptureInput = {
  slug: null,
  email: null,
  name: 'Dewi Anggraini',
  headline: null,
  title: null,
  company: null,
  location: null,
  photoUrl: null,
  linkedinUrl: null,
  source: 'social_selling',
};

describe('merge and the member id', () => {
  it('the survivor without an id takes the other person’s, and the id then finds the survivor', async () => {
    const { ctx } = await testStore();
    const bySlug = (await captureProspect(ctx, { ...base, slug: 'dewi-anggraini-77', linkedinUrl: 'https://www.linkedin.com/in/dewi-anggraini-77/' })).prospect;
    const byId = (await captureProspect(ctx, { ...base, memberId: ID, linkedinUrl: `https://www.linkedin.com/in/${ID}/` })).prospect;
    expect(byId.id).not.toBe(bySlug.id);
    const out = await mergeProspects(ctx, { survivorId: bySlug.id, otherId: byId.id });
    expect(out.survivor.memberId).toBe(ID);
    expect(out.survivor.slug).toBe('dewi-anggraini-77');
    expect(out.survivor.linkedinUrl).toBe('https://www.linkedin.com/in/dewi-anggraini-77/');
    expect((await findByIdentity(ctx, null, null, ID))?.id).toBe(bySlug.id);
  });

  it('a survivor with its own id keeps it', async () => {
    const { ctx } = await testStore();
    const other = 'ACoAAZyXwVuTsRqPoNmLkJiHgFeDcBa9876543';
    const a = (await captureProspect(ctx, { ...base, memberId: ID })).prospect;
    const b = (await captureProspect(ctx, { ...base, name: 'Dewi A.', memberId: other })).prospect;
    const out = await mergeProspects(ctx, { survivorId: a.id, otherId: b.id });
    expect(out.survivor.memberId).toBe(ID);
  });
});

describe('undo of a delete and the member id', () => {
  it('is refused when someone clipped again meanwhile holds the member id', async () => {
    const { deleteProspects, undoDelete } = await import('./delete');
    const { ctx } = await testStore();
    const first = (await captureProspect(ctx, { ...base, memberId: ID })).prospect;
    const { token } = await deleteProspects(ctx, [first.id]);
    const again = (await captureProspect(ctx, { ...base, name: 'Dewi (again)', memberId: ID })).prospect;
    expect(again.id).not.toBe(first.id);
    const r = await undoDelete(ctx, token);
    expect(r.refused).toEqual([{ id: first.id, name: 'Dewi Anggraini', reason: 'key-taken', holder: 'Dewi (again)' }]);
  });
});
