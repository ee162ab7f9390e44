import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  conversationMeta,
  conversationParticipants,
  conversationRoot,
  listRows,
  mailboxOwner,
  selfAddresses,
  type Participant,
} from './extract';
import { gmailView } from './url';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/gmail/', import.meta.url));


/** The URL each fixture is served at (also in test/fixtures/gmail/README.md). */
const URLS = {
  'thread-2024': 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWbdTqLmNpRsVwXyZbCdFgHk',
  'thread-cc-sent': 'https://mail.google.com/mail/u/1/#label/Clients%2FJakarta/FMfcgzQXKcVnMbLpJhGfDsAqWeRtYuIo',
  'inbox-list': 'https://mail.google.com/mail/u/0/#inbox',
  'thread-2019': 'https://mail.google.com/mail/u/0/#search/invoice/1695a2b3c4d5e6f7',
  hostile: 'https://mail.google.com/mail/u/0/?tab=rm&ogbl#inbox/FMfcgzQXLmNbVcXzAsDfGhJkLqWeRtYu',
} as const;
type Fixture = keyof typeof URLS;

function load(fixture: Fixture): Document {
  return new JSDOM(readFileSync(FIXTURES + fixture + '.html', 'utf8'), { url: URLS[fixture] }).window.document;
}

/** Participants without anchors, for exact comparison. */
const plain = (ps: Participant[]) => ps.map(({ email, name, role }) => ({ email, name, role }));

describe('fixture URLs', () => {
  it('are the views the fixtures show', () => {
    expect(gmailView(URLS['thread-2024'])).toEqual({ kind: 'conversation', folder: 'inbox', id: 'FMfcgzQXJWbdTqLmNpRsVwXyZbCdFgHk' });
    expect(gmailView(URLS['thread-cc-sent'])?.kind).toBe('conversation');
    expect(gmailView(URLS['thread-2019'])?.kind).toBe('conversation');
    expect(gmailView(URLS.hostile)?.kind).toBe('conversation');
    expect(gmailView(URLS['inbox-list'])).toEqual({ kind: 'list', folder: 'inbox' });
  });
});

describe('mailboxOwner', () => {
  it.each([
    ['thread-2024', 'dewi.lestari@kopinusantara.example'],
    ['thread-cc-sent', 'rahmat.hidayat.fx@example.com'],
    ['inbox-list', 'dewi.lestari@kopinusantara.example'],
    ['thread-2019', 'teguh.santoso.fx@example.com'],
    ['hostile', 'dewi.lestari@kopinusantara.example'],
  ] as [Fixture, string][])('%s → %s', (fixture, owner) => {
    expect(mailboxOwner(load(fixture))).toBe(owner);
  });

  it('reads the account button when the title has no address (still loading: "Gmail")', () => {
    const doc = load('thread-2024');
    doc.title = 'Gmail';
    expect(mailboxOwner(doc)).toBe('dewi.lestari@kopinusantara.example');
  });

  it('reads the 2014–19 title attribute and the localised label', () => {
    const doc = load('thread-2019');
    doc.title = 'Gmail';
    expect(mailboxOwner(doc)).toBe('teguh.santoso.fx@example.com');
    const id = load('hostile');
    id.title = 'Gmail';
    expect(mailboxOwner(id)).toBe('dewi.lestari@kopinusantara.example');
  });

  it('reads the title when the account button is missing', () => {
    const doc = load('thread-2024');
    doc.querySelector('#gb')!.remove();
    expect(mailboxOwner(doc)).toBe('dewi.lestari@kopinusantara.example');
  });

  it('takes only the segment before the product name: a subject cannot plant an owner', () => {
    // hostile.html's subject is 'Penawaran "urgent" - ceo@bank.example - Gmail'.
    expect(mailboxOwner(load('hostile'))).not.toBe('ceo@bank.example');
  });

  it('is null when neither the title nor the account button names an address', () => {
    const doc = load('thread-2024');
    doc.title = 'Gmail';
    doc.querySelector('#gb')!.remove();
    expect(mailboxOwner(doc)).toBeNull();
  });
});

