// Deleting an account and undoing it: the company's people lose their link and get it back, a
// team's rule (whoever added it or an admin) is kept, and undo works whether or not the delete left.
import { describe, expect, it } from 'vitest';
import { markQueuedSent, testStore } from '../../test/unit/store-helpers';
import { toWire } from '../sync/map-out';
import { REMOTE_META } from '../sync/remote-meta';
import { captureProspect, type CaptureInput } from './commands';
import { addCompany, linkProspectCompany, listCompanies } from './companies';
import { companyDeleteRights, deleteCompany, undoDeleteCompany } from './company-delete';

const TEAM = '00000000-0000-4000-8000-0000000000aa';
const ME = '00000000-0000-4000-8000-0000000000b1';
const OTHER = '00000000-0000-4000-8000-0000000000b2';

const person = (slug: string, name: string, company: string | null): CaptureInput => ({
  slug,
  email: null,
  name,
  headline: null,
  title: 'Head of Operations',
  company,
  location: 'Jakarta',
  photoUrl: null,
  linkedinUrl: null,
  source: 'social_selling',
});
const page = {
  slug: 'samudra-freight',
  name: 'Samudra Freight',
  industry: 'Truck Transportation',
  size: '51-200 employees',
  headquarters: 'Semarang',
  website: 'https://samudra.example/',
  followers: 4200,
};

async function team(role = 'rep') {
  const s = await testStore();
  const ctx = { ...s.ctx, teamId: TEAM, userId: ME };
  await ctx.db.meta.put({ key: REMOTE_META.team_member, value: { [ME]: { userId: ME, displayName: 'Me', email: null, role, deleted: false } } });
  return { ...s, ctx };
}

