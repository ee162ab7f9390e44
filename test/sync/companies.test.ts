// Companies as accounts between two devices of a team: the real store commands and sync engine, the
// real supabase-js, the stand-in over the real migrations.
import { describe, expect, it } from 'vitest';
import { captureProspect, type CaptureInput } from '../../lib/store/commands';
import { accountView, addCompany, linkProspectCompany } from '../../lib/store/companies';
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

  it('a second device adding the same company page is refused as a conflict naming the first, not doubled', async () => {
    const { teamId, owner, reps } = await makeTeam(ctx, 'accounts-dup', 1);
    const a = await device(owner, teamId, 'a');
    const b = await device(reps[0]!, teamId, 'b');
    await addCompany(a.ctx, page);
    await a.sync();
    await addCompany(b.ctx, page); // offline, before it pulled a's
    await b.sync();
    const issues = await b.ctx.db.syncIssues.toArray();
    expect(issues.map((i) => [i.entity, i.code])).toEqual([['company', 'conflict']]);
  });
});
