// Companies on the wire: what a queued company or company link becomes for sync_push, and what a
// pulled company row becomes in the store (validated like a page's company: cleaned, http(s) only).
import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { addCompany, linkProspectCompany } from '../store/companies';
import { captureProspect } from '../store/commands';
import { companyFromRow } from './map-in';
import { toWire } from './map-out';
import { applyPage } from './pull';

const TEAM = '00000000-0000-4000-8000-0000000000aa';
const company = {
  slug: 'kopi-kenangan-digital',
  name: 'Kopi Kenangan Digital',
  industry: 'Food and Beverage Services',
  size: '201-500 employees',
  headquarters: 'Bandung, West Java',
  website: 'https://kopi-kenangan-digital.example/',
  followers: 12345,
};
const row = (over: Record<string, unknown> = {}) => ({
  id: '00000000-0000-4000-8000-0000000000c1',
  team_id: TEAM,
  name: 'Samudra Freight',
  linkedin_slug: 'samudra-freight',
  industry: 'Truck Transportation',
  size: '51-200 employees',
  headquarters: 'Semarang',
  website: 'https://samudra.example/',
  followers: 4200,
  created_at: '2026-12-01T00:00:00Z',
  updated_at: '2026-12-02T00:00:00Z',
  deleted_at: null,
  field_hlc: {},
  ...over,
});

describe('companies to the server', () => {
  it('a new company goes out with its columns, a link as company_id', async () => {
    const ctx = { ...(await testStore()).ctx, teamId: TEAM };
    const { prospect } = await captureProspect(ctx, {
      slug: 'rizky-pratama-5e6f7a', email: null, name: 'Rizky Pratama', headline: null, title: null, company: null,
      location: null, photoUrl: null, linkedinUrl: null, source: 'social_selling',
    });
    const { company: c } = await addCompany(ctx, company);
    await linkProspectCompany(ctx, prospect.id, c.id);
    const links = async () =>
      (await ctx.db.outbox.toArray())
        .map(toWire)
        .filter((w) => w?.entity === 'prospect' && w.fields && 'company_id' in w.fields)
        .map((w) => w!.fields!.company_id);
    expect(await links()).toEqual([c.id]);
    // Unlinking sends an explicit null (the queue may fold it into the pending link).
    await linkProspectCompany(ctx, prospect.id, null);
    expect((await links()).at(-1)).toBeNull();
    const wire = (await ctx.db.outbox.toArray()).map(toWire).filter((w) => w?.entity === 'company');
    expect(wire[0]).toMatchObject({
      entity: 'company',
      op: 'upsert',
      id: c.id,
      fields: {
        linkedin_slug: 'kopi-kenangan-digital',
        name: 'Kopi Kenangan Digital',
        industry: 'Food and Beverage Services',
        size: '201-500 employees',
        headquarters: 'Bandung, West Java',
        website: 'https://kopi-kenangan-digital.example/',
        followers: 12345,
      },
    });
    expect(Object.keys(wire[0]!.fields!)).not.toContain('teamId');
  });
});

describe('companies from the server', () => {
  it('a row becomes a company; hostile values are cleaned or dropped', () => {
    expect(companyFromRow(row())).toMatchObject({ slug: 'samudra-freight', followers: 4200, updatedAt: Date.parse('2026-12-02T00:00:00Z') });
    const bad = companyFromRow(row({ name: `Bad\u202e${'x'.repeat(500)}`, website: 'javascript:alert(1)', followers: -5 }));
    expect(bad.name.length).toBeLessThanOrEqual(160);
    expect(bad.name).not.toContain('\u202e');
    expect(bad.website).toBeNull();
    expect(bad.followers).toBe(0);
  });

  it('a pulled page stores companies and the prospects’ links to them', async () => {
    const ctx = { ...(await testStore()).ctx, teamId: TEAM };
    const stage = (await ctx.db.stages.toArray())[0]!;
    await applyPage(ctx, {
      changes: [
        { entity: 'company', id: row().id, seq: 1, data: row() },
        {
          entity: 'prospect',
          id: '00000000-0000-4000-8000-0000000000d1',
          seq: 2,
          data: {
            id: '00000000-0000-4000-8000-0000000000d1', team_id: TEAM, name: 'Made Suarsana', source: 'social_selling',
            temperature: 'cold', stage_id: stage.id, company_id: row().id, created_at: '2026-12-01T00:00:00Z',
          },
        },
      ],
      next_cursor: 2,
      has_more: false,
    });
    expect((await ctx.db.companies.get(row().id))?.name).toBe('Samudra Freight');
    expect((await ctx.db.prospects.get('00000000-0000-4000-8000-0000000000d1'))?.companyId).toBe(row().id);
  });
});
