import type { CaptureWire } from '../../messaging/types';
import type { ProspectDraft } from '../../model/draft';
import type { ConversationMeta, Participant } from './types';

export function participantDraft(site: 'gmail' | 'outlook', p: Pick<Participant, 'email' | 'name'>): ProspectDraft {
  return {
    site,
    slug: null,
    linkedinUrl: null,
    fields: {
      // A person whose name the page does not show is named by their address until the rep corrects it.
      name: { value: p.name ?? p.email, source: 'mail-header' },
      email: { value: p.email, source: 'mail-header' },
    },
  };
}

/**
 * Whom the popup offers first in a thread: the sender of the latest message that is not the owner,
 * else the first participant.
 */
export function primaryParticipant<T extends Pick<Participant, 'email'>>(people: T[], meta: ConversationMeta): T | null {
  for (let i = meta.messages.length - 1; i >= 0; i--) {
    const from = meta.messages[i]!.from;
    const hit = from ? people.find((p) => p.email === from) : undefined;
    if (hit) return hit;
  }
  return people[0] ?? null;
}

/** The touch for "log this email" with one correspondent: the latest message, in or out, its subject and time. */
export function touchForMessage(
  email: string,
  meta: ConversationMeta,
): { direction: 'in' | 'out'; note: string | null; occurredAt: number | undefined } {
  const last = meta.messages[meta.messages.length - 1];
  const fromThem = [...meta.messages].reverse().find((m) => m.from === email);
  const msg = last && last.direction === 'out' ? last : (fromThem ?? last);
  const at = msg?.date ? Date.parse(msg.date) : NaN;
  return {
    direction: msg && msg.from === email ? 'in' : msg?.direction === 'out' ? 'out' : 'in',
    note: meta.subject,
    occurredAt: Number.isFinite(at) ? at : undefined,
  };
}

/** The capture for a correspondent clipped from their chip: the address is the identity, source e-mail. */
export function emailCapture(email: string, name: string | null): CaptureWire {
  return {
    slug: null,
    email,
    name: name ?? email,
    headline: null,
    title: null,
    company: null,
    location: null,
    photoUrl: null,
    linkedinUrl: null,
    source: 'email',
  };
}
