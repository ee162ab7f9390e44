import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { listPeople, pagePeople, pageRows, rowReader } from './page-people';
import { personFromHref, viewerOf } from './lists/identity';
import { splitHeadline } from './lists/row';
import { feed } from './lists/feed';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/linkedin-lists/', import.meta.url));

function load(file: string, url: string): Document {
  return new JSDOM(readFileSync(FIXTURES + file, 'utf8'), { url }).window.document;
}

/** [key (slug or member id), name, headline, location] per person, in page order. */
type Row = [string, string, string | null, string | null];

function rows(file: string, url: string): Row[] {
  return listPeople(load(file, url), url).map((p) => [p.slug ?? p.memberId ?? '?', p.name, p.headline, p.location]);
}

const SEARCH = 'https://www.linkedin.com/search/results/people/?keywords=logistik';

describe('people search results', () => {
  it('2024 Ember: name, headline and location of each linked member; not the out-of-network member, not the viewer', () => {
    expect(rows('search-2024.html', SEARCH)).toEqual([
      ['andini-kusuma-ls24', 'Andini Kusuma', 'Head of Procurement at Nusantara Cargo', 'Jakarta Metropolitan Area'],
      ['bagus-hartanto-ls24', 'Bagus Hartanto', 'VP Operations at Sinar Logistik | Supply chain', 'Surabaya, East Java, Indonesia'],
      ['citra-maharani-ls24', 'Citra Maharani', 'Founder @ Kopi Senja', 'Yogyakarta, Indonesia'],
    ]);
  });

  it('2025 hashed classes: the hidden copy and the mutual-connection line are no headline, pronouns leave the name', () => {
    expect(rows('search-2025.html', SEARCH)).toEqual([
      ['dimas-prakoso-ls25', 'Dimas Prakoso', 'Chief Financial Officer at Pelita Armada', 'Medan, North Sumatra, Indonesia'],
      ['eka-putri-ls25', 'Eka Putri', 'Procurement Lead di Samudra Freight', 'Surabaya, East Java, Indonesia'],
      ['fajar-nugroho-ls25', 'Fajar Nugroho', 'Warehouse systems consultant', 'Semarang'],
    ]);
  });

  it('2026 SDUI: members linked by id only keep their case-sensitive id; the viewer (also by id) is left out', () => {
    const people = listPeople(load('search-2026-sdui.html', SEARCH), SEARCH);
    expect(people.map((p) => [p.slug, p.memberId, p.name, p.headline, p.location])).toEqual([
      [null, 'ACoAAGitaRamadhaniSdui26a', 'Gita Ramadhani', 'Port Operations Director at Pelabuhan Nusa', 'Makassar, South Sulawesi, Indonesia'],
      [null, 'ACoAAHendraWijayaSdui26bb', 'Hendra Wijaya', 'Head of Sales | Pelabuhan Nusa', 'Jakarta'],
      [null, 'ACoAAIntanPermataSdui26cc', 'Intan Permata', 'Customs Broker at Bea Cepat', 'Batam, Riau Islands, Indonesia'],
    ]);
    // The mark sits right after the name link, outside it.
    expect(people[0]!.anchor.textContent).toBe('Gita Ramadhani');
  });

  it('the headline splits into title and company as on a profile', () => {
    const [andini, bagus, citra] = listPeople(load('search-2024.html', SEARCH), SEARCH);
    expect([andini!.title, andini!.company]).toEqual(['Head of Procurement', 'Nusantara Cargo']);
    expect([bagus!.title, bagus!.company]).toEqual(['VP Operations', 'Sinar Logistik']);
    expect([citra!.title, citra!.company]).toEqual(['Founder', 'Kopi Senja']);
    expect(splitHeadline('Looking at opportunities')).toEqual({ title: null, company: null });
  });

  it('the mark goes after the name link, never inside a link', () => {
    for (const p of listPeople(load('search-2024.html', SEARCH), SEARCH)) {
      expect(p.anchor.tagName).toBe('A');
      expect(p.anchor.parentElement?.closest('a')).toBeNull();
    }
  });
});

