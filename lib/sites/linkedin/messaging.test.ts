import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { clockOf, conversations, dayOf, lastMessage, messagingMentions, readConversationPartners, viewerOf } from './messaging';
import { readSalesLead } from './sales-lead';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/linkedin-messaging/', import.meta.url));

function load(file: string, url = 'https://www.linkedin.com/messaging/thread/2-ANITA000000000000000=/'): Document {
  return new JSDOM(readFileSync(FIXTURES + file, 'utf8'), { url }).window.document;
}

const partners = (doc: Document) => readConversationPartners(doc).map((p) => [p.slug ?? p.memberId, p.name, p.headline]);
// Thu 3 Dec 2026, 15:00 local time of the machine running the tests.
const NOW = new Date(2026, 11, 3, 15, 0).getTime();

describe('conversation partners', () => {
  it('2024 thread: the partner by member id with the header headline, not the viewer, not the left rail', () => {
    expect(partners(load('thread-2024.html'))).toEqual([['ACoAAAnitaWirawan24abcdefgh1', 'Anita Wirawan', 'Head of Procurement at Laut Biru Logistik']]);
  });

  it('2025 thread: the partner by slug, name from the visible copy', () => {
    expect(partners(load('thread-2025.html'))).toEqual([['budi-santoso-fx25m', 'Budi Santoso', 'Operations Director · Nusantara Cold Chain']]);
  });

  it('2026 SDUI group: one partner per participant, a sender only seen in the messages included, the viewer (by id) left out', () => {
    expect(partners(load('group-2026-sdui.html'))).toEqual([
      ['ACoAACitraMaharani26abcdefg1', 'Citra Maharani', null],
      ['ACoAAEkoPrasetyo26abcdefghi1', 'Eko Prasetyo', null],
      ['ACoAAFajarNugroho26abcdefgh1', 'Fajar Nugroho', null],
    ]);
  });

  it('overlay bubble on the feed: its partner, never the overlay list header (the viewer)', () => {
    const doc = load('overlay-feed-2024.html', 'https://www.linkedin.com/feed/');
    expect(conversations(doc)).toHaveLength(1);
    expect(partners(doc)).toEqual([['gita-permata-fx24o', 'Gita Permata', null]]);
  });

  it('never chips the viewer when they are the only one a conversation names', () => {
    const doc = load('thread-2025.html');
    doc.querySelector('[data-view-name="message-thread-header"] a')!.setAttribute('href', '/in/dewi-viewer-msg01/');
    for (const a of Array.from(doc.querySelectorAll('[data-view-name="message-list-item"] a'))) a.setAttribute('href', '/in/dewi-viewer-msg01/');
    expect(partners(doc)).toEqual([]);
  });

  it('joins a partner linked by slug in the header and by id in the messages into one, with both keys', () => {
    const doc = load('thread-2025.html');
    doc.querySelector('[data-view-name="message-list-item"] a')!.setAttribute('href', '/in/ACoAABudiSantoso25abcdefghi1');
    const [p, ...rest] = readConversationPartners(doc);
    expect(rest).toEqual([]);
    expect([p?.slug, p?.memberId]).toEqual(['budi-santoso-fx25m', 'ACoAABudiSantoso25abcdefghi1']);
  });

  it('gives the side panel each person once, as "messaging"', () => {
    expect(messagingMentions(load('group-2026-sdui.html')).map((m) => [m.memberId, m.surface])).toEqual([
      ['ACoAACitraMaharani26abcdefg1', 'messaging'],
      ['ACoAAEkoPrasetyo26abcdefghi1', 'messaging'],
      ['ACoAAFajarNugroho26abcdefgh1', 'messaging'],
    ]);
  });
});

describe('the last message', () => {
  const last = (file: string, now = NOW) => {
    const doc = load(file);
    return lastMessage(conversations(doc)[0]!, viewerOf(doc), now);
  };

  it('2024: from the partner (a continued message of their group), at the group clock time under "Today"', () => {
    expect(last('thread-2024.html')).toEqual({ direction: 'in', at: new Date(2026, 11, 3, 9, 5).getTime() });
  });

  it('2025: from the viewer, at its exact datetime', () => {
    expect(last('thread-2025.html')).toEqual({ direction: 'out', at: Date.parse('2026-12-01T09:15:00.000Z') });
  });

  it('2026 group: from the last sender, a participant', () => {
    expect(last('group-2026-sdui.html')).toEqual({ direction: 'in', at: Date.parse('2026-12-03T07:45:00.000Z') });
  });

  it('is never dated after now', () => {
    const early = new Date(2026, 11, 3, 8, 0).getTime();
    expect(last('thread-2024.html', early)?.at).toBe(early);
  });

  it('is null for a conversation without messages (a folded bubble)', () => {
    const doc = load('thread-2024.html');
    for (const li of Array.from(doc.querySelectorAll('.msg-s-message-list__event'))) li.remove();
    expect(lastMessage(conversations(doc)[0]!, viewerOf(doc), NOW)).toBeNull();
  });
});

describe('day headings and clock times', () => {
  const ymd = (d: Date | null) => d && [d.getFullYear(), d.getMonth() + 1, d.getDate()];
  it('reads the days LinkedIn writes, in English and Indonesian', () => {
    expect(ymd(dayOf('Today', NOW))).toEqual([2026, 12, 3]);
    expect(ymd(dayOf('Kemarin', NOW))).toEqual([2026, 12, 2]);
    expect(ymd(dayOf('Monday', NOW))).toEqual([2026, 11, 30]);
    expect(ymd(dayOf('Kamis', NOW))).toEqual([2026, 11, 26]);
    expect(ymd(dayOf('Nov 28', NOW))).toEqual([2026, 11, 28]);
    expect(ymd(dayOf('28 Des', NOW))).toEqual([2025, 12, 28]);
    expect(ymd(dayOf('Jan 5, 2025', NOW))).toEqual([2025, 1, 5]);
    expect(dayOf('Sent', NOW)).toBeNull();
  });
  it('reads 12- and 24-hour clocks', () => {
    expect(clockOf('10:42 AM')).toBe(10 * 60 + 42);
    expect(clockOf('12:01 AM')).toBe(1);
    expect(clockOf('9:05 PM')).toBe(21 * 60 + 5);
    expect(clockOf('14.05')).toBe(14 * 60 + 5);
    expect(clockOf('yesterday')).toBeNull();
  });
});

describe('Sales Navigator lead', () => {
  const URL = 'https://www.linkedin.com/sales/lead/ACwAAHanaKusumaLead25abcdefg1,NAME_SEARCH,x1Yz';
  it('names the lead by the URL member id and the public slug, never a colleague or the viewer', () => {
    const lead = readSalesLead(load('sales-lead-2025.html', URL), URL);
    expect(lead && [lead.memberId, lead.slug, lead.name, lead.headline, lead.anchor.tagName]).toEqual([
      'ACwAAHanaKusumaLead25abcdefg1',
      'hana-kusuma-fx25s',
      'Hana Kusuma',
      'VP Supply Chain at Merapi Foods',
      'H1',
    ]);
  });
  it('has no slug where the page shows no public profile link, and no lead off a lead page', () => {
    const doc = load('sales-lead-2025.html', URL);
    doc.querySelector('[role="menu"]')!.remove();
    expect(readSalesLead(doc, URL)?.slug).toBeNull();
    expect(readSalesLead(doc, 'https://www.linkedin.com/sales/search/people')).toBeNull();
  });
});
