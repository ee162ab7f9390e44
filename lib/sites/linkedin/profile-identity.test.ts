// Profiles that used to defeat extraction (2026 SDUI without contact info, public profiles whose name is
// inside the page's button or that have no headline), and the member id a profile shows beside its slug.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { ExtractResult, ProspectDraft } from '../../model/draft';
import { extract } from './extract';
import { findNameAnchor } from './anchor';
import { TOP_CARD_READY } from './selectors';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/linkedin/', import.meta.url));
const load = (fixture: string, url: string): Document => new JSDOM(readFileSync(FIXTURES + fixture + '.html', 'utf8'), { url }).window.document;

function draftOf(r: ExtractResult): ProspectDraft {
  if (!r.ok) throw new Error(`extraction failed: ${r.reason} ${r.detail ?? ''}`);
  return r.draft;
}
const values = (d: ProspectDraft) => Object.fromEntries(Object.entries(d.fields).map(([k, f]) => [k, f!.value]));

const OSKAR = 'https://www.linkedin.com/in/oskar-lindqvist-mensah-fx26b/';
const OSKAR_ID = 'ACoAAFx26bOskarLindqvistMensah0000001';
const WULAN = 'https://id.linkedin.com/in/wulan-kartikasari-fx25p';

describe('2026 SDUI profile without a contact-info link', () => {
  it('reads the name from the Topcard h2 (not the nav h1), the bare lines, and the member id', () => {
    const doc = load('2026-sdui-no-contact', OSKAR);
    const d = draftOf(extract(doc, OSKAR));
    expect(d.slug).toBe('oskar-lindqvist-mensah-fx26b');
    expect(d.memberId).toBe(OSKAR_ID);
    expect(d.linkedinUrl).toBe(OSKAR);
    expect(values(d)).toEqual({
      name: 'Oskar Lindqvist-Mensah',
      headline: 'Senior Buyer, Nordic Markets',
      company: 'Fjordline Freight AS',
      location: 'Bergen, Vestland, Norway',
    });
    expect(d.fields.name!.source).toBe('heading');
  });

  it('mounts by the name heading, never in the nav, and the observer has something to wait for', () => {
    const doc = load('2026-sdui-no-contact', OSKAR);
    expect(doc.querySelector(TOP_CARD_READY)).not.toBeNull();
    const anchor = findNameAnchor(doc, OSKAR);
    expect(anchor?.tagName).toBe('H2');
    expect(anchor?.textContent).toBe('Oskar Lindqvist-Mensah');
  });

  it('opened by member id (/in/ACoA…) the id is the key and there is no slug to invent', () => {
    const url = `https://www.linkedin.com/in/${OSKAR_ID}/`;
    const d = draftOf(extract(load('2026-sdui-no-contact', url), url));
    expect(d.slug).toBeNull();
    expect(d.memberId).toBe(OSKAR_ID);
    expect(d.linkedinUrl).toBe(url);
    expect(d.fields.name?.value).toBe('Oskar Lindqvist-Mensah');
  });

  it('the card’s own key wins over a link naming someone else; links alone count only when they agree', () => {
    const doc = load('2026-sdui-no-contact', OSKAR);
    const message = doc.querySelector('a[href*="recipient="]')!;
    message.setAttribute('href', '/messaging/compose/?recipient=ACoAAFx26bSomeoneElseEntirely00000002');
    expect(draftOf(extract(doc, OSKAR)).memberId).toBe(OSKAR_ID);
    doc.querySelector('section')!.setAttribute('componentkey', 'com.linkedin.sdui.profile.card.Topcard');
    message.setAttribute('href', `/messaging/compose/?recipient=${OSKAR_ID}`);
    expect(draftOf(extract(doc, OSKAR)).memberId).toBe(OSKAR_ID);
    message.insertAdjacentHTML('afterend', '<a href="/search/results/people/?connectionOf=%5B%22ACoAAFx26bYetAnotherPerson000000003%22%5D">1 mutual</a>');
    expect(draftOf(extract(doc, OSKAR)).memberId ?? null).toBeNull();
  });
});

describe('2024–25 public profile', () => {
  it('with the name inside the page’s button: the chip goes after the button, not inside it', () => {
    const doc = load('public-2025-signin-button', WULAN);
    const anchor = findNameAnchor(doc, WULAN);
    expect(anchor?.tagName).toBe('BUTTON');
    expect(anchor?.closest('button, a')).toBe(anchor);
  });

  it('without a headline element leaves the headline empty (not the location or "Contact Info")', () => {
    const d = draftOf(extract(load('public-2025-signin-button', WULAN), WULAN));
    expect(values(d)).toEqual({ name: 'Wulan Kartikasari', location: 'Surabaya, East Java, Indonesia' });
  });
});

describe('member id beside the slug on older vintages', () => {
  it('is null where the page shows none', () => {
    for (const [fixture, url] of [
      ['2026-sdui', 'https://www.linkedin.com/in/mireille-tanaka-osei-fx26/'],
      ['public-jsonld', 'https://id.linkedin.com/in/siobhan-ocallaghan-wirawan-fx'],
    ] as const) {
      expect(draftOf(extract(load(fixture, url), url)).memberId ?? null).toBeNull();
    }
  });
});