describe('My Network', () => {
  it('2024: an invitation and people you may know, not the company card', () => {
    expect(rows('network-2024.html', 'https://www.linkedin.com/mynetwork/')).toEqual([
      ['joko-santoso-ls24', 'Joko Santoso', 'Sales Director at Baja Prima Nusantara', null],
      ['kartika-sari-ls24', 'Kartika Sari', 'Marketing Lead at Tani Digital', null],
      ['lukas-tanoto-ls24', 'Lukas Tanoto', 'Regional Manager, Pelita Armada', null],
    ]);
  });

  it('2024 connections: the screen-reader labels are not the name', () => {
    expect(rows('connections-2024.html', 'https://www.linkedin.com/mynetwork/invite-connect/connections/')).toEqual([
      ['mega-lestari-ls24', 'Mega Lestari', 'Operations Manager at Kopi Senja', null],
      ['nanda-pratama-ls24', 'Nanda Pratama', 'CTO at Awan Data', null],
    ]);
  });

  it('2026 SDUI: invitation and people-you-may-know cards by member id', () => {
    expect(rows('network-2026-sdui.html', 'https://www.linkedin.com/mynetwork/grow/')).toEqual([
      ['ACoAAOkiFirmansyahSdui26o', 'Oki Firmansyah', 'Business Development Manager at Laut Biru Logistik', null],
      ['ACoAAPutriAnggrainiSdui26p', 'Putri Anggraini', 'Head of Finance at Pelita Armada', null],
      ['ACoAARudiHakimSdui26rrrr', 'Rudi Hakim', 'Fleet Manager', null],
    ]);
  });
});

describe("a company's People tab", () => {
  it('2024: linked members with their headline; the LinkedIn Member card has no one to mark', () => {
    expect(rows('company-people-2024.html', 'https://www.linkedin.com/company/sinar-logistik-fx/people/')).toEqual([
      ['sari-utami-ls24', 'Sari Utami', 'Finance Manager at Sinar Logistik', null],
      ['teguh-saputra-ls24', 'Teguh Saputra', 'Director of Commercial at Sinar Logistik', null],
    ]);
  });

  it('2026 SDUI by member id', () => {
    expect(rows('company-people-2026-sdui.html', 'https://www.linkedin.com/company/pelita-armada-fx/people/')).toEqual([
      ['ACoAAUmarSaidSdui26uuuuu', 'Umar Said', 'Chief Operating Officer at Pelita Armada', null],
      ['ACoAAVinaKurniaSdui26vvvv', 'Vina Kurnia', 'Procurement Specialist at Pelita Armada', null],
    ]);
  });

  it('the People tab readers do not run on the company home page', () => {
    expect(rows('company-people-2024.html', 'https://www.linkedin.com/company/sinar-logistik-fx/')).toEqual([]);
  });
});

describe('People also viewed', () => {
  it('2024: the rail’s people, not its pages, not the profile owner', () => {
    expect(rows('also-viewed-2024.html', 'https://www.linkedin.com/in/winda-astuti-ls24/')).toEqual([
      ['yusuf-halim-ls24', 'Yusuf Halim', 'Logistics Manager at Samudra Freight', null],
      ['zahra-fitri-ls24', 'Zahra Fitri', 'Owner, Fitri Trading', null],
    ]);
  });

  it('2026 SDUI', () => {
    expect(rows('also-viewed-2026-sdui.html', 'https://www.linkedin.com/in/agus-salim-ls26/')).toEqual([
      ['bella-oktavia-ls26', 'Bella Oktavia', 'Commercial Director at Baja Prima Nusantara', null],
      ['cahyo-budiman-ls26', 'Cahyo Budiman', 'Plant Manager', null],
    ]);
  });
});

describe('reactions', () => {
  it('2024: people who reacted, not the company, not the viewer', () => {
    expect(rows('reactions-2024.html', 'https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000001/')).toEqual([
      ['cahya-dewi-ls24', 'Cahya Dewi', 'Purchasing Manager at Kopi Senja', null],
      ['dodi-irawan-ls24', 'Dodi Irawan', 'IT Director at Bea Cepat', null],
    ]);
  });

  it('2026 SDUI by member id, on the feed', () => {
    expect(rows('reactions-2026-sdui.html', 'https://www.linkedin.com/feed/')).toEqual([
      ['ACoAAErnaSusantiSdui26eeee', 'Erna Susanti', 'Sales Manager at Laut Biru Logistik', null],
      ['ACoAAFaisalRahmanSdui26fff', 'Faisal Rahman', 'Operations Lead at Samudra Freight', null],
    ]);
  });
});

