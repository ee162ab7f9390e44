// Which Gmail screen a URL shows. Gmail is a single-page app on one path; the screen is in the hash:
// `#inbox` (list), `#inbox/FMfcgz…` (a conversation), `#label/Clients/FMfcgz…`, `#search/q/FMfcgz…`,
// `#inbox/p2` (page 2 of the list, not a conversation). The content script re-reads the view on every
// hashchange, so nothing here may guess: an unknown hash is 'other'.

import type { MailView } from '../mail/types';

const MAX_URL = 4096;

/** /mail/, /mail/u/<n>/ (multi-login), /mail/b/<token>/u/<n>/ and /mail/u/<n>/d/<token>/ (delegated mailboxes). */
const APP_PATH = /^\/mail(?:\/b\/[\w-]{1,128})?(?:\/u\/\d{1,2})?(?:\/d\/[\w-]{1,128})?\/?$/;

/** Folders whose conversations are `#<folder>/<id>`. */
const FOLDERS = new Set(['inbox', 'starred', 'snoozed', 'imp', 'sent', 'scheduled', 'drafts', 'all', 'spam', 'trash', 'chats', 'outbox']);
/** Views with an argument, conversations at `#<view>/<arg>/<id>`. */
const WITH_ARG = new Set(['label', 'search', 'category', 'advanced-search']);
/** Legacy hex ids (16 hex digits) and the 2018+ opaque ids (FMfcgz…, KtbxL…, QgrcJ…, ~32 chars). */
const THREAD_ID = /^[A-Za-z0-9_-]{16,80}$/;
const PAGE = /^p\d{1,5}$/;

function parse(url: string): URL | null {
  if (!url || url.length > MAX_URL) return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'https:' && u.hostname.replace(/\.$/, '') === 'mail.google.com' && !u.username && !u.password ? u : null;
  } catch {
    return null;
  }
}

function isApp(u: URL): boolean {
  // ?view=pt (print), ?view=om (show original), /mail/h/ (basic HTML, retired 2024) are not the app.
  return APP_PATH.test(u.pathname) && !u.searchParams.has('view');
}

/** The Gmail web app (any account, any screen) on https://mail.google.com. */
export function isGmailUrl(url: string): boolean {
  const u = parse(url);
  return !!u && isApp(u);
}

/** The screen a Gmail URL shows; null when it is not the Gmail app. */
export function gmailView(url: string): MailView | null {
  const u = parse(url);
  if (!u || !isApp(u)) return null;
  let hash = u.hash.replace(/^#/, '');
  // "#inbox?compose=new", "#inbox/FMfcg…?projector=1": overlays on top of the view, not part of it.
  const q = hash.indexOf('?');
  if (q >= 0) hash = hash.slice(0, q);
  const seg = hash.split('/');
  while (seg.length > 1 && seg[seg.length - 1] === '') seg.pop();
  const head = seg[0] ?? '';
  if (!head) return { kind: 'list', folder: 'inbox' };

  let argEnd: number;
  if (FOLDERS.has(head)) argEnd = 1;
  else if (WITH_ARG.has(head) && seg[1]) argEnd = 2;
  else return { kind: 'other' };

  const last = seg[seg.length - 1]!;
  if (seg.length > argEnd && THREAD_ID.test(last) && !PAGE.test(last)) {
    // Nested label names are normally %2F-encoded; tolerate literal slashes in the argument.
    if (argEnd === 1 && seg.length !== 2) return { kind: 'other' };
    return { kind: 'conversation', folder: seg.slice(0, -1).join('/'), id: last };
  }
  if (seg.length === argEnd) return { kind: 'list', folder: seg.join('/') };
  if (seg.length === argEnd + 1 && PAGE.test(last)) return { kind: 'list', folder: seg.slice(0, -1).join('/') };
  if (argEnd === 2 && !seg.slice(2).some((s) => !s)) {
    // "#label/Parent/Child" with a literal slash, optionally paged.
    const page = PAGE.test(last);
    return { kind: 'list', folder: (page ? seg.slice(0, -1) : seg).join('/') };
  }
  return { kind: 'other' };
}
