import { describe, expect, it } from 'vitest';
import { foldText, queryMatcher, queryWords, searchDoc, searchDocs, type SearchSource } from './search';

// Invented people only.
const PEOPLE: SearchSource[] = [
  { id: '1', name: 'Sari Kusuma', title: 'Chief Financial Officer', company: 'PT Hub Fiktif', location: 'Jakarta', emails: ['sari@contoh.id'] },
  { id: '2', name: 'Sofía Díaz', title: 'Head of Procurement', company: 'Kopi Fiktif', headline: 'Buying coffee at scale', emails: [] },
  { id: '3', name: 'Budi Santoso', title: 'Engineer', company: 'Chief Motors', location: 'Surabaya', emails: ['budi.santoso@chiefmotors.example'] },
  { id: '4', name: 'Chief Wiggum', title: null, company: null, emails: [] },
  { id: '5', name: 'Dewi Lestari', title: 'VP Sales', company: 'Toko Maju', location: 'Bandung, Jawa Barat', notes: 'Met at the Jakarta fintech meetup; wants a pilot in Q3' },
  { id: '6', name: 'Ayu Finansia', title: 'Marketing', company: null, emails: ['ayu@contoh.id'] },
];
const docs = PEOPLE.map(searchDoc);
const find = (q: string, limit = 10) => searchDocs(docs, q, limit).map((h) => h.id);

describe('search', () => {
  it('folds case, accents and punctuation', () => {
    expect(foldText("Sofía  O'Neil-Díaz")).toBe(' sofia o neil diaz ');
    expect(foldText('STRAßE Łódź')).toBe(' strasse lodz ');
    expect(foldText('')).toBe(' ');
  });

  it('"chief fin" finds the Chief Financial Officer: every word a prefix of some word', () => {
    expect(find('chief fin')).toEqual(['1']);
    expect(find('CHIEF FIN')).toEqual(['1']);
  });

  it('ranks a match in the name first, then title, company and the rest', () => {
    // Chief Wiggum (name), Sari (title), Chief Motors (company) — and Budi's address says chiefmotors.
    expect(find('chief')).toEqual(['4', '1', '3']);
    // Ayu Finansia by name before Sari's "Financial" title.
    expect(find('fin')).toEqual(['6', '1', '5']);
  });

  it('searches name, title, company, headline, location, e-mail and notes, accent-insensitively', () => {
    expect(find('sofia')).toEqual(['2']);
    expect(find('díaz')).toEqual(['2']);
    expect(find('procure')).toEqual(['2']);
    expect(find('coffee')).toEqual(['2']);
    expect(find('surabaya')).toEqual(['3']);
    expect(find('jawa barat')).toEqual(['5']);
    expect(find('budi.santoso@')).toEqual(['3']);
    expect(find('meetup pilot')).toEqual(['5']);
    expect(find('jakarta')).toEqual(['1', '5']);
  });

  it('finds a title by its initials', () => {
    expect(find('cfo')).toEqual(['1']);
  });

  it('matches word starts only, and needs every word', () => {
    expect(find('inan')).toEqual([]);
    expect(find('sari budi')).toEqual([]);
    expect(find('   ')).toEqual([]);
  });

  it('keeps the limit and a stable order', () => {
    expect(find('a', 2)).toHaveLength(2);
    // Equal ranks: alphabetical by name.
    expect(find('fiktif')).toEqual(['1', '2']);
  });

  it('drops query words another word already covers', () => {
    expect(queryWords('chief chi Chief')).toEqual(['chief']);
  });

  it('gives views a matcher with the same rules', () => {
    const m = queryMatcher('chief fin')!;
    expect(PEOPLE.filter(m).map((p) => p.id)).toEqual(['1']);
    expect(queryMatcher('  ')).toBeNull();
  });
});
