// Accounts out for a CRM: a companies file (one row per live account, its domain, LinkedIn page,
// facts, people and stages), and the prospects file naming each person's account by LinkedIn slug,
// domain and id — through the same request the options page sends.
import { describe, expect, it } from 'vitest';
import { testStore } from '../../test/unit/store-helpers';
import { handleRequest } from '../messaging/handle';
import { captureProspect, setStage, type CaptureInput } from '../store/commands';
import { addCompany } from '../store/companies';
import { deleteCompany } from '../store/company-delete';
import { parseCsv } from './csv';
import { COMPANY_COLUMNS, companyDomain } from './export-companies';

const person = (slug: string, name: string, company: string): CaptureInput => ({
  slug, email: null, name, headline: null, title: 'Head of Ops', company, location: 'Semarang', photoUrl: null, linkedinUrl: null, source: 'social_selling',
});

async function exported(ctx: Parameters<typeof handleRequest>[0], kind: 'companies' | 'prospects') {
  const reply = await handleRequest(ctx, { type: 'exportCsv', kind, lang: 'en' });
  if (!reply.ok) throw new Error(reply.error);
  const { csv, rows } = reply.data as { csv: string; rows: number };
  const parsed = parseCsv(csv);
  if (!parsed.ok) throw new Error('unreadable CSV');
  const [head, ...body] = parsed.records.map((r) => r.cells);
  return { rows, head: head!, records: body.map((cells) => Object.fromEntries(head!.map((h, i) => [h, cells[i] ?? '']))) };
}

describe('companies CSV', () => {
  it('one row per live account with what a CRM keys and shows, people counted per stage; deleted accounts left out', async () => {
    const { ctx } = await testStore();
    const a = (await captureProspect(ctx, person('ayu-l', 'Ayu Lestari', 'Samudra Freight'))).prospect;
    await captureProspect(ctx, person('budi-s', 'Budi Santoso', 'Samudra Freight'));
    await captureProspect(ctx, person('cici-w', 'Cici Wulandari', 'Samudra Freight'));
    await addCompany(ctx, {
      slug: 'samudra-freight', name: 'Samudra Freight', industry: 'Truck Transportation', size: '51-200 employees',
      headquarters: 'Semarang, Central Java', website: 'https://www.samudra.example/id/', followers: 4200,
    });
    await setStage(ctx, a.id, 'qualification');
    const { company: gone } = await addCompany(ctx, { slug: '=cmd', name: '=HYPERLINK("x")', industry: null, size: null, headquarters: null, website: null, followers: null });
    const { company: kept } = await addCompany(ctx, { slug: 'kopi-fx', name: '@Kopi "Baru"', industry: null, size: null, headquarters: null, website: null, followers: null });
    await deleteCompany(ctx, gone.id);

    const out = await exported(ctx, 'companies');
    expect(out.head).toEqual([...COMPANY_COLUMNS]);
    expect(out.rows).toBe(2);
    expect(out.records.map((r) => r.Name)).toEqual([`'@Kopi "Baru"`, 'Samudra Freight']);
    expect(out.records[1]).toMatchObject({
      Domain: 'samudra.example',
      Website: 'https://www.samudra.example/id/',
      'LinkedIn URL': 'https://www.linkedin.com/company/samudra-freight/',
      'LinkedIn slug': 'samudra-freight',
      Industry: 'Truck Transportation',
      'Company size': '51-200 employees',
      Headquarters: 'Semarang, Central Java',
      Followers: '4200',
      'People in pipeline': '3',
      Stages: 'Prospecting 2; Qualification 1',
    });
    expect(out.records[0]).toMatchObject({ 'People in pipeline': '0', Stages: '', Domain: '', ID: kept.id });
  });

  it('the prospects file names each person’s account by slug, domain and id (empty without one)', async () => {
    const { ctx } = await testStore();
    const a = (await captureProspect(ctx, person('ayu-l', 'Ayu Lestari', 'Samudra Freight'))).prospect;
    await captureProspect(ctx, person('dewi-k', 'Dewi Kartika', 'Elsewhere'));
    const { company } = await addCompany(ctx, {
      slug: 'samudra-freight', name: 'Samudra Freight', industry: null, size: null, headquarters: null, website: 'https://samudra.example', followers: null,
    });
    const out = await exported(ctx, 'prospects');
    const row = (name: string) => out.records.find((r) => r.Name === name)!;
    expect(out.head.slice(0, 7)).toEqual(['Name', 'Headline', 'Title', 'Company', 'Company slug', 'Company domain', 'Company ID']);
    expect(row('Ayu Lestari')).toMatchObject({ Company: 'Samudra Freight', 'Company slug': 'samudra-freight', 'Company domain': 'samudra.example', 'Company ID': company.id });
    expect(row('Dewi Kartika')).toMatchObject({ 'Company slug': '', 'Company domain': '', 'Company ID': '' });
    expect(a.id).toBeTruthy();
  });

  it('a domain is the website’s host without www; anything else is empty', () => {
    expect(companyDomain('https://www.kopi.example/about')).toBe('kopi.example');
    expect(companyDomain('http://shop.kopi.example')).toBe('shop.kopi.example');
    expect(companyDomain(null)).toBe('');
    expect(companyDomain('not a url')).toBe('');
  });
});
