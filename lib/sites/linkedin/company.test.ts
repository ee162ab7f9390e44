import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  companyNameFromTitle,
  companySlugFromUrl,
  findCompanyAnchor,
  parseFollowers,
  parseSize,
  readCompany,
  websiteOf,
  type CompanyDraft,
} from './company';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/linkedin/company/', import.meta.url));

function load(fixture: string, url: string): Document {
  return new JSDOM(readFileSync(FIXTURES + fixture + '.html', 'utf8'), { url }).window.document;
}

function read(fixture: string, url: string): CompanyDraft {
  const r = readCompany(load(fixture, url), url);
  if (!r.ok) throw new Error(`not read: ${r.reason}`);
  return r.company;
}

describe('company URLs', () => {
  it.each([
    ['https://www.linkedin.com/company/kopi-kenangan-digital/', 'kopi-kenangan-digital'],
    ['https://www.linkedin.com/company/Kopi-Kenangan-Digital/about/?viewAsMember=true', 'kopi-kenangan-digital'],
    ['https://id.linkedin.com/company/tanjung-harbour-robotics-fx', 'tanjung-harbour-robotics-fx'],
    ['https://www.linkedin.com/company/10000001/people/', '10000001'],
    ['/company/samudra-freight/people/', 'samudra-freight'],
  ])('%s → %s', (url, slug) => expect(companySlugFromUrl(url)).toBe(slug));

  it.each([
    'https://www.linkedin.com/in/rizky-pratama-5e6f7a/',
    'https://www.linkedin.com/company/',
    'https://www.linkedin.com/company/setup/new/',
    'https://linkedin.com.evil.example/company/acme/',
    'javascript:alert(1)//www.linkedin.com/company/acme/',
    'https://www.linkedin.com/company/%E0%A4%A/',
  ])('%s is not a company page', (url) => expect(companySlugFromUrl(url)).toBeNull());
});

describe('facts by their wording', () => {
  it('follower counts in English and Indonesian, abbreviated or not', () => {
    expect(parseFollowers('12,345 followers')).toBe(12345);
    expect(parseFollowers('4.2K followers')).toBe(4200);
    expect(parseFollowers('1,2 jt pengikut')).toBe(1_200_000);
    expect(parseFollowers('Food and Beverage Services')).toBeNull();
  });
  it('size bands', () => {
    expect(parseSize('201-500 employees')).toBe('201-500 employees');
    expect(parseSize('10,001+ employees')).toBe('10,001+ employees');
    expect(parseSize('51–200 karyawan')).toBe('51-200 karyawan');
    expect(parseSize('312 associated members')).toBeNull();
  });
  it('websites: http(s) off LinkedIn only, redirects unwrapped', () => {
    expect(websiteOf('https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fa.example%2F&urlhash=x')).toBe('https://a.example/');
    expect(websiteOf('javascript:alert(1)')).toBeNull();
    expect(websiteOf('https://www.linkedin.com/company/acme/')).toBeNull();
    expect(websiteOf('https://user:pw@a.example/')).toBeNull();
  });
  it('names from the title', () => {
    expect(companyNameFromTitle('(3) Kopi Kenangan Digital: Overview | LinkedIn')).toBe('Kopi Kenangan Digital');
    expect(companyNameFromTitle('Samudra Freight: People | LinkedIn')).toBe('Samudra Freight');
  });
});

describe('company pages of every vintage', () => {
  const kopi = {
    slug: 'kopi-kenangan-digital',
    name: 'Kopi Kenangan Digital',
    industry: 'Food and Beverage Services',
    size: '201-500 employees',
    headquarters: 'Bandung, West Java',
    website: 'https://kopi-kenangan-digital.example/',
    followers: 12345,
  };
  it.each<[string, string, string, CompanyDraft]>([
    ['2024 overview: the top card facts, the employees link and the Visit website action', '2024-overview', 'https://www.linkedin.com/company/kopi-kenangan-digital/', kopi],
    ['2024 About tab: the labelled list wins, a second dd under Company size is nobody’s', '2024-about', 'https://www.linkedin.com/company/kopi-kenangan-digital/about/', kopi],
    [
      '2025 People tab with hashed classes: the people listed are not the company',
      '2025-people',
      'https://www.linkedin.com/company/samudra-freight/people/',
      {
        slug: 'samudra-freight',
        name: 'Samudra Freight',
        industry: 'Truck Transportation',
        size: '51-200 employees',
        headquarters: 'Semarang, Central Java',
        website: null,
        followers: 4200,
      },
    ],
    [
      '2026 SDUI overview: facts as paragraphs, the tagline is not the industry',
      '2026-sdui-overview',
      'https://www.linkedin.com/company/borealis-tidewater-fx26/',
      {
        slug: 'borealis-tidewater-fx26',
        name: 'Borealis Tidewater Analytics',
        industry: 'IT Services and IT Consulting',
        size: '11-50 employees',
        headquarters: 'Makassar, South Sulawesi',
        website: 'https://borealis-tidewater.example/',
        followers: 1200,
      },
    ],
    [
      'public page: JSON-LD and the labelled facts',
      'public',
      'https://id.linkedin.com/company/tanjung-harbour-robotics-fx',
      {
        slug: 'tanjung-harbour-robotics-fx',
        name: 'Tanjung Harbour Robotics',
        industry: 'Industrial Machinery Manufacturing',
        size: '51-200 employees',
        headquarters: 'Batam, Riau Islands',
        website: 'https://tanjung-harbour.example/',
        followers: 2987,
      },
    ],
  ])('%s', (_what, fixture, url, company) => expect(read(fixture, url)).toEqual(company));

  it('the chip goes after the company name in the top card, never the viewer’s h1 in the nav', () => {
    const doc = load('2024-overview', 'https://www.linkedin.com/company/kopi-kenangan-digital/');
    const anchor = findCompanyAnchor(doc);
    expect(anchor?.tagName).toBe('H1');
    expect(anchor?.textContent?.trim()).toBe('Kopi Kenangan Digital');
  });

  it('a company page whose top card has not rendered yet is not read', () => {
    const doc = new JSDOM('<main><div class="skeleton"></div></main>', { url: 'https://www.linkedin.com/company/acme/' }).window.document;
    expect(readCompany(doc, 'https://www.linkedin.com/company/acme/')).toEqual({ ok: false, reason: 'not-rendered' });
    expect(readCompany(doc, 'https://www.linkedin.com/feed/')).toEqual({ ok: false, reason: 'not-company-page' });
  });

  it('hostile text is capped and control characters go', () => {
    const html = `<main><section class="org-top-card"><h1 class="org-top-card-summary__title">Evil\u202e Corp${'x'.repeat(500)}</h1>
      <div class="org-top-card-summary-info-list__info-item"><img src=x onerror="alert(1)">Software</div></section></main>`;
    const doc = new JSDOM(html, { url: 'https://www.linkedin.com/company/evil/' }).window.document;
    const r = readCompany(doc, 'https://www.linkedin.com/company/evil/');
    expect(r.ok && r.company.name.length).toBe(160);
    expect(r.ok && r.company.name.includes('\u202e')).toBe(false);
    expect(r.ok && r.company.industry).toBe('Software');
  });
});