describe('feed', () => {
  const FEED = 'https://www.linkedin.com/feed/';
  it('2024: authors of posts and reposts; not likes or comment lines, promoted posts, companies, the viewer, a nested original', () => {
    const people = listPeople(load('feed-2024.html', FEED), FEED);
    expect(people.map((p) => [p.slug, p.name, p.headline, p.post])).toEqual([
      ['gilang-ramadhan-ls24', 'Gilang Ramadhan', 'Chief Revenue Officer at Awan Data', 'post'],
      ['irfan-maulana-ls24', 'Irfan Maulana', 'Head of Procurement at Bea Cepat', 'post'],
      ['joko-santoso-ls24', 'Joko Santoso', null, 'repost'],
      ['maya-sofia-ls24', 'Maya Sofia', 'VP Sales at Tani Digital', 'post'],
    ]);
    // Joko's mark goes by his name in the "reposted this" line, Irfan's by his name in the actor block.
    expect(people[2]!.anchor.closest('.update-components-header')).not.toBeNull();
    expect(people[1]!.anchor.closest('.update-components-actor')).not.toBeNull();
  });

  it('2026 SDUI: a member linked by id, a member by slug, a repost by a member of a company post', () => {
    const people = listPeople(load('feed-2026-sdui.html', FEED), FEED);
    expect(people.map((p) => [p.slug ?? p.memberId, p.name, p.headline, p.post])).toEqual([
      ['ACoAAOscarLubisSdui26ooooo', 'Oscar Lubis', 'Director of Logistics at Kirim Cepat', 'post'],
      ['puspa-ayu-ls26', 'Puspa Ayu', 'Chief Executive Officer at Tani Digital', 'post'],
    ]);
  });

  it('a person who posted and reposted is listed once, but each post reads as theirs (the script marks rows)', () => {
    const doc = load('feed-2026-sdui.html', FEED);
    const posts = Array.from(doc.querySelectorAll('[componentkey^="urn:li:activity"]'));
    expect(posts).toHaveLength(5);
    expect(posts.map((p) => feed.read(p)).map((p) => p && [p.slug ?? p.memberId, p.post])).toEqual([
      ['ACoAAOscarLubisSdui26ooooo', 'post'],
      ['puspa-ayu-ls26', 'post'],
      ['puspa-ayu-ls26', 'repost'],
      null,
      null,
    ]);
  });
});

describe('Sales Navigator', () => {
  it('lead search: lead id, name, title at company, location', () => {
    const url = 'https://www.linkedin.com/sales/search/people?query=(keywords%3Alogistik)';
    const people = listPeople(load('salesnav-search-2025.html', url), url);
    expect(people.map((p) => [p.memberId, p.name, p.title, p.company, p.location])).toEqual([
      ['ACwAARahmatHidayatSales25r', 'Rahmat Hidayat', 'Head of Logistics', 'Sinar Logistik', 'Bandung, West Java, Indonesia'],
      ['ACwAASitiNurhalizaSales25s', 'Siti Nurhaliza', 'Chief Procurement Officer', 'Pelabuhan Nusa', 'Makassar, South Sulawesi, Indonesia'],
      ['ACwAATommyGunawanSales25tt', 'Tommy Gunawan', 'Operations Manager', null, 'Jakarta, Indonesia'],
    ]);
    expect(people[0]!.headline).toBe('Head of Logistics at Sinar Logistik');
  });

  it('lead list: a public profile link on the row gives the slug too', () => {
    const url = 'https://www.linkedin.com/sales/lists/people/7123456789';
    const people = listPeople(load('salesnav-list-2025.html', url), url);
    expect(people.map((p) => [p.slug, p.memberId, p.name, p.title, p.company])).toEqual([
      [null, 'ACwAAUrsulaHadiSales25uuu', 'Ursula Hadi', 'Supply Chain Manager', 'Nusantara Cargo'],
      ['victor-siahaan-ls25', 'ACwAAVictorSiahaanSales25v', 'Victor Siahaan', 'Managing Director', 'Bea Cepat'],
    ]);
  });
});