describe('conversationParticipants', () => {
  it('2024 thread: the external sender and recipient only', () => {
    const doc = load('thread-2024');
    const ps = conversationParticipants(doc, mailboxOwner(doc));
    expect(plain(ps)).toEqual([
      { email: 'anita.wirawan@lautbiru-logistik.example', name: 'Anita Wirawan', role: 'from' },
      { email: 'budi.hartono@lautbiru-logistik.example', name: 'Budi Hartono', role: 'to' },
    ]);
  });

  it('2024 thread: ignores the list behind, Chat, side panel, hovercard, compose, quoted text and mailto links', () => {
    const doc = load('thread-2024');
    const emails = conversationParticipants(doc, mailboxOwner(doc)).map((p) => p.email);
    for (const e of [
      'hendra.gunawan@sawitmaju.example', // list row behind the thread, Chat roster
      'rina.kartika@kopinusantara.example', // Chat roster
      'sari.kusuma@tokoteh.example', // side panel
      'anita.wirawan.personal@example.net', // hovercard
      'yusuf.maulana@bengkelcerdas.example', // compose window
      'rizal.pratama@dinginsegar.example', // quoted text
      'procurement@lautbiru-logistik.example', // mailto in the body
      'dewi.lestari@kopinusantara.example', // owner
    ])
      expect(emails).not.toContain(e);
  });

  it('2024 thread: anchors are the first visible sender/recipient spans inside the conversation', () => {
    const doc = load('thread-2024');
    const root = conversationRoot(doc)!;
    const [anita, budi] = conversationParticipants(doc, mailboxOwner(doc));
    expect(root.contains(anita!.anchor) && root.contains(budi!.anchor)).toBe(true);
    // Anita's first appearance is the collapsed first message's sender, not the avatar image.
    expect(anita!.anchor.matches('.kv span.gD')).toBe(true);
    expect(budi!.anchor.matches('.hb span.g2')).toBe(true);
  });

  it('without the owner passed in, the title and account button still exclude the owner', () => {
    const doc = load('thread-2024');
    expect(conversationParticipants(doc, null).map((p) => p.email)).not.toContain('dewi.lestari@kopinusantara.example');
  });

  it('several participants: roles from the recipient line and details, owner and "me" alias excluded, deduped', () => {
    const doc = load('thread-cc-sent');
    expect(plain(conversationParticipants(doc, mailboxOwner(doc)))).toEqual([
      { email: 'citra.dewanti@apotek-sehat.example', name: 'Citra Dewanti', role: 'from' },
      { email: 'joko.susilo@apotek-sehat.example', name: 'Joko Susilo', role: 'to' },
      { email: 'maya.anggraini@apotek-sehat.example', name: 'Maya Anggraini', role: 'cc' },
      { email: 'eko.prasetyo@mitra-it.example', name: 'Eko Prasetyo', role: 'cc' },
      { email: 'fajar.nugroho@rh-konsultan.example', name: 'Fajar Nugroho', role: 'bcc' },
    ]);
  });

  it('several participants: the alias Gmail labels "me" is the owner’s', () => {
    const doc = load('thread-cc-sent');
    expect(selfAddresses(doc, mailboxOwner(doc))).toEqual(new Set(['rahmat.hidayat.fx@example.com', 'rahmat@rh-konsultan.example']));
  });

  it('several participants: the cached hidden conversation and the inline reply are ignored', () => {
    const doc = load('thread-cc-sent');
    const emails = conversationParticipants(doc, mailboxOwner(doc)).map((p) => p.email);
    expect(emails).not.toContain('old.contact@kedaikopi.example');
    expect(emails).not.toContain('lina.marlina@apotek-sehat.example');
  });

  it('several participants: no anchor is inside the closed details popup', () => {
    const doc = load('thread-cc-sent');
    for (const p of conversationParticipants(doc, mailboxOwner(doc))) expect(p.anchor.closest('.ajC')).toBeNull();
  });

  it('a recipient only in the details popup is anchored on the recipients line', () => {
    const doc = load('thread-cc-sent');
    const cc = doc.querySelectorAll('.ajC tr')[2]!.querySelector('.gL .gI')!;
    cc.insertAdjacentHTML(
      'beforeend',
      ', <span class="g2" email="wati.susanti@apotek-sehat.example" name="Wati Susanti">Wati Susanti</span>',
    );
    const wati = conversationParticipants(doc, null).find((p) => p.email === 'wati.susanti@apotek-sehat.example')!;
    expect(wati.role).toBe('cc');
    expect(wati.anchor.matches('.ajw')).toBe(true);
  });

  it('2018–20 markup: no hovercard ids, recipients without name attributes', () => {
    const doc = load('thread-2019');
    expect(plain(conversationParticipants(doc, mailboxOwner(doc)))).toEqual([
      { email: 'farhan.akbar@percetakan-pelangi.example', name: 'Farhan Akbar', role: 'from' },
      { email: 'gita.purnama@percetakan-pelangi.example', name: 'Gita Purnama', role: 'cc' },
    ]);
  });

  it('is empty in a list view and while no conversation has rendered', () => {
    expect(conversationParticipants(load('inbox-list'), 'dewi.lestari@kopinusantara.example')).toEqual([]);
    const doc = load('thread-2024');
    doc.querySelector('h2.hP')!.remove();
    expect(conversationParticipants(doc, null)).toEqual([]);
  });

  it('is pure: the document is unchanged', () => {
    const doc = load('thread-cc-sent');
    const before = doc.documentElement.outerHTML;
    conversationParticipants(doc, null);
    conversationMeta(doc);
    listRows(doc, null);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('conversationMeta', () => {
  it('2024 thread: subject, senders, ISO dates, direction', () => {
    expect(conversationMeta(load('thread-2024'))).toEqual({
      subject: 'Q3 cold-chain proposal',
      messages: [
        { from: 'anita.wirawan@lautbiru-logistik.example', date: '2024-03-04T09:02:00', direction: 'in' },
        { from: 'dewi.lestari@kopinusantara.example', date: '2024-03-04T13:47:00', direction: 'out' },
        { from: 'anita.wirawan@lautbiru-logistik.example', date: '2024-03-05T10:12:00', direction: 'in' },
      ],
    });
  });

  it('several participants: the owner’s reply is out (narrow no-break space before PM)', () => {
    expect(conversationMeta(load('thread-cc-sent'))).toEqual({
      subject: 'Re: Pilot rollout for 12 outlets',
      messages: [
        { from: 'citra.dewanti@apotek-sehat.example', date: '2024-03-01T08:30:00', direction: 'in' },
        { from: 'citra.dewanti@apotek-sehat.example', date: '2024-03-04T11:05:00', direction: 'in' },
        { from: 'rahmat.hidayat.fx@example.com', date: '2024-03-06T16:05:00', direction: 'out' },
      ],
    });
  });

  it('2018–20: "… at 9:15 AM" dates; the owner shown as "me" is out', () => {
    expect(conversationMeta(load('thread-2019'))).toEqual({
      subject: 'Invoice 2019-044 for brochure printing',
      messages: [
        { from: 'teguh.santoso.fx@example.com', date: '2019-03-01T16:40:00', direction: 'out' },
        { from: 'farhan.akbar@percetakan-pelangi.example', date: '2019-03-04T09:15:00', direction: 'in' },
      ],
    });
  });

  it('is empty in a list view', () => {
    expect(conversationMeta(load('inbox-list'))).toEqual({ subject: null, messages: [] });
  });
});

describe('listRows', () => {
  it('inbox: external senders per row, the owner and their alias ("me") left out, one entry per row and address', () => {
    const doc = load('inbox-list');
    const rows = listRows(doc, mailboxOwner(doc));
    expect(rows.map(({ email, name, row }) => [email, name, row.id])).toEqual([
      ['anita.wirawan@lautbiru-logistik.example', 'Anita Wirawan', ':3a'],
      ['hendra.gunawan@sawitmaju.example', 'Hendra Gunawan', ':3b'],
      ['sari.kusuma@tokoteh.example', 'Sari Kusuma', ':3d'],
      ['yusuf.maulana@bengkelcerdas.example', 'Yusuf Maulana', ':3d'],
      ['budi.hartono@lautbiru-logistik.example', 'Budi Hartono', ':3e'],
    ]);
    for (const r of rows) {
      expect(r.row.contains(r.anchor)).toBe(true);
      expect(r.anchor.closest('.yW')).not.toBeNull();
    }
  });

  it('ignores the snippet, Chat, and the hidden cached Sent list', () => {
    const doc = load('inbox-list');
    const emails = listRows(doc, null).map((r) => r.email);
    expect(emails).not.toContain('not-a-sender@lautbiru-logistik.example');
    expect(emails).not.toContain('rina.kartika@kopinusantara.example');
    expect(emails).not.toContain('joko.susilo@apotek-sehat.example');
  });

  it('Sent: the recipient shown as "To: …" is the row’s correspondent', () => {
    const doc = load('inbox-list');
    const lists = doc.querySelectorAll('.ae4');
    lists[0]!.setAttribute('style', 'display: none');
    lists[1]!.removeAttribute('style');
    expect(listRows(doc, null).map((r) => r.email)).toEqual(['joko.susilo@apotek-sehat.example']);
  });

  it('a conversation view has no visible list rows', () => {
    expect(listRows(load('thread-2024'), null)).toEqual([]);
  });
});

describe('hostile page text', () => {
  const doc = load('hostile');
  const ps = conversationParticipants(doc, mailboxOwner(doc));

  it('yields exactly the valid external addresses, names cleaned', () => {
    expect(plain(ps)).toEqual([
      // The display name is another address: the real address wins and the name is dropped.
      { email: 'attacker@evil.example', name: null, role: 'from' },
      { email: 'rudi.hakim@tokobesi.example', name: 'Rudi Hakim', role: 'to' },
      { email: 'lina.marlina@apotek-sehat.example', name: 'Lina Marlina', role: 'to' },
      { email: 'yusuf.maulana@bengkelcerdas.example', name: 'Yusuf Maulana', role: 'to' },
      { email: 'teguh@kedaikopi.example', name: null, role: 'to' },
      { email: 'panjang@kedaikopi.example', name: expect.stringMatching(/^Adiwangsa( Adiwangsa)+…$/), role: 'to' },
      { email: 'comments-noreply@sheets.example', name: 'Sari Kusuma', role: 'cc' },
    ]);
  });

  it('never returns the address a display name or the body claims', () => {
    expect(ps.map((p) => p.email)).not.toContain('ceo@bank.example');
  });

  it('caps names at 120 code points and leaves no markup or bidi characters', () => {
    for (const p of ps) {
      expect(Array.from(p.name ?? '').length).toBeLessThanOrEqual(120);
      expect(p.name ?? '').not.toMatch(/[<>\u202a-\u202e\u200b]/);
    }
  });

  it('the owner labelled "saya" is excluded; the subject is plain text without bidi overrides', () => {
    expect(ps.map((p) => p.email)).not.toContain('dewi.lestari@kopinusantara.example');
    const meta = conversationMeta(doc);
    expect(meta.subject).toBe('Penawaran "urgent" <img src=x onerror=alert(1)>');
    expect(meta.messages).toEqual([{ from: 'attacker@evil.example', date: '2024-03-05T10:12:00', direction: 'in' }]);
  });
});
