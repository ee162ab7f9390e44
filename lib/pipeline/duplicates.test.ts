import { describe, expect, it } from 'vitest';
import { companyKey, domainKey, domainMatchesCompany, duplicateSuggestions } from './duplicates';

const person = (id: string, name: string, company: string | null, emails: string[] = [], deletedAt: number | null = null) => ({
  id,
  name,
  company,
  emails,
  deletedAt,
});

describe('duplicate rules', () => {
  it('reads the organisation from a domain, not its country suffix or free mail', () => {
    expect(domainKey('siti@nusantara-logistik.co.id')).toBe('nusantaralogistik');
    expect(domainKey('a@mail.acme.com')).toBe('acme');
    expect(domainKey('a@gmail.com')).toBeNull();
    expect(companyKey('PT Nusantara Logistik Tbk')).toBe('nusantaralogistik');
    expect(domainMatchesCompany('siti@nusantara.id', 'PT Nusantara Logistik')).toBe(true);
    expect(domainMatchesCompany('siti@gmail.com', 'Gmail')).toBe(false);
  });

  it('same name and company (case and accents aside) is a likely duplicate; same name elsewhere is not', () => {
    const t = person('1', 'José Ramírez', 'Acme Corp');
    const out = duplicateSuggestions(t, [person('2', 'jose ramirez', 'ACME'), person('3', 'José Ramírez', 'Globex'), t]);
    expect(out.map((d) => [d.prospect.id, d.reason])).toEqual([['2', 'name-company']]);
  });

  it('a similar name with an address at the company is a likely duplicate, a colleague is not, nor a deleted person', () => {
    const t = person('1', 'Siti Rahmawati', 'Nusantara Logistik');
    const out = duplicateSuggestions(t, [
      person('2', 'Siti R.', null, ['sr@nusantara-logistik.co.id']),
      person('3', 'Budi Santoso', null, ['budi@nusantara-logistik.co.id']),
      person('4', 'Siti', null, ['siti@nusantara-logistik.co.id'], 5),
      person('5', 'rahmawati.s', null, ['rahmawati.s@gmail.com']),
    ]);
    expect(out.map((d) => [d.prospect.id, d.reason])).toEqual([['2', 'email-domain']]);
    // and the other way round: the mail contact finds the LinkedIn person
    const back = duplicateSuggestions(person('2', 'Siti R.', null, ['sr@nusantara-logistik.co.id']), [t]);
    expect(back.map((d) => d.reason)).toEqual(['email-domain']);
  });
});