describe('pagePeople', () => {
  it('answers with the contract’s fields, once per person, never the viewer', () => {
    const url = 'https://www.linkedin.com/search/results/people/?keywords=x';
    expect(pagePeople(load('search-2026-sdui.html', url), url)[0]).toEqual({
      slug: null,
      memberId: 'ACoAAGitaRamadhaniSdui26a',
      name: 'Gita Ramadhani',
      headline: 'Port Operations Director at Pelabuhan Nusa',
      location: 'Makassar, South Sulawesi, Indonesia',
      surface: 'search',
    });
  });

  it('reads nothing on pages without lists (a plain profile, messaging)', () => {
    const url = 'https://www.linkedin.com/messaging/thread/2-abc/';
    expect(pagePeople(load('search-2024.html', url), url)).toEqual([]);
  });
});

describe('rowReader', () => {
  const url = SEARCH;

  /** The reader with a count of the rows it really read (not answered from what it kept). */
  function counted() {
    const read = rowReader();
    let reads = 0;
    return {
      read: (ref: Parameters<typeof read>[0]) => read({ ...ref, reader: { ...ref.reader, read: (row) => (reads++, ref.reader.read(row)) } }),
      reads: () => reads,
    };
  }

  /** Rows with no one to read (the out-of-network "LinkedIn Member"): read again each time, they may still be drawing. */
  const nameless = (doc: Document) => pageRows(doc, url).filter((ref) => !ref.reader.read(ref.row)).length;

  it('reads each row once: pagePeople after the marks (or again) reads only nameless rows anew, and answers the same', () => {
    const doc = load('search-2024.html', url);
    const r = counted();
    const first = pagePeople(doc, url, { read: r.read });
    const rows = r.reads();
    expect(rows).toBe(pageRows(doc, url).length);
    expect(nameless(doc)).toBe(1);
    expect(pagePeople(doc, url, { read: r.read })).toEqual(first);
    expect(r.reads()).toBe(rows + 1);
    expect(first).toEqual(pagePeople(doc, url));
  });

  it('reads a row again when its link now names someone else (LinkedIn reuses row nodes) or was replaced', () => {
    const doc = load('search-2024.html', url);
    const r = counted();
    const before = listPeople(doc, url, { read: r.read });
    const reads = r.reads();
    const first = before[0]!;
    for (const a of Array.from(first.row.querySelectorAll('a[href*="andini-kusuma-ls24"]'))) a.setAttribute('href', 'https://www.linkedin.com/in/someone-else-ls24/');
    const second = before[1]!;
    const link = second.anchor.cloneNode(true) as Element;
    second.anchor.replaceWith(link);
    const after = listPeople(doc, url, { read: r.read });
    expect(r.reads()).toBe(reads + 2 + nameless(doc));
    expect(after[0]!.slug).toBe('someone-else-ls24');
    expect(after[1]!.anchor).toBe(link);
    expect(after.slice(2)).toEqual(before.slice(2));
  });
});

describe('identity from links', () => {
  it('slugs are canonical, member ids keep their case, other links name nobody', () => {
    expect(personFromHref('https://id.linkedin.com/in/Andini-Kusuma-LS24?trk=x')).toEqual({ slug: 'andini-kusuma-ls24', memberId: null });
    // A slug link whose query carries the member's URN gives both keys.
    expect(personFromHref('/in/andini-kusuma-ls24?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAAndiniKusumaLs24Fake01')).toEqual({
      slug: 'andini-kusuma-ls24',
      memberId: 'ACoAAAndiniKusumaLs24Fake01',
    });
    expect(personFromHref('/in/ACoAAGitaRamadhaniSdui26a/')).toEqual({ slug: null, memberId: 'ACoAAGitaRamadhaniSdui26a' });
    expect(personFromHref('/sales/lead/ACwAARahmatHidayatSales25r,NAME_SEARCH,aB1c')).toEqual({ slug: null, memberId: 'ACwAARahmatHidayatSales25r' });
    expect(personFromHref('https://www.linkedin.com/company/awan-data-fx/')).toBeNull();
    expect(personFromHref('https://evil.example/in/andini-kusuma-ls24')).toBeNull();
    expect(personFromHref('/search/results/people/?keywords=x')).toBeNull();
  });

  it('the viewer is read from the global nav, by slug or by member id', () => {
    const a = viewerOf(load('search-2024.html', SEARCH));
    expect([...a.slugs]).toEqual(['vera-viewer-fx']);
    const b = viewerOf(load('search-2026-sdui.html', SEARCH));
    expect([...b.memberIds]).toEqual(['ACoAAVeraViewerSduiFake00']);
  });
});
