import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { DraftFieldName, ExtractResult, FieldSource, ProspectDraft } from '../../model/draft';
import { extract } from './extract';
import { findNameAnchor } from './anchor';
import { TOP_CARD_READY } from './selectors';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/linkedin/', import.meta.url));


function load(fixture: string, url: string): Document {
  return new JSDOM(readFileSync(FIXTURES + fixture + '.html', 'utf8'), { url }).window.document;
}

function draftOf(r: ExtractResult): ProspectDraft {
  if (!r.ok) throw new Error(`extraction failed: ${r.reason} ${r.detail ?? ''}`);
  return r.draft;
}

type Expected = Partial<Record<DraftFieldName, [string, FieldSource]>>;

/** Every field the page has, with its value and source; absent fields must be absent. */
function expectFields(draft: ProspectDraft, expected: Expected) {
  const got = Object.fromEntries(Object.entries(draft.fields).map(([k, f]) => [k, [f!.value, f!.source]]));
  expect(got).toEqual(expected);
}

const URLS = {
  y2018: 'https://www.linkedin.com/in/bayu-wicaksono-fx18/',
  y2019: 'https://www.linkedin.com/in/rahmat-lubis-fx19/',
  y2020: 'https://www.linkedin.com/in/farida-hanum-fx20/',
  pub2020: 'https://uk.linkedin.com/in/laila-rahmani-fairbanks-fx20p',
  y2022: 'https://www.linkedin.com/in/margaret-fenwick-fx22/overlay/contact-info/',
  y2024: 'https://www.linkedin.com/in/thandiwe-okonkwo-reyes-fx24/',
  y2025: 'https://www.linkedin.com/in/kalani-brightwater-fx25/',
  y2026: 'https://www.linkedin.com/in/mireille-tanaka-osei-fx26/',
  pub: 'https://id.linkedin.com/in/siobhan-ocallaghan-wirawan-fx?trk=public_profile_browsemap',
  hostile: 'https://www.linkedin.com/in/J%C3%BCrgen-Sembiring-M%C3%BCller-fx6/',
  shell: 'https://www.linkedin.com/in/rani-setiawati-fx7/',
};

