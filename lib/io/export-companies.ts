// Accounts out, for a CRM: one row per live company, and what the prospects file says about each
// person's account. Same rules as the other CSV files (./export.ts): fixed English headers, ISO times,
// formula-looking cells neutralised, a BOM for Excel.
//
// What a CRM import needs to tie people to their companies: HubSpot and Pipedrive match a contact to
// a company by its web domain, Salesforce and most others by a company id column the two files share.
// So both files carry the domain (the website's host without "www.") and the account's id; the
// company's LinkedIn page (slug and URL) is the key Jalur itself matches companies by.
import type { Company } from '../model/company';
import { toCsv, type CsvCell } from './csv';

// As in ./export.ts, which imports this file (so this one does not import it back).
const isoTime = (ms: number | null | undefined) => (ms === null || ms === undefined ? '' : new Date(ms).toISOString());

export const COMPANY_COLUMNS = [
  'Name',
  'Domain',
  'Website',
  'LinkedIn URL',
  'LinkedIn slug',
  'Industry',
  'Company size',
  'Headquarters',
  'Followers',
  'People in pipeline',
  'Stages',
  'Created',
  'Updated',
  'ID',
] as const;

/** The columns the prospects file adds about the person's account (empty without one). */
export const PROSPECT_COMPANY_COLUMNS = ['Company slug', 'Company domain', 'Company ID'] as const;

/** "https://www.kopi.example/about" → "kopi.example": what CRMs key companies by. */
export function companyDomain(website: string | null | undefined): string {
  if (!website) return '';
  try {
    return new URL(website).hostname.replace(/^www\./, '').replace(/\.$/, '');
  } catch {
    return '';
  }
}

export function companyPageUrl(slug: string | null): string {
  return slug ? `https://www.linkedin.com/company/${encodeURIComponent(slug)}/` : '';
}

/** The prospects file's account cells for a person linked to `company` (a deleted one counts as none). */
export function prospectCompanyCells(company: Pick<Company, 'id' | 'slug' | 'website' | 'deletedAt'> | undefined): CsvCell[] {
  if (!company || company.deletedAt !== null) return ['', '', ''];
  return [company.slug ?? '', companyDomain(company.website), company.id];
}

export interface CompanyExportOptions {
  /** Default true: Excel needs the byte-order mark to read UTF-8. */
  bom?: boolean;
  /** The account's people in the pipeline, each by their stage's display name. */
  people: (companyId: string) => readonly string[];
}

/** "Qualification 2; Prospecting 1": how many of its people are in each stage, most first. */
function stageSummary(stages: readonly string[]): string {
  const by = new Map<string, number>();
  for (const s of stages) by.set(s, (by.get(s) ?? 0) + 1);
  return [...by]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([s, n]) => `${s} ${n}`)
    .join('; ');
}

export function companyRows(companies: readonly Company[], options: CompanyExportOptions): CsvCell[][] {
  const rows: CsvCell[][] = [[...COMPANY_COLUMNS]];
  for (const c of companies) {
    if (c.deletedAt !== null) continue;
    const people = options.people(c.id);
    rows.push([
      c.name,
      companyDomain(c.website),
      c.website,
      companyPageUrl(c.slug),
      c.slug,
      c.industry,
      c.size,
      c.headquarters,
      c.followers,
      people.length,
      stageSummary(people),
      isoTime(c.createdAt),
      isoTime(c.updatedAt),
      c.id,
    ]);
  }
  return rows;
}

export function companiesCsv(companies: readonly Company[], options: CompanyExportOptions): string {
  return toCsv(companyRows(companies, options), { bom: options.bom ?? true });
}