describe('deleteCompany', () => {
  it('tombstones the account, unlinks its people (queued as "no company") and undo brings back both', async () => {
    const { ctx, advance } = await team();
    const a = (await captureProspect(ctx, person('ayu-l', 'Ayu Lestari', 'Samudra Freight'))).prospect;
    const b = (await captureProspect(ctx, person('budi-s', 'Budi Santoso', 'Samudra Freight'))).prospect;
    const other = (await captureProspect(ctx, person('cici-w', 'Cici Wulandari', 'Other Co'))).prospect;
    const { company } = await addCompany(ctx, page);
    await markQueuedSent(ctx);
    advance(1000);

    const done = await deleteCompany(ctx, company.id);
    expect(done).toMatchObject({ name: 'Samudra Freight', unlinked: 2 });
    expect(done.token.people.sort()).toEqual([a.id, b.id].sort());
    expect((await ctx.db.companies.get(company.id))?.deletedAt).not.toBeNull();
    expect(await listCompanies(ctx)).toEqual([]);
    for (const id of [a.id, b.id]) expect((await ctx.db.prospects.get(id))?.companyId ?? null).toBeNull();
    expect((await ctx.db.prospects.get(other.id))?.companyId ?? null).toBeNull();
    const wire = (await ctx.db.outbox.toArray()).map(toWire);
    expect(wire.filter((w) => w?.entity === 'company' && w.op === 'delete').map((w) => w!.id)).toEqual([company.id]);
    // The delete goes out as a tombstone: the id alone, never the people riding along locally.
    expect(wire.find((w) => w?.op === 'delete')).not.toHaveProperty('fields');
    expect(wire.filter((w) => w?.entity === 'prospect' && w.fields && w.fields.company_id === null)).toHaveLength(2);

    // Meanwhile the rep put Budi at another account by hand: undo keeps that choice.
    const { company: other2 } = await addCompany(ctx, { ...page, slug: 'other-co', name: 'Other Co' });
    await linkProspectCompany(ctx, b.id, other2.id);
    advance(1000);
    const back = await undoDeleteCompany(ctx, done.token);
    expect(back).toMatchObject({ companyId: company.id, outcome: 'restored', relinked: 1 });
    expect((await ctx.db.companies.get(company.id))?.deletedAt).toBeNull();
    expect((await ctx.db.prospects.get(a.id))?.companyId).toBe(company.id);
    expect((await ctx.db.prospects.get(b.id))?.companyId).toBe(other2.id);
    // The queued delete was taken back before it left: the server never hears of it.
    expect((await ctx.db.outbox.toArray()).some((e) => e.entity === 'company' && e.op === 'delete')).toBe(false);
    expect(await undoDeleteCompany(ctx, done.token)).toMatchObject({ outcome: 'already' });
  });

  it('once the delete may be at the server, undo adds the company again under a new id and links the people to it', async () => {
    const { ctx, advance } = await team();
    const a = (await captureProspect(ctx, person('ayu-l', 'Ayu Lestari', 'Samudra Freight'))).prospect;
    const { company } = await addCompany(ctx, page);
    const done = await deleteCompany(ctx, company.id);
    await markQueuedSent(ctx);
    advance(1000);
    const back = await undoDeleteCompany(ctx, done.token);
    expect(back.outcome).toBe('restored');
    expect(back.companyId).not.toBe(company.id);
    const again = await ctx.db.companies.get(back.companyId!);
    expect(again).toMatchObject({ slug: 'samudra-freight', name: 'Samudra Freight', industry: 'Truck Transportation', deletedAt: null });
    expect((await ctx.db.prospects.get(a.id))?.companyId).toBe(back.companyId);
    const creates = (await ctx.db.outbox.toArray()).filter((e) => e.entity === 'company' && e.entityId === back.companyId && 'createdAt' in e.fields);
    expect(creates).toHaveLength(1);
    // The sent delete stays queued: the old id is a tombstone at the server and here.
    expect((await ctx.db.outbox.toArray()).some((e) => e.entity === 'company' && e.op === 'delete' && e.entityId === company.id)).toBe(true);
  });

  it('in the local pipeline, undo simply lifts the tombstone (nothing is queued)', async () => {
    const { ctx } = await testStore(undefined, { queue: false });
    const a = (await captureProspect(ctx, person('ayu-l', 'Ayu Lestari', 'Samudra Freight'))).prospect;
    const { company } = await addCompany(ctx, page);
    const done = await deleteCompany(ctx, company.id);
    expect(await ctx.db.outbox.count()).toBe(0);
    expect(await undoDeleteCompany(ctx, done.token)).toMatchObject({ companyId: company.id, outcome: 'restored', relinked: 1 });
    expect((await ctx.db.prospects.get(a.id))?.companyId).toBe(company.id);
  });

  it('a teammate who added the same page meanwhile: the people join theirs', async () => {
    const { ctx } = await team();
    const a = (await captureProspect(ctx, person('ayu-l', 'Ayu Lestari', 'Samudra Freight'))).prospect;
    const { company } = await addCompany(ctx, page);
    const done = await deleteCompany(ctx, company.id);
    const { company: theirs } = await addCompany(ctx, page);
    expect(theirs.id).not.toBe(company.id);
    expect(await undoDeleteCompany(ctx, done.token)).toMatchObject({ companyId: theirs.id, outcome: 'joined' });
    expect((await ctx.db.prospects.get(a.id))?.companyId).toBe(theirs.id);
  });

  it('in a team only whoever added it or an admin may delete it; the refusal names the company', async () => {
    const { ctx } = await team('rep');
    const { company } = await addCompany(ctx, page);
    expect(await companyDeleteRights(ctx, company)).toEqual({ allowed: true, reason: null });
    const theirs = { ...company, createdBy: OTHER };
    await ctx.db.companies.put(theirs);
    expect(await companyDeleteRights(ctx, theirs)).toEqual({ allowed: false, reason: 'not-creator' });
    await expect(deleteCompany(ctx, company.id)).rejects.toMatchObject({ reason: 'company_delete_forbidden', params: ['Samudra Freight'] });
    expect((await ctx.db.companies.get(company.id))?.deletedAt).toBeNull();
    // Unknown creator (stored before creators were kept): the server decides.
    expect(await companyDeleteRights(ctx, { createdBy: undefined })).toEqual({ allowed: true, reason: null });

    const admin = await team('admin');
    expect(await companyDeleteRights(admin.ctx, { createdBy: OTHER })).toEqual({ allowed: true, reason: null });
  });
});