const CASES: { fixture: string; url: string; slug: string; fields: Expected }[] = [
  {
    fixture: '2018-ember-fragment',
    url: URLS.y2018,
    slug: 'bayu-wicaksono-fx18',
    fields: {
      name: ['Bayu Pratama Wicaksono', 'heading'],
      headline: ['Head of Procurement at PT Sinar Fiktif Abadi', 'heading'],
      title: ['Head of Procurement', 'heuristic'],
      company: ['PT Sinar Fiktif Abadi', 'heading'],
      location: ['Greater Jakarta Area, Indonesia', 'heading'],
      // 2018 drew the photo as a CSS background on a div, not an <img> with an alt.
      photoUrl: [
        'https://media.licdn.com/dms/image/C5103AQFakeFx18/profile-displayphoto-shrink_200_200/0?e=1540000000&v=beta&t=fake',
        'heuristic',
      ],
    },
  },
  {
    fixture: '2019-top-card-v2',
    url: URLS.y2019,
    slug: 'rahmat-lubis-fx19',
    fields: {
      name: ['Rahmat Hidayat Lubis', 'embedded-json'],
      headline: ['VP Engineering at Pelita Data Fiktif', 'embedded-json'],
      title: ['VP Engineering', 'heuristic'],
      company: ['Pelita Data Fiktif', 'heading'],
      location: ['Medan, Indonesia', 'embedded-json'],
      photoUrl: [
        'https://media.licdn.com/dms/image/C5103AQFakeFx19/profile-displayphoto-shrink_800_800/0?e=1570000000&v=beta&t=fake',
        'embedded-json',
      ],
    },
  },
  {
    fixture: '2020-top-card-list',
    url: URLS.y2020,
    slug: 'farida-hanum-fx20',
    fields: {
      name: ['Farida Hanum Siregar', 'heading'],
      headline: ['Chief Operating Officer at Armada Fiktif Logistics', 'heading'],
      title: ['Chief Operating Officer', 'heuristic'],
      company: ['Armada Fiktif Logistics', 'heading'],
      location: ['Surabaya, East Java, Indonesia', 'heading'],
      photoUrl: [
        'https://media.licdn.com/dms/image/C5103AQFakeFx20/profile-displayphoto-shrink_400_400/0?e=1600000000&v=beta&t=fake',
        'img-alt',
      ],
    },
  },
  {
    fixture: '2022-logged-in',
    url: URLS.y2022,
    slug: 'margaret-fenwick-fx22',
    fields: {
      name: ['Margaret Fenwick-Oyelaran', 'heading'],
      headline: ['Regional Sales Director, APAC | SaaS | Public speaker', 'heading'],
      title: ['Regional Sales Director, APAC', 'heuristic'],
      company: ['Cloudbrook Analytics', 'aria'],
      location: ['Singapore, Singapore', 'heading'],
      photoUrl: [
        'https://media.licdn.com/dms/image/C5603AQFakeFx22/profile-displayphoto-shrink_400_400/0/1650000000000?e=1680000000&v=beta&t=fake',
        'img-alt',
      ],
      email: ['margaret.fenwick@cloudbrook.example', 'overlay-link'],
    },
  },
  {
    fixture: '2024-data-view-name',
    url: URLS.y2024,
    slug: 'thandiwe-okonkwo-reyes-fx24',
    fields: {
      name: ['Thandiwe Okonkwo-Reyes', 'aria'],
      headline: ['Helping fintechs scale revenue | VP Sales at Lumora Pay', 'heading'],
      title: ['VP Sales', 'data-view-name'],
      company: ['Lumora Pay', 'aria'],
      location: ['Cape Town, Western Cape, South Africa', 'heading'],
      photoUrl: [
        'https://media.licdn.com/dms/image/v2/D4D03AQFakeFx24/profile-displayphoto-shrink_400_400/profile-displayphoto-shrink_400_400/0/1710000000000?e=1750000000&v=beta&t=fake',
        'img-alt',
      ],
    },
  },
  {
    fixture: '2025-obfuscated',
    url: URLS.y2025,
    slug: 'kalani-brightwater-fx25',
    fields: {
      name: ['Kalani Brightwater', 'embedded-json'],
      headline: ['Founder & CEO @ Tidewell Robotics', 'embedded-json'],
      title: ['Founder & CEO', 'data-view-name'],
      company: ['Tidewell Robotics', 'data-view-name'],
      location: ['Honolulu, Hawaii, United States', 'embedded-json'],
      photoUrl: [
        'https://media.licdn.com/dms/image/v2/D5603AQFakeFx25/profile-displayphoto-shrink_400_400/profile-displayphoto-shrink_400_400/0/1730000000000?e=1760000000&v=beta&t=fake',
        'img-alt',
      ],
    },
  },
  {
    fixture: '2026-sdui',
    url: URLS.y2026,
    slug: 'mireille-tanaka-osei-fx26',
    fields: {
      name: ['Mireille Tanaka-Osei', 'heading'],
      headline: ['Head of Partnerships at Verdant Lattice | Climate fintech', 'heuristic'],
      title: ['Head of Partnerships', 'data-view-name'],
      company: ['Verdant Lattice', 'data-view-name'],
      location: ['Accra, Greater Accra Region, Ghana', 'heuristic'],
      photoUrl: [
        'https://media.licdn.com/dms/image/v2/D5603AQFakeFx26/profile-displayphoto-scale_400_400/B56ZfakeFx26/0/1760000000000?e=1790000000&v=beta&t=fake',
        'img-alt',
      ],
    },
  },
  {
    fixture: 'public-jsonld',
    url: URLS.pub,
    slug: 'siobhan-ocallaghan-wirawan-fx',
    fields: {
      name: ["Siobhán O'Callaghan-Wirawan", 'json-ld'],
      headline: ['Partner at Teh & Tarsius Ventures | Angel investor | Bandung ⇄ Dublin', 'heading'],
      title: ['Partner', 'json-ld'],
      company: ['Teh & Tarsius Ventures', 'json-ld'],
      location: ['Bandung, West Java, Indonesia', 'json-ld'],
      photoUrl: [
        'https://media.licdn.com/dms/image/v2/D5603AQFakeFxPub/profile-displayphoto-shrink_200_200/profile-displayphoto-shrink_200_200/0/1720000000000?e=2147483647&v=beta&t=fake',
        'json-ld',
      ],
    },
  },
  {
    fixture: 'public-2020',
    url: URLS.pub2020,
    slug: 'laila-rahmani-fairbanks-fx20p',
    fields: {
      // og:title is trusted (canonical names this slug) and outranks the visible heading.
      name: ['Laila Rahmani-Fairbanks', 'og'],
      headline: ['Creative Director & Founder', 'heading'],
      company: ['Gilded Finch Studio', 'heading'],
      location: ['London, England, United Kingdom', 'heading'],
      // the only images are LinkedIn's static ghost placeholder: no photo
    },
  },
];

