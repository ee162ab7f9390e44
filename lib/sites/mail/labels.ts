// Header labels ("To:", "Kepada:", "Cc:") and the words mail apps use for the signed-in user ("me",
// "saya", "You") in the UI languages reps use most. Both are UI text, never correspondent text.

import type { ParticipantRole } from './types';

const ROLE_WORDS: Record<string, ParticipantRole> = {
  from: 'from',
  dari: 'from',
  von: 'from',
  de: 'from',
  van: 'from',
  da: 'from',
  expéditeur: 'from',
  to: 'to',
  kepada: 'to',
  ke: 'to',
  an: 'to',
  à: 'to',
  a: 'to',
  para: 'to',
  aan: 'to',
  destinataire: 'to',
  cc: 'cc',
  tembusan: 'cc',
  bcc: 'bcc',
  cci: 'bcc',
  cco: 'bcc',
  ccn: 'bcc',
  bb: 'bcc',
};

/** The role a header label names ("To:", "cc:", "Kepada :"), or null. The colon is optional. */
export function roleOfLabel(s: string | null | undefined): ParticipantRole | null {
  if (!s || s.length > 24) return null;
  const w = s
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .replace(/\s*[:：]$/, '')
    .toLowerCase();
  return ROLE_WORDS[w] ?? null;
}

/** "From: …", "Kepada: …": the role and the rest, when `s` starts with a header label and a colon. */
export function splitLabel(s: string | null | undefined): { role: ParticipantRole; rest: string } | null {
  if (!s) return null;
  const m = /^\s*([^\s:：]{1,14}(?: [^\s:：]{1,8})?)\s*[:：]\s*([^]*)$/.exec(s);
  const role = m ? roleOfLabel(m[1]) : null;
  return role && m ? { role, rest: m[2]! } : null;
}

/** Case-sensitive on purpose: "me"/"saya" are UI words, while "Ben" or "Mi" could be a correspondent's
 * name, so only the spellings the apps render count. */
const ME = new Set([
  'me',
  'Me',
  'saya',
  'Saya',
  'aku',
  'You',
  'you',
  'Anda',
  'anda',
  'mich',
  'mir',
  'ich',
  'Ich',
  'moi',
  'Moi',
  'mí',
  'yo',
  'Yo',
  'eu',
  'Eu',
  'mim',
  'ik',
  'Ik',
  'mij',
  'mig',
  'meg',
  'я',
  '自分',
  '我',
  '나',
]);

/** True for the word the mail UI shows instead of the signed-in user's name. */
export function isMeWord(s: string | null | undefined): boolean {
  return !!s && s.length <= 8 && ME.has(s.trim());
}
