// Companies as accounts between two devices of a team: the real store commands and sync engine, the
// real supabase-js, the stand-in over the real migrations.
import { describe, expect, it } from 'vitest';
import { captureProspect, type CaptureInput } from '../../lib/store/commands';
import { accountView, addCompany, linkProspectCompany } from '../../lib/store/companies';
import { deleteCompany } from '../../lib/store/company-delete';
import { device } from './devices';
import { makeTeam, useStandIn } from './helpers';

const ctx = useStandIn();

const rizky: CaptureInput = {
  slug: 'rizky-pratama-accounts',
  email: null,
  name: 'Rizky Pratama',
  headline: null,
  title: 'Director of Sales',
  company: 'Kopi Kenangan Digital',
  location: 'Bandung',
  photoUrl: null,
  linkedinUrl: null,
  source: 'social_selling',
};
const page = {
  slug: 'kopi-kenangan-digital',
  name: 'Kopi Kenangan Digital',
  industry: 'Food and Beverage Services',
  size: '201-500 employees',
  headquarters: 'Bandung, West Java',
  website: 'https://kopi-kenangan-digital.example/',
  followers: 12345,
};

describe('accounts in a team', () => {
  it('one rep adds a company and their person joins it; the teammate sees the account with that person, and a correction travels back', async () => {
    const { teamId, owner, reps } = await makeTeam(ctx, 'accounts', 1);
    const a = await device(owner, teamId, 'a');
    const b = await device(reps[0]!, teamId, 'b');
    const p = (await captureProspect(a.ctx, rizky)).prospect;
    const { company, linked } = await addCompany(a.ctx, page);
    expect(linked).toBe(1);
    await a.sync();
    expect(await a.pending()).toBe(0);
    expect(await a.ctx.db.syncIssues.count()).toBe(0);

    await b.sync();
    const seen = await b.ctx.db.companies.get(company.id);
    expect(seen).toMatchObject({ slug: 'kopi-kenangan-digital', industry: 'Food and Beverage Services', followers: 12345 });
    const view = await accountView(b.ctx, company.id);
    expect(view.people.map((x) => [x.prospect.name, x.stageKey])).toEqual([['Rizky Pratama', 'prospecting']]);

    await linkProspectCompany(b.ctx, p.id, null);
    await b.sync();
    expect(await b.ctx.db.syncIssues.count()).toBe(0);
    await a.sync();
    expect((await a.ctx.db.prospects.get(p.id))?.companyId ?? null).toBeNull();
  });

  it('a second device that added the same company page offline adopts the team’s: its person joins it, nothing is set aside or doubled', async () => {
    const { teamId, owner, reps } = await makeTeam(ctx, 'accounts-dup', 1);
    const a = await device(owner, teamId, 'a');
    const b = await device(reps[0]!, teamId, 'b');
    const { company } = await addCompany(a.ctx, page);
    await a.sync();
    // b, offline and before it pulled a's: clips someone there and adds the same page.
    const p = (await captureProspect(b.ctx, { ...rizky, companySlug: 'kopi-kenangan-digital' })).prospect;
    const { company: copy } = await addCompany(b.ctx, { ...page, industry: null, followers: 20000 });
    expect((await b.ctx.db.prospects.get(p.id))?.companyId).toBe(copy.id);
    const round = await b.sync();
    expect(round.quarantined).toBe(0);
    expect(await b.ctx.db.syncIssues.toArray()).toEqual([]);
    expect(await b.pending()).toBe(0);
    expect((await b.ctx.db.companies.toArray()).filter((c) => c.deletedAt === null).map((c) => c.id)).toEqual([company.id]);
    expect(await b.ctx.db.companies.get(copy.id)).toBeUndefined();
    expect((await b.ctx.db.prospects.get(p.id))?.companyId).toBe(company.id);

    await a.sync();
    const view = await accountView(a.ctx, company.id);
    expect(view.people.map((x) => x.prospect.name)).toEqual(['Rizky Pratama']);
    // The team's values stand; only blanks would have been filled from the copy.
    expect(await a.ctx.db.companies.get(company.id)).toMatchObject({ industry: 'Food and Beverage Services', followers: 12345 });
  });

  it('deleting an account sends a tombstone and unlinks its people for the teammate; a rep who did not add it is refused by the team', async () => {
    const { teamId, owner, reps } = await makeTeam(ctx, 'accounts-del', 1);
    const a = await device(owner, teamId, 'a');
    const b = await device(reps[0]!, teamId, 'b');
    const p = (await captureProspect(a.ctx, rizky)).prospect;
    const { company } = await addCompany(a.ctx, page);
    await a.sync();
    await b.sync();
    // The rep did not add it: the store says so up front (the team's rule), naming the company.
    await expect(deleteCompany(b.ctx, company.id)).rejects.toMatchObject({ reason: 'company_delete_forbidden', params: ['Kopi Kenangan Digital'] });

    await deleteCompany(a.ctx, company.id);
    await a.sync();
    expect(await a.ctx.db.syncIssues.toArray()).toEqual([]);
    await b.sync();
    expect((await b.ctx.db.companies.get(company.id))?.deletedAt).not.toBeNull();
    expect((await b.ctx.db.prospects.get(p.id))?.companyId ?? null).toBeNull();
  });
});
