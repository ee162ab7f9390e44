import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { captureProspect, setStage, type CaptureInput } from './commands';
import { accountView, addCompany, companySummary, linkProspectCompany, matchCompany } from './companies';
import { saveSettings } from './playbook';
import { DEFAULT_SETTINGS } from '../model/settings';
import { normaliseCompanyName } from '../model/company';

const person = (slug: string, name: string, company: string | null): CaptureInput => ({
  slug,
  email: null,
  name,
  headline: null,
  title: 'Operations Manager',
  company,
  location: 'Surabaya',
  photoUrl: null,
  linkedinUrl: null,
  source: 'social_selling',
});

const nusantara = {
  slug: 'nusantara-logistik',
  name: 'PT Nusantara Logistik Tbk',
  industry: 'Transportation, Logistics, Supply Chain and Storage',
  size: '201-500 employees',
  headquarters: 'Surabaya, East Java',
  website: 'https://nusantara-logistik.example',
  followers: 12840,
};

describe('company names', () => {
  it('compare without case, accents, punctuation or legal forms', () => {
    expect(normaliseCompanyName('PT Nusantara Logistik Tbk')).toBe('nusantara logistik');
    expect(normaliseCompanyName('Nusantara Logistik')).toBe('nusantara logistik');
    expect(normaliseCompanyName('Café Crème, Inc.')).toBe('cafe creme');
    expect(normaliseCompanyName('Acme & Co')).toBe('acme and');
    expect(normaliseCompanyName('PT Tbk')).toBe('');
    expect(normaliseCompanyName(null)).toBe('');
  });
});

describe('addCompany', () => {
  it('creates the account once per slug, queued for sync, and links the people whose profile names it', async () => {
    // A team's store queues for the server (a local pipeline queues nothing).
    const ctx = { ...(await testStore()).ctx, teamId: '00000000-0000-4000-8000-0000000000aa' };
    const db = ctx.db;
    const siti = (await captureProspect(ctx, person('siti-r', 'Siti Rahmawati', 'Nusantara Logistik'))).prospect;
    await captureProspect(ctx, person('budi-s', 'Budi Santoso', 'Other Company'));
    const first = await addCompany(ctx, nusantara);
    expect(first.created).toBe(true);
    expect(first.linked).toBe(1);
    expect((await db.prospects.get(siti.id))?.companyId).toBe(first.company.id);
    const queued = (await db.outbox.toArray()).filter((e) => e.entity === 'company');
    expect(queued).toHaveLength(1);
    expect(queued[0]!.fields).toMatchObject({ slug: 'nusantara-logistik', name: 'PT Nusantara Logistik Tbk', followers: 12840 });
    const link = (await db.outbox.toArray()).filter((e) => e.entity === 'prospect' && e.entityId === siti.id && 'companyId' in e.fields);
    expect(link).toHaveLength(1);

    // The same page again: no second company; what the page now shows updates it, blanks never erase.
    const again = await addCompany(ctx, { ...nusantara, followers: 13000, website: null });
    expect(again.created).toBe(false);
    expect(again.company.id).toBe(first.company.id);
    expect(again.company.followers).toBe(13000);
    expect(again.company.website).toBe('https://nusantara-logistik.example/');
    expect(await db.companies.count()).toBe(1);
  });

  it('refuses a page website that is not http(s) and cleans hostile text', async () => {
    const { ctx } = await testStore();
    const { company } = await addCompany(ctx, { ...nusantara, name: 'Evil\u202e Corp\u0000', website: 'javascript:alert(1)' });
    expect(company.website).toBeNull();
    expect(company.name).toBe('Evil Corp');
  });

  it('refuses a slug that is not a LinkedIn company slug', async () => {
    const { ctx } = await testStore();
    await expect(addCompany(ctx, { ...nusantara, slug: 'a/b' })).rejects.toThrow(/slug/);
  });
});

describe('people and their company', () => {
  it('a person clipped after the company joins it by name', async () => {
    const { ctx } = await testStore();
    const { company } = await addCompany(ctx, nusantara);
    const { prospect } = await captureProspect(ctx, person('dewi-l', 'Dewi Lestari', 'nusantara logistik'));
    expect(prospect.companyId).toBe(company.id);
  });

  it('the company link on a profile wins over the name', async () => {
    const { ctx } = await testStore();
    const { company } = await addCompany(ctx, nusantara);
    await addCompany(ctx, { ...nusantara, slug: 'other-co', name: 'Other Co' });
    expect((await matchCompany(ctx, { companySlug: 'nusantara-logistik', company: 'Other Co' }))?.id).toBe(company.id);
    const { prospect } = await captureProspect(ctx, { ...person('eko-p', 'Eko Prasetyo', 'Other Co'), companySlug: 'nusantara-logistik' });
    expect(prospect.companyId).toBe(company.id);
  });

  it('the rep corrects the link; the account lists its people and how many are in each stage', async () => {
    const { ctx } = await testStore();
    const { company } = await addCompany(ctx, nusantara);
    const a = (await captureProspect(ctx, person('a-one', 'Ayu One', 'Nusantara Logistik'))).prospect;
    const b = (await captureProspect(ctx, person('b-two', 'Bagus Two', 'Nusantara Logistik'))).prospect;
    const c = (await captureProspect(ctx, person('c-three', 'Citra Three', 'Elsewhere'))).prospect;
    await setStage(ctx, b.id, 'qualification');
    await linkProspectCompany(ctx, c.id, company.id);
    await linkProspectCompany(ctx, a.id, null);
    const view = await accountView(ctx, company.id);
    expect(view.people.map((p) => [p.prospect.name, p.stageKey])).toEqual([
      ['Bagus Two', 'qualification'],
      ['Citra Three', 'prospecting'],
    ]);
    expect(view.stages.map((s) => [s.key, s.count])).toEqual([
      ['prospecting', 1],
      ['qualification', 1],
    ]);
    const summary = await companySummary(ctx, 'nusantara-logistik');
    expect(summary.people).toBe(2);
    expect((await companySummary(ctx, 'not-tracked')).company).toBeNull();
    await expect(linkProspectCompany(ctx, a.id, '00000000-0000-4000-8000-000000000000')).rejects.toThrow(/No company/);
  });

  it("the account's industry and size feed the ideal-customer rules", async () => {
    const { ctx } = await testStore();
    await saveSettings(ctx, {
      ...DEFAULT_SETTINGS,
      scoringRules: {
        ...DEFAULT_SETTINGS.scoringRules,
        icp: { ...DEFAULT_SETTINGS.scoringRules.icp, industries: { values: ['Logistics'], points: 10 }, sizes: { values: ['201-500'], points: 7 } },
      },
    });
    const { prospect } = await captureProspect(ctx, person('f-four', 'Fajar Four', 'Nusantara Logistik'));
    expect(prospect.scoreBreakdown.map((l) => l.rule)).not.toContain('icp_size');
    await addCompany(ctx, nusantara);
    const linked = await ctx.db.prospects.get(prospect.id);
    const rules = linked!.scoreBreakdown.map((l) => [l.rule, l.points]);
    expect(rules).toContainEqual(['icp_size', 7]);
    expect(rules).toContainEqual(['icp_industry', 10]);
    expect(linked!.score).toBe(prospect.score + 17);
  });
});
