import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  conversationMeta,
  conversationParticipants,
  listRows,
  mailboxOwner,
  mailboxOwnerName,
  readingPane,
  selfAddresses,
  type Participant,
} from './extract';
import { outlookView } from './url';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/outlook/', import.meta.url));


/** The URL each fixture is served at (also in test/fixtures/outlook/README.md). */
const URLS = {
  'reading-pane-2024': 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAJ2BFakeFx24%3D',
  'conversation-cc': 'https://outlook.office365.com/mail/inbox/id/AAQkAGI2TconvFx25%3D',
  'message-list': 'https://outlook.office.com/mail/inbox',
  'live-consumer': 'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATNiZmYconv1%3D',
  hostile: 'https://outlook.office.com/mail/deeplink/read/AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiFakeHostile%3D?ItemID=x&exvsurl=1',
  'address-only-de': 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAJ2BFakeDeAddr%3D',
} as const;
type Fixture = keyof typeof URLS;

function load(fixture: Fixture, url: string = URLS[fixture]): Document {
  return new JSDOM(readFileSync(FIXTURES + fixture + '.html', 'utf8'), { url }).window.document;
}

const plain = (ps: Participant[]) => ps.map(({ email, name, role }) => ({ email, name, role }));

describe('fixture URLs', () => {
  it('are the views the fixtures show', () => {
    expect(outlookView(URLS['reading-pane-2024'])).toEqual({
      kind: 'conversation',
      folder: 'inbox',
      id: 'AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAJ2BFakeFx24=',
    });
    expect(outlookView(URLS['conversation-cc'])?.kind).toBe('conversation');
    expect(outlookView(URLS['live-consumer'])?.kind).toBe('conversation');
    expect(outlookView(URLS.hostile)).toMatchObject({ kind: 'conversation', folder: 'deeplink' });
    expect(outlookView(URLS['message-list'])).toEqual({ kind: 'list', folder: 'inbox' });
  });
});

describe('mailboxOwner / mailboxOwnerName', () => {
  it.each([
    ['reading-pane-2024', 'dewi.lestari@kopinusantara.example', 'Dewi Lestari'], // folder pane root
    ['conversation-cc', 'rahmat.hidayat@mitrasolusi.example', 'Rahmat Hidayat'], // account manager flyout
    ['message-list', 'dewi.lestari@kopinusantara.example', 'Dewi Lestari'],
    ['live-consumer', null, 'Rina Kartika'], // consumer: no address on the page, Indonesian label
    ['hostile', 'dewi.lestari@kopinusantara.example', 'Dewi Lestari'], // trigger label with the address
  ] as [Fixture, string | null, string][])('%s → %s, %s', (fixture, owner, name) => {
    const doc = load(fixture);
    expect(mailboxOwner(doc)).toBe(owner);
    expect(mailboxOwnerName(doc)).toBe(name);
  });

  it('falls back to the title for the name, and reads an address there', () => {
    const doc = load('live-consumer');
    doc.querySelector('#meInitialsButton')!.remove();
    expect(mailboxOwnerName(doc)).toBe('Rina Kartika');
    doc.title = 'Mail - rina.kartika.fx@outlook.example - Outlook';
    expect(mailboxOwner(doc)).toBe('rina.kartika.fx@outlook.example');
    expect(mailboxOwnerName(doc)).toBeNull();
  });

  it('a shared mailbox in the URL is one of the rep’s own addresses', () => {
    const doc = load('message-list', 'https://outlook.office.com/mail/sales@kopinusantara.example/inbox');
    expect(selfAddresses(doc, null)).toEqual(new Set(['dewi.lestari@kopinusantara.example', 'sales@kopinusantara.example']));
  });
});

