// Which Outlook on the web screen a URL shows. Outlook routes by path: `/mail/inbox` (list),
// `/mail/inbox/id/<item id>` (a conversation in the reading pane), `/mail/0/…` (consumer accounts,
// outlook.live.com), `/mail/<shared mailbox address>/…` (a shared or delegated mailbox),
// `/mail/deeplink/read/<id>` (a message opened in its own window). Anything else is 'other'.

import { normaliseEmail } from '../mail/address';
import type { MailView } from '../mail/types';

const MAX_URL = 4096;
const HOSTS = new Set(['outlook.office.com', 'outlook.office365.com', 'outlook.live.com']);
/** Exchange item and conversation ids: URL-safe or percent-encoded base64. */
const ITEM_ID = /^[A-Za-z0-9+/=_-]{8,1024}$/;
/** Screens under /mail/ that are not a folder. */
const NOT_FOLDER = new Set(['options', 'compose', 'action', 'settings']);

function parse(url: string): URL | null {
  if (!url || url.length > MAX_URL) return null;
  try {
    const u = new URL(url.trim());
    const host = u.hostname.replace(/\.$/, '');
    return u.protocol === 'https:' && HOSTS.has(host) && !u.username && !u.password ? u : null;
  } catch {
    return null;
  }
}

function decode(seg: string): string | null {
  try {
    return decodeURIComponent(seg);
  } catch {
    return null;
  }
}

/** Path segments after /mail/, the account index and the shared mailbox removed. */
function route(u: URL): { seg: string[]; mailbox: string | null } | null {
  const seg = u.pathname.split('/').filter(Boolean);
  if (seg[0] !== 'mail') return null;
  let i = 1;
  if (seg[i] && /^\d{1,2}$/.test(seg[i]!)) i++;
  let mailbox: string | null = null;
  if (seg[i]?.includes('@') || seg[i]?.includes('%40')) {
    mailbox = normaliseEmail(decode(seg[i]!));
    if (!mailbox) return null;
    i++;
  }
  return { seg: seg.slice(i), mailbox };
}

/** The Outlook on the web mail app (any screen under /mail/) on its work and consumer hosts. */
export function isOutlookUrl(url: string): boolean {
  const u = parse(url);
  return !!u && !!route(u);
}

function idAt(seg: string[], i: number): string | null {
  const raw = seg[i];
  const id = raw ? decode(raw) : null;
  return id && ITEM_ID.test(id) ? id : null;
}

/** The screen an Outlook URL shows; null when it is not the Outlook mail app. */
export function outlookView(url: string): MailView | null {
  const u = parse(url);
  const r = u && route(u);
  if (!r) return null;
  const { seg } = r;
  const head = seg[0];
  if (!head) return { kind: 'list', folder: 'inbox' };
  if (head === 'deeplink') {
    const id = seg[1] === 'read' ? idAt(seg, 2) : null;
    return id ? { kind: 'conversation', folder: 'deeplink', id } : { kind: 'other' };
  }
  if (head === 'id') {
    const id = idAt(seg, 1);
    return id ? { kind: 'conversation', folder: '', id } : { kind: 'other' };
  }
  if (NOT_FOLDER.has(head) || seg.includes('compose')) return { kind: 'other' };
  const folder = decode(head);
  if (!folder) return { kind: 'other' };
  if (seg.length === 1) return { kind: 'list', folder };
  if (seg[1] === 'id') {
    // "/mail/inbox/id/<id>/sxs/<attachment id>" is the attachment previewed beside the same message.
    const id = idAt(seg, 2);
    return id ? { kind: 'conversation', folder, id } : { kind: 'other' };
  }
  return { kind: 'other' };
}

/** The shared or delegated mailbox an URL opens (`/mail/sales@contoso.com/inbox`), else null. */
export function outlookMailbox(url: string): string | null {
  const u = parse(url);
  return (u && route(u)?.mailbox) ?? null;
}
