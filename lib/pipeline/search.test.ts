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

describe('search at scale gives what ranking everyone gives', () => {
  const many: SearchSource[] = Array.from({ length: 3000 }, (_, i) => ({
    id: String(i).padStart(4, '0'),
    name: `${['Budi', 'Bayu', 'Ayu', 'Bima'][i % 4]} ${['Santoso', 'Lestari', 'Díaz'][i % 3]} ${i}`,
    title: ['Chief Financial Officer', 'Buyer', 'Head of Procurement'][i % 3],
    company: `PT Contoh ${i % 97}`,
    location: ['Bandung', 'Kraków', 'Jakarta'][i % 3],
    emails: [`orang${i}@contoh.id`],
  }));
  const docs = many.map(searchDoc);
  /** Every match ranked and sorted, the way the search worked before it cut corners. */
  function everyone(query: string, limit: number) {
    const words = queryWords(query);
    const ranked: Array<{ id: string; name: string; rank: number }> = [];
    for (const d of docs) {
      let total = 0;
      for (const w of words) {
        let best = 0;
        for (let f = 0; f < d.fields.length; f++) {
          const at = d.fields[f]!.indexOf(' ' + w);
          if (at < 0) continue;
          let score = [100, 45, 40, 20, 20, 10, 5][f]!;
          if (d.fields[f]!.includes(' ' + w + ' ', at)) score += score / 2;
          if (at === 0) score += score / 4;
          if (score > best) best = score;
          if (f === 0) break;
        }
        if (best === 0) {
          total = 0;
          break;
        }
        total += best;
      }
      if (total > 0) ranked.push({ id: d.id, name: d.name, rank: total });
    }
    ranked.sort((a, b) => b.rank - a.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
    return ranked.slice(0, limit).map((h) => ({ id: h.id, rank: h.rank }));
  }

  it.each(['b', 'bu', 'ayu dia', 'pt contoh 4', 'krakow', 'cfo', 'chief fin jakarta', 'zzz', 'contoh'])('“%s”: the same best 20, in the same order', (q) => {
    expect(searchDocs(docs, q, 20)).toEqual(everyone(q, 20));
  });

  it('plain ASCII folds exactly as the general path does', () => {
    for (const text of ['Chief Financial Officer', "O'Neil-Smith, Jr.", '  PT  Contoh 42 ', 'A&B', '', '---', 'x']) {
      const general = text.normalize('NFKD').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      expect(foldText(text)).toBe(general ? ` ${general} ` : ' ');
    }
  });
});
