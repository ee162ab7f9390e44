import { describe, expect, it } from 'vitest';
import { participantDraft, primaryParticipant, touchForMessage } from './draft';
import type { ConversationMeta } from './types';

const ani = { email: 'ani@kopi.example', name: 'Ani Suryani' };
const joko = { email: 'joko@kopi.example', name: null };

describe('participantDraft', () => {
  it('names a person by their address when the page shows no name', () => {
    expect(participantDraft('gmail', joko).fields).toEqual({
      name: { value: 'joko@kopi.example', source: 'mail-header' },
      email: { value: 'joko@kopi.example', source: 'mail-header' },
    });
    expect(participantDraft('outlook', ani)).toMatchObject({ site: 'outlook', slug: null, linkedinUrl: null });
  });
});

describe('primaryParticipant', () => {
  const meta = (froms: Array<string | null>): ConversationMeta => ({
    subject: 'Penawaran',
    messages: froms.map((from) => ({ from, date: null, direction: from ? 'in' : 'out' })),
  });
  it('is the latest external sender', () => {
    expect(primaryParticipant([ani, joko], meta(['ani@kopi.example', 'joko@kopi.example', null]))).toBe(joko);
  });
  it('falls back to the first participant', () => {
    expect(primaryParticipant([ani, joko], meta([null]))).toBe(ani);
    expect(primaryParticipant([], meta([]))).toBeNull();
  });
});

describe('touchForMessage', () => {
  const thread: ConversationMeta = {
    subject: 'Penawaran harga Q3',
    messages: [
      { from: 'ani@kopi.example', date: '2026-03-02T09:15:00', direction: 'in' },
      { from: 'me@jalur.example', date: '2026-03-03T10:00:00', direction: 'out' },
    ],
  };
  it('the owner wrote last: an outgoing touch at that time', () => {
    expect(touchForMessage('ani@kopi.example', thread)).toEqual({
      direction: 'out',
      note: 'Penawaran harga Q3',
      occurredAt: new Date(2026, 2, 3, 10).getTime(),
    });
  });
  it('they wrote last: an incoming touch from their message', () => {
    const t = touchForMessage('ani@kopi.example', { ...thread, messages: [thread.messages[1]!, thread.messages[0]!] });
    expect(t).toEqual({ direction: 'in', note: 'Penawaran harga Q3', occurredAt: new Date(2026, 2, 2, 9, 15).getTime() });
  });
  it('an unreadable date leaves the time to "now"', () => {
    expect(
      touchForMessage('ani@kopi.example', { subject: null, messages: [{ from: 'ani@kopi.example', date: null, direction: 'in' }] }),
    ).toEqual({
      direction: 'in',
      note: null,
      occurredAt: undefined,
    });
  });
});