describe('conversationParticipants', () => {
  it('2024 reading pane: the sender from "Name <addr>", the recipient from its address tooltip', () => {
    const doc = load('reading-pane-2024');
    expect(plain(conversationParticipants(doc, mailboxOwner(doc)))).toEqual([
      { email: 'anita.wirawan@lautbiru-logistik.example', name: 'Anita Wirawan', role: 'from' },
      { email: 'budi.hartono@lautbiru-logistik.example', name: 'Budi Hartono', role: 'to' },
    ]);
  });

  it('2024 reading pane: ignores the list, search suggestions, inline reply, persona card, body and quote', () => {
    const doc = load('reading-pane-2024');
    const emails = conversationParticipants(doc, mailboxOwner(doc)).map((p) => p.email);
    for (const e of [
      'hendra.gunawan@sawitmaju.example',
      'yusuf.maulana@bengkelcerdas.example',
      'anita.cc@lautbiru-logistik.example',
      'sari.kusuma@tokoteh.example',
      'rizal.pratama@dinginsegar.example',
      'procurement@lautbiru-logistik.example',
      'dewi.lestari@kopinusantara.example',
    ])
      expect(emails).not.toContain(e);
  });

  it('2024 reading pane: anchors are the persona elements inside the reading pane', () => {
    const doc = load('reading-pane-2024');
    const pane = readingPane(doc)!;
    expect(pane.id).toBe('ReadingPaneContainerId');
    const [anita, budi] = conversationParticipants(doc, mailboxOwner(doc));
    expect(anita!.anchor.getAttribute('data-lpc-hover-target-id')).toBe('ReadingPaneSender-7f3a');
    expect(budi!.anchor.getAttribute('data-lpc-hover-target-id')).toBe('Recipient-2');
    expect(pane.contains(anita!.anchor) && pane.contains(budi!.anchor)).toBe(true);
  });

  it('conversation: collapsed sender, To/Cc/Bcc from labels, tooltips and "Name <addr>" labels; owner excluded', () => {
    const doc = load('conversation-cc');
    const ps = conversationParticipants(doc, mailboxOwner(doc));
    expect(plain(ps)).toEqual([
      { email: 'citra.dewanti@apotek-sehat.example', name: 'Citra Dewanti', role: 'from' },
      { email: 'joko.susilo@apotek-sehat.example', name: 'Joko Susilo', role: 'to' },
      { email: 'maya.anggraini@apotek-sehat.example', name: 'Maya Anggraini', role: 'cc' },
      { email: 'eko.prasetyo@mitra-it.example', name: 'Eko Prasetyo', role: 'cc' },
      { email: 'fajar.nugroho@rh-konsultan.example', name: 'Fajar Nugroho', role: 'bcc' },
    ]);
    // An address read from a region's label is anchored on the persona showing that name.
    expect(ps[1]!.anchor.getAttribute('data-lpc-hover-target-id')).toBe('R-2-2');
    expect(ps[4]!.anchor.getAttribute('data-lpc-hover-target-id')).toBe('R-3-4');
    expect(ps.map((p) => p.email)).not.toContain('lina.marlina@apotek-sehat.example'); // quoted in the body
  });

  it('consumer, Indonesian, owner address unknown: the owner is recognised by name and excluded', () => {
    const doc = load('live-consumer');
    expect(plain(conversationParticipants(doc, mailboxOwner(doc)))).toEqual([
      { email: 'bagus.saputra@kedaikopi.example', name: 'Bagus Saputra', role: 'from' },
      { email: 'wulan.pratiwi@kedaikopi.example', name: 'Wulan Pratiwi', role: 'cc' },
    ]);
  });

  it('a person shown by name only is not recognised', () => {
    const doc = load('conversation-cc');
    doc.querySelectorAll('[aria-label^="To: Rahmat"]')[0]!.setAttribute('aria-label', 'To: Rahmat Hidayat; Joko Susilo');
    doc.querySelector('[data-lpc-hover-target-id="R-3-2"]')!.removeAttribute('title');
    expect(conversationParticipants(doc, mailboxOwner(doc)).map((p) => p.email)).not.toContain('joko.susilo@apotek-sehat.example');
  });

  it('a tooltip that repeats the text counts only inside a labelled header', () => {
    const doc = load('reading-pane-2024');
    const budi = doc.querySelector('[data-lpc-hover-target-id="Recipient-2"]')!;
    budi.textContent = 'budi.hartono@lautbiru-logistik.example';
    expect(conversationParticipants(doc, null).map((p) => p.email)).toContain('budi.hartono@lautbiru-logistik.example');
    // Outside any labelled region (a subject-like span in the header), the same markup is ignored.
    const stray = doc.createElement('span');
    stray.setAttribute('title', 'ceo@bank.example');
    stray.textContent = 'ceo@bank.example';
    doc.querySelector('[data-testid="SentReceivedSavedTime"]')!.before(stray);
    doc.querySelector('.lDdSm')!.remove(); // no visible label before it either
    doc.querySelector('[aria-label^="To:"]')!.removeAttribute('aria-label');
    expect(conversationParticipants(doc, null).map((p) => p.email)).not.toContain('ceo@bank.example');
  });

  it('a message container labelled with an address is not a person: its body is never read', () => {
    const doc = load('reading-pane-2024');
    const msg = doc.querySelector('[aria-label="Email message"]')!;
    msg.setAttribute('aria-label', 'Message from Anita Wirawan <anita.wirawan@lautbiru-logistik.example>');
    msg.querySelector('[role="document"]')!.insertAdjacentHTML('beforeend', '<p>Reply to &lt;ceo@bank.example&gt;</p>');
    expect(plain(conversationParticipants(doc, null))).toEqual([
      { email: 'anita.wirawan@lautbiru-logistik.example', name: 'Anita Wirawan', role: 'from' },
      { email: 'budi.hartono@lautbiru-logistik.example', name: 'Budi Hartono', role: 'to' },
    ]);
  });

  it('is empty when no message is open and outside the reading pane', () => {
    expect(conversationParticipants(load('message-list'), null)).toEqual([]);
  });

  it('is pure: the document is unchanged', () => {
    const doc = load('conversation-cc');
    const before = doc.documentElement.outerHTML;
    conversationParticipants(doc, null);
    conversationMeta(doc);
    listRows(doc, null);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('conversationMeta', () => {
  it('2024 reading pane (en-US, month first)', () => {
    expect(conversationMeta(load('reading-pane-2024'))).toEqual({
      subject: 'Q3 cold-chain proposal',
      messages: [{ from: 'anita.wirawan@lautbiru-logistik.example', date: '2024-03-05T10:12:00', direction: 'in' }],
    });
  });

  it('conversation (en-GB, day first): the owner’s name-only message is out, from the owner', () => {
    expect(conversationMeta(load('conversation-cc'))).toEqual({
      subject: 'Re: Pilot rollout for 12 outlets',
      messages: [
        { from: 'citra.dewanti@apotek-sehat.example', date: '2024-03-01T08:30:00', direction: 'in' },
        { from: 'citra.dewanti@apotek-sehat.example', date: '2024-03-04T11:05:00', direction: 'in' },
        { from: 'rahmat.hidayat@mitrasolusi.example', date: '2024-03-06T16:05:00', direction: 'out' },
      ],
    });
  });

  it('consumer (id-ID): dotted times; the owner’s message is out', () => {
    expect(conversationMeta(load('live-consumer'))).toEqual({
      subject: 'Pemesanan biji kopi Gayo',
      messages: [
        { from: 'bagus.saputra@kedaikopi.example', date: '2024-03-05T10:12:00', direction: 'in' },
        { from: 'rina.kartika.fx@outlook.example', date: '2024-03-06T08:45:00', direction: 'out' },
      ],
    });
  });

  it('no message open: no subject, no messages', () => {
    expect(conversationMeta(load('message-list'))).toEqual({ subject: null, messages: [] });
  });
});

describe('listRows', () => {
  it('external senders from their address tooltips; owner, address-only and subject tooltips left out', () => {
    const doc = load('message-list');
    const rows = listRows(doc, mailboxOwner(doc));
    expect(rows.map(({ email, name, row }) => [email, name, row.id])).toEqual([
      ['anita.wirawan@lautbiru-logistik.example', 'Anita Wirawan', 'row-1'],
      ['hendra.gunawan@sawitmaju.example', 'Hendra Gunawan', 'row-2'],
      ['sari.kusuma@tokoteh.example', 'Sari Kusuma', 'row-2'],
      ['yusuf.maulana@bengkelcerdas.example', 'Yusuf Maulana', 'row-5'],
      // Display name "ceo@bank.example": the tooltip's real address, no name.
      ['attacker@evil.example', null, 'row-6'],
    ]);
    for (const r of rows) expect(r.row.contains(r.anchor)).toBe(true);
  });

  it('never reads the search suggestions, also without the MessageList section attribute', () => {
    const doc = load('message-list');
    doc.querySelector('[data-app-section="MessageList"]')!.removeAttribute('data-app-section');
    const emails = listRows(doc, null).map((r) => r.email);
    expect(emails).not.toContain('old.contact@kedaikopi.example');
    expect(emails).toContain('anita.wirawan@lautbiru-logistik.example');
  });

  it('consumer: rows beside an open conversation', () => {
    const doc = load('live-consumer');
    expect(listRows(doc, mailboxOwner(doc)).map((r) => r.email)).toEqual(['bagus.saputra@kedaikopi.example']);
  });
});

describe('hostile page text', () => {
  const doc = load('hostile');
  const ps = conversationParticipants(doc, mailboxOwner(doc));

  it('takes the real (last bracketed) address, never the one in a display name or the body', () => {
    expect(plain(ps)).toEqual([
      { email: 'attacker@evil.example', name: null, role: 'from' },
      { email: 'attacker2@evil.example', name: 'Boss', role: 'to' },
      { email: 'lina.marlina@apotek-sehat.example', name: 'Lina Marlina', role: 'to' },
      // The label's quoted display name hides a separator and an address; neither counts.
      { email: 'attacker3@evil.example', name: 'X; Y', role: 'cc' },
    ]);
    expect(ps.map((p) => p.email)).not.toContain('ceo@bank.example');
  });

  it('a person shown by name only (Teguh) is left out; names carry no markup or bidi characters', () => {
    expect(ps.some((p) => p.name === 'Teguh')).toBe(false);
    for (const p of ps) expect(p.name ?? '').not.toMatch(/[<>\u202a-\u202e]/);
  });

  it('deeplink window: the main landmark is the reading pane; subject and date are plain text', () => {
    expect(readingPane(doc)!.getAttribute('role')).toBe('main');
    expect(conversationMeta(doc)).toEqual({
      subject: 'Urgent: <img src=x onerror=alert(1)> wire today',
      messages: [{ from: 'attacker@evil.example', date: '2024-03-05T22:12:00', direction: 'in' }],
    });
  });
});

describe('a header showing the sender only as an address in its localised label', () => {
  it('"Von: addr" with no persona, name or time: the sender is recognised (the owner is not)', () => {
    const doc = load('address-only-de');
    expect(plain(conversationParticipants(doc, null))).toEqual([{ email: 'lena.hoffmann@nordwerk-kaffee.example', name: null, role: 'from' }]);
    expect(conversationMeta(doc).messages).toEqual([{ from: 'lena.hoffmann@nordwerk-kaffee.example', date: null, direction: 'in' }]);
  });
  it('a label with more than one bare address, or a name beside it, still needs brackets', () => {
    const doc = load('address-only-de');
    const from = doc.querySelector('[aria-label^="Von:"]')!;
    from.setAttribute('aria-label', 'Von: ceo@bank.example attacker@evil.example');
    expect(conversationParticipants(doc, null)).toEqual([]);
    from.setAttribute('aria-label', 'Von: Lena Hoffmann');
    expect(conversationParticipants(doc, null)).toEqual([]);
  });
});