describe('extract() on each markup vintage', () => {
  it.each(CASES)('$fixture', ({ fixture, url, slug, fields }) => {
    const draft = draftOf(extract(load(fixture, url), url));
    expect(draft.site).toBe('linkedin');
    expect(draft.slug).toBe(slug);
    expect(draft.linkedinUrl).toBe(`https://www.linkedin.com/in/${encodeURIComponent(slug)}/`);
    expectFields(draft, fields);
  });

  it.each(CASES)('$fixture: the name anchor is the name heading and TOP_CARD_READY matches', ({ fixture, url, fields }) => {
    const doc = load(fixture, url);
    expect(doc.querySelector(TOP_CARD_READY)).not.toBeNull();
    const anchor = findNameAnchor(doc, url);
    expect(anchor).not.toBeNull();
    expect(anchor!.textContent!.replace(/\s+/g, ' ')).toContain(fields.name![0].split(' ')[0]);
    expect(anchor!.closest('nav, aside, [role="dialog"]')).toBeNull();
  });

  it('is pure: the document is unchanged', () => {
    const doc = load('2024-data-view-name', URLS.y2024);
    const before = doc.documentElement.outerHTML;
    extract(doc, URLS.y2024);
    findNameAnchor(doc, URLS.y2024);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('failures', () => {
  it('not-a-profile for URLs that are not member profiles', () => {
    const doc = load('2024-data-view-name', URLS.y2024);
    for (const url of [
      'https://www.linkedin.com/feed/',
      'https://www.linkedin.com/company/lumora-pay/',
      'https://www.linkedin.com/pub/dir/Thandiwe/',
      'https://linkedin.com.evil.io/in/thandiwe-okonkwo-reyes-fx24/',
    ]) {
      expect(extract(doc, url)).toEqual({ ok: false, reason: 'not-a-profile' });
    }
  });

  it('not-rendered for the SPA shell, whatever the stale title and embedded data say', () => {
    const doc = load('spa-shell-unrendered', URLS.shell);
    expect(extract(doc, URLS.shell)).toEqual({ ok: false, reason: 'not-rendered' });
    expect(findNameAnchor(doc, URLS.shell)).toBeNull();
    expect(doc.querySelector(TOP_CARD_READY)).toBeNull();
  });

  it('not-rendered while the previous profile’s top card is still on screen after in-app navigation', () => {
    const other = 'https://www.linkedin.com/in/rani-setiawati-fx7/';
    for (const [fixture, url] of [
      ['2024-data-view-name', URLS.y2024],
      ['2020-top-card-list', URLS.y2020],
      ['2026-sdui', URLS.y2026],
    ] as const) {
      const doc = load(fixture, url);
      doc.title = 'Rani Setiawati | LinkedIn';
      const r = extract(doc, other);
      expect(r.ok).toBe(false);
      expect(r.ok ? null : r.reason).toBe('not-rendered');
      expect(findNameAnchor(doc, other)).toBeNull();
    }
  });

  it('an opaque member-id URL takes the vanity slug from the top card', () => {
    const url = 'https://www.linkedin.com/in/ACoAAFakeThandiweFx24Member0000001/';
    const draft = draftOf(extract(load('2024-data-view-name', url), url));
    expect(draft.slug).toBe('thandiwe-okonkwo-reyes-fx24');
    expect(draft.linkedinUrl).toBe('https://www.linkedin.com/in/thandiwe-okonkwo-reyes-fx24/');
  });

  it('no-name when the top card has rendered without any name yet', () => {
    const doc = load('2025-obfuscated', URLS.y2025);
    doc.querySelectorAll('code, h1, main img').forEach((e) => e.remove());
    expect(extract(doc, URLS.y2025)).toEqual({ ok: false, reason: 'no-name' });
  });
});

describe('traps', () => {
  it('the viewer’s nav, "Me" menu and first /in/ link never leak into the draft', () => {
    for (const { fixture, url } of CASES) {
      const json = JSON.stringify(draftOf(extract(load(fixture, url), url)));
      expect(json).not.toMatch(/Vera|Rizal|Viewer|Jalur Demo|Osric|Elsewhere|Other Person/);
    }
  });

  it('2022: the only e-mail is the one in the contact-info overlay, never the messaging one', () => {
    const doc = load('2022-logged-in', URLS.y2022);
    doc.querySelector('[role="dialog"]')!.remove();
    expect(draftOf(extract(doc, URLS.y2022)).fields.email).toBeUndefined();
  });

  it('obfuscated markup: a mailto in a dialog counts only while the URL is the contact-info overlay', () => {
    const doc = load('2025-obfuscated', URLS.y2025);
    doc.body.insertAdjacentHTML(
      'beforeend',
      '<div role="dialog" class="QwErTyUiOp"><h2>Contact info</h2><section><h3>Email</h3><a href="mailto:Kalani@Tidewell.example?subject=hi">Kalani@Tidewell.example</a></section></div>',
    );
    const overlay = URLS.y2025 + 'overlay/contact-info/';
    expect(draftOf(extract(doc, overlay)).fields.email).toEqual({ value: 'kalani@tidewell.example', source: 'overlay-link' });
    expect(draftOf(extract(doc, URLS.y2025)).fields.email).toBeUndefined();
  });

  it('2024: an address in the About text is not an e-mail field', () => {
    expect(draftOf(extract(load('2024-data-view-name', URLS.y2024), URLS.y2024)).fields.email).toBeUndefined();
  });

  it('2024: without the about-this-profile label, the h1 is the name — without pronouns, badge or degree', () => {
    const doc = load('2024-data-view-name', URLS.y2024);
    doc.querySelector('a[aria-label]')!.removeAttribute('aria-label');
    expect(draftOf(extract(doc, URLS.y2024)).fields.name).toEqual({ value: 'Thandiwe Okonkwo-Reyes', source: 'heading' });
  });

  it('2024: an about-this-profile label that disagrees with the heading (markup change) loses to the heading', () => {
    const doc = load('2024-data-view-name', URLS.y2024);
    doc.querySelector('a[aria-label]')!.setAttribute('aria-label', 'About this profile');
    expect(draftOf(extract(doc, URLS.y2024)).fields.name).toEqual({ value: 'Thandiwe Okonkwo-Reyes', source: 'heading' });
  });

  it('2024: grouped experience gives the company from the group header, the title from the current role', () => {
    const doc = load('2024-data-view-name', URLS.y2024);
    doc.querySelector('[aria-label^="Current company"]')!.remove();
    const { fields } = draftOf(extract(doc, URLS.y2024));
    expect(fields.company).toEqual({ value: 'Lumora Pay', source: 'data-view-name' });
    expect(fields.title).toEqual({ value: 'VP Sales', source: 'data-view-name' });
  });

  it('2024: with no experience card nor company label, title and company come from the headline', () => {
    const doc = load('2024-data-view-name', URLS.y2024);
    doc.querySelector('[aria-label^="Current company"]')!.remove();
    doc.querySelector('#experience')!.closest('section')!.remove();
    const { fields } = draftOf(extract(doc, URLS.y2024));
    expect(fields.title).toEqual({ value: 'VP Sales', source: 'heuristic' });
    expect(fields.company).toEqual({ value: 'Lumora Pay', source: 'heuristic' });
  });

  it('2024: the notification count "(3) " is stripped when the title is the source', () => {
    const doc = load('2024-data-view-name', URLS.y2024);
    doc.querySelector('a[aria-label]')!.removeAttribute('aria-label');
    const h1 = doc.querySelector('h1')!;
    const span = doc.createElement('span');
    span.textContent = h1.textContent;
    h1.replaceWith(span);
    expect(draftOf(extract(doc, URLS.y2024)).fields.name).toEqual({ value: 'Thandiwe Okonkwo-Reyes', source: 'title' });
  });

  it('2025: stale embedded JSON of another member and of the viewer is ignored', () => {
    const doc = load('2025-obfuscated', URLS.y2025);
    doc.querySelector('#bpr-guid-3310003')!.remove();
    const { fields } = draftOf(extract(doc, URLS.y2025));
    expect(JSON.stringify(fields)).not.toMatch(/Oskar|Previousson|Stalewave|Oslo|Vera/);
    expect(fields.name).toEqual({ value: 'Kalani Brightwater', source: 'heading' });
    expect(fields.headline).toEqual({ value: 'Founder & CEO @ Tidewell Robotics', source: 'heuristic' });
    expect(fields.location).toEqual({ value: 'Honolulu, Hawaii, United States', source: 'heuristic' });
    expect(fields.photoUrl?.source).toBe('img-alt');
  });

  it('2025: without the h1 the title is trusted only when the top card corroborates it', () => {
    const doc = load('2025-obfuscated', URLS.y2025);
    doc.querySelectorAll('code, h1').forEach((e) => e.remove());
    expect(draftOf(extract(doc, URLS.y2025)).fields.name).toEqual({ value: 'Kalani Brightwater', source: 'title' });
    doc.title = '(5) Oskar Previousson | LinkedIn'; // left over from the previous profile
    expect(draftOf(extract(doc, URLS.y2025)).fields.name).toEqual({ value: 'Kalani Brightwater', source: 'img-alt' });
  });

  it('2025: a mutual connection’s face is never the photo, nor the name', () => {
    const doc = load('2025-obfuscated', URLS.y2025);
    doc.querySelector('img[alt="Kalani Brightwater"]')!.remove();
    expect(draftOf(extract(doc, URLS.y2025)).fields.photoUrl).toBeUndefined();
    doc.querySelectorAll('code, h1').forEach((e) => e.remove());
    doc.title = 'LinkedIn';
    expect(extract(doc, URLS.y2025)).toEqual({ ok: false, reason: 'no-name' });
  });

  it('the chip anchor is the link wrapping the name, so a click on the chip does not open LinkedIn’s overlay', () => {
    const doc = load('2024-data-view-name', URLS.y2024);
    const anchor = findNameAnchor(doc, URLS.y2024)!;
    expect(anchor.tagName).toBe('A');
    expect(anchor.querySelector('h1')).not.toBeNull();
    const old = load('2022-logged-in', URLS.y2022);
    expect(findNameAnchor(old, URLS.y2022)!.matches('h1.text-heading-xlarge')).toBe(true);
  });

  it('2026: an h2 inside the about-this-profile link is the name even without a corroborating title', () => {
    const doc = load('2026-sdui', URLS.y2026);
    doc.title = 'LinkedIn';
    doc.querySelector('main img')!.removeAttribute('alt');
    expect(draftOf(extract(doc, URLS.y2026)).fields.name).toEqual({ value: 'Mireille Tanaka-Osei', source: 'heading' });
  });

  it('public: og:title and profile: meta are decoded even when double-escaped', () => {
    const doc = load('public-jsonld', URLS.pub);
    doc.querySelector('script[type="application/ld+json"]')!.remove();
    let { fields } = draftOf(extract(doc, URLS.pub));
    expect(fields.name).toEqual({ value: "Siobhán O'Callaghan-Wirawan", source: 'meta' });
    expect(fields.company).toEqual({ value: 'Teh & Tarsius Ventures', source: 'heading' });
    expect(fields.title).toEqual({ value: 'Partner', source: 'heuristic' });
    expect(fields.location).toEqual({ value: 'Bandung, Jawa Barat, Indonesia', source: 'heading' });
    expect(fields.photoUrl?.source).toBe('og');

    doc.querySelectorAll('meta[property^="profile:"]').forEach((e) => e.remove());
    ({ fields } = draftOf(extract(doc, URLS.pub)));
    expect(fields.name).toEqual({ value: "Siobhán O'Callaghan-Wirawan", source: 'og' });
    expect(JSON.stringify(fields)).not.toMatch(/&amp;|&#|#39/);

    doc.querySelector('meta[property="og:title"]')!.remove();
    ({ fields } = draftOf(extract(doc, URLS.pub)));
    expect(fields.name).toEqual({ value: 'Siobhán O’Callaghan-Wirawan', source: 'heading' });
  });

  it('public: head tags of another member (stale canonical) are ignored', () => {
    const doc = load('public-jsonld', URLS.pub);
    doc.querySelector('link[rel="canonical"]')!.setAttribute('href', 'https://id.linkedin.com/in/osric-otherly-fx');
    doc.querySelector('meta[property="og:url"]')!.setAttribute('content', 'https://id.linkedin.com/in/osric-otherly-fx');
    doc.querySelectorAll('meta[property^="profile:"]').forEach((e) => e.setAttribute('content', 'Osric'));
    const ld = doc.querySelector('script[type="application/ld+json"]')!;
    ld.textContent = ld.textContent!.replaceAll('siobhan-ocallaghan-wirawan-fx', 'osric-otherly-fx');
    const { fields } = draftOf(extract(doc, URLS.pub));
    expect(fields.name).toEqual({ value: 'Siobhán O’Callaghan-Wirawan', source: 'heading' });
    expect(JSON.stringify(fields)).not.toContain('Osric');
  });

  it('public: the title is cut at " - " when it is the only source', () => {
    const doc = load('public-jsonld', URLS.pub);
    doc.querySelectorAll('script[type="application/ld+json"], meta, h1').forEach((e) => e.remove());
    expect(draftOf(extract(doc, URLS.pub)).fields.name).toEqual({
      value: "Siobhán O'Callaghan-Wirawan",
      source: 'title',
    });
  });
});

describe('hostile page text', () => {
  const { fields, slug } = draftOf(extract(load('hostile-nonascii', URLS.hostile), URLS.hostile));

  it('decodes and lower-cases the non-ASCII slug', () => {
    expect(slug).toBe('jürgen-sembiring-müller-fx6');
  });

  it('cleans the name of bidi overrides, zero-width characters, pronouns and degree', () => {
    expect(fields.name).toEqual({ value: 'Jürgen Sembiring-Müller', source: 'heading' });
  });

  it('keeps markup in text as inert text and caps the 5,000-character headline at 220', () => {
    const h = fields.headline!;
    expect(h.source).toBe('heading');
    expect(h.value.startsWith('<img src=x onerror=alert(1)> Kepala Penjualan di PT Kopi Fiktif Partnerships & channel sales')).toBe(true);
    expect(Array.from(h.value).length).toBeLessThanOrEqual(220);
    expect(h.value.endsWith('…')).toBe(true);
  });

  it('strips control and bidi characters everywhere and collapses whitespace', () => {
    expect(fields.location).toEqual({ value: 'Medan, Sumatera Utara, Indonesia', source: 'heading' });
    expect(fields.company).toEqual({ value: 'PT Kopi Fiktif Nusantara', source: 'aria' });
    expect(fields.title).toEqual({ value: 'Kepala Penjualan Regional <script>', source: 'data-view-name' });
    for (const f of Object.values(fields)) {
      expect(f!.value).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069]|\s{2}/);
    }
  });

  it('refuses a photo that is not https', () => {
    expect(fields.photoUrl).toBeUndefined();
  });

  it('caps every field', () => {
    const caps: Record<string, number> = { name: 120, headline: 220, title: 160, company: 160, location: 160, photoUrl: 2048, email: 160 };
    for (const [k, f] of Object.entries(fields)) expect(Array.from(f!.value).length).toBeLessThanOrEqual(caps[k]!);
  });
});

describe('the current company’s LinkedIn page (companySlug)', () => {
  it.each([
    ['2025-obfuscated', URLS.y2025, 'tidewell-robotics-fx'], // the experience entry's logo link
    ['2026-sdui', URLS.y2026, 'verdant-lattice-fx'], // SDUI: the current position's logo link, not the past one's
    ['public-2020', URLS.pub2020, 'gilded-finch-fx'], // the public top card's current-company link
    ['public-jsonld', URLS.pub, 'teh-tarsius-fx'], // JSON-LD worksFor.url of the current employer
  ])('%s links the company by slug', (fixture, url, companySlug) => {
    expect(draftOf(extract(load(fixture, url), url)).companySlug).toBe(companySlug);
  });

  it.each([
    ['2018-ember-fragment', URLS.y2018],
    ['2019-top-card-v2', URLS.y2019],
    ['2020-top-card-list', URLS.y2020],
    ['2022-logged-in', URLS.y2022],
    ['2024-data-view-name', URLS.y2024],
  ])('%s links companies by numeric id only (or not at all): no slug', (fixture, url) => {
    expect(draftOf(extract(load(fixture, url), url))).not.toHaveProperty('companySlug');
  });

  it('never takes the link of another company than the one the draft names (a past employer’s)', () => {
    // 2026: the current entry (Verdant Lattice) without its links; the past one (Kente Systems) keeps its.
    const doc = load('2026-sdui', URLS.y2026);
    for (const a of Array.from(doc.querySelectorAll('a[href*="/company/verdant-lattice-fx/"]'))) a.removeAttribute('href');
    const draft = draftOf(extract(doc, URLS.y2026));
    expect(draft.fields.company?.value).toBe('Verdant Lattice');
    expect(draft).not.toHaveProperty('companySlug');
  });

  it('a JSON-LD employer whose page is a past one, or whose url is not a company page, gives no slug', () => {
    const doc = load('public-jsonld', URLS.pub);
    const script = doc.querySelector('script[type="application/ld+json"]')!;
    script.textContent = script.textContent!.replace('https://id.linkedin.com/company/teh-tarsius-fx', 'https://evil.example/company/teh-tarsius-fx');
    doc.querySelector('[data-section="currentPositionsDetails"] a')!.setAttribute('href', 'https://id.linkedin.com/school/teh-tarsius-fx');
    expect(draftOf(extract(doc, URLS.pub)).companySlug ?? null).toBeNull();
  });
});
