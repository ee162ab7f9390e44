// E-mail addresses and display names as mail pages show them. The address is the identity key
// (DESIGN.md §3: trimmed, lower-cased), so anything that is not unmistakably one address is refused
// rather than repaired: a wrong key links a correspondent to the wrong prospect. Display names are
// sender-controlled text and are only ever a label.

import { cap, clean } from './text';

const MAX_ADDRESS = 254; // RFC 5321 path limit
const MAX_LOCAL = 64;
const MAX_NAME = 120;

/** Dot-atom local part only: quoted local parts ("a b"@x) and comments are legal but never seen in the
 * wild from real correspondents, and accepting them would let punctuation smuggle in a second address. */
const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
/** At least two labels, a letter TLD (or an IDN xn-- TLD); no IP literals, no single-label hosts. */
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * The canonical form of one e-mail address: trimmed, lower-cased, without `mailto:` (and its
 * `?subject=…`) or surrounding angle brackets. Null for anything that is not a plausible single
 * address: lists, display-name forms, quoted local parts, IP literals, non-ASCII, over 254 chars.
 */
export function normaliseEmail(input: string | null | undefined): string | null {
  if (!input || input.length > 1024) return null;
  let s = clean(input);
  for (let i = 0; i < 2; i++) {
    if (s.startsWith('<') && s.endsWith('>')) s = s.slice(1, -1).trim();
    if (/^mailto:/i.test(s)) {
      s = s.slice(7).split('?')[0] ?? '';
      try {
        s = decodeURIComponent(s).trim();
      } catch {
        return null;
      }
    }
  }
  s = s.toLowerCase();
  if (s.length > MAX_ADDRESS) return null;
  const at = s.lastIndexOf('@');
  if (at < 1 || s.indexOf('@') !== at) return null;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1).replace(/\.$/, '');
  if (local.length > MAX_LOCAL || !LOCAL.test(local) || !DOMAIN.test(domain)) return null;
  return `${local}@${domain}`;
}

export interface ParsedAddress {
  email: string;
  name: string | null;
}

interface Entry extends ParsedAddress {
  /** The address was written in angle brackets, i.e. it is the real address and not display text. */
  bracketed: boolean;
}

/** Split on `,`/`;` outside quotes, angle brackets and comments. */
function splitList(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote = false;
  let angle = 0;
  let paren = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      cur += c;
      if (c === '\\' && i + 1 < s.length) cur += s[++i];
      else if (c === '"') quote = false;
      continue;
    }
    if (c === '"') quote = true;
    else if (c === '<') angle++;
    else if (c === '>' && angle > 0) angle--;
    else if (c === '(') paren++;
    else if (c === ')' && paren > 0) paren--;
    else if ((c === ',' || c === ';') && !angle && !paren) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out;
}

/** `<…>` groups outside double quotes, in order. */
function bracketed(s: string): string[] {
  const out: string[] = [];
  let quote = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && quote) i++;
    else if (c === '"') quote = !quote;
    else if (c === '<' && !quote) {
      const end = s.indexOf('>', i + 1);
      if (end < 0) break;
      out.push(s.slice(i + 1, end));
      i = end;
    }
  }
  return out;
}

function parseEntry(raw: string): Entry | null {
  let part = clean(raw);
  // RFC 5322 group syntax ("Team: a@x, b@y;", "undisclosed-recipients:;"): drop the group label.
  const colon = part.indexOf(':');
  if (colon > 0 && !part.slice(0, colon).includes('@') && !part.slice(0, colon).includes('<') && !/^mailto$/i.test(part.slice(0, colon)))
    part = part.slice(colon + 1).trim();
  if (!part) return null;
  const groups = bracketed(part);
  if (groups.length) {
    // The real address is the last bracketed one: a display name may itself contain "<ceo@bank>".
    const email = normaliseEmail(groups[groups.length - 1]);
    return email ? { email, name: displayName(part), bracketed: true } : null;
  }
  // "a@x (Name)": the old comment form.
  const comment = /^(\S+)\s*\(([^()]*)\)$/.exec(part);
  if (comment) {
    const email = normaliseEmail(comment[1]);
    return email ? { email, name: displayName(comment[2]), bracketed: false } : null;
  }
  const email = normaliseEmail(part);
  return email ? { email, name: null, bracketed: false } : null;
}

/**
 * Addresses in a header-style list: `Name <a@b>, "Last, First" <c@d>; e@f (Name)`. Entries that do not
 * hold a valid address are dropped; order is kept; duplicates are not merged.
 * With `requireBrackets`, only addresses written in angle brackets count: use it on text where a bare
 * "x@y" may be a display name (a sender can call themselves "ceo@bank.example").
 */
export function parseAddressList(s: string | null | undefined, opts: { requireBrackets?: boolean } = {}): ParsedAddress[] {
  if (!s || s.length > 20_000) return [];
  const out: ParsedAddress[] = [];
  for (const raw of splitList(s)) {
    const e = parseEntry(raw);
    if (e && (e.bracketed || !opts.requireBrackets)) out.push({ email: e.email, name: e.name });
  }
  return out;
}

/** The address in angle brackets at the end of one "Name <addr>" value (the last one wins), else null. */
export function bracketedAddress(s: string | null | undefined): string | null {
  if (!s || s.length > 2048) return null;
  const groups = bracketed(s);
  return groups.length ? normaliseEmail(groups[groups.length - 1]) : null;
}

const QUOTES = `"'“”‘’„«»\``;
const ADDRESS_LIKE = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;

function unquote(s: string): string {
  while (s.length >= 2 && QUOTES.includes(s[0]!) && QUOTES.includes(s[s.length - 1]!)) s = s.slice(1, -1).trim();
  return s.replace(/\\(["\\])/g, '$1');
}

/**
 * A display name fit to show: no markup, controls or bidi overrides, no surrounding quotes, no
 * "(via Google Sheets)" / "'Ani' via Sales Team" relay suffix, no e-mail address (a name that is or
 * contains an address is either redundant or a spoof such as "ceo@bank.example" <attacker@evil>),
 * capped at 120 code points. Null when nothing name-like is left.
 */
export function displayName(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let s = clean(raw.length > 4096 ? raw.slice(0, 4096) : raw);
  // Tags and bracketed addresses: a display name never legitimately contains "<…>".
  s = clean(s.replace(/<[^<>]*>?/g, ' ').replace(/[<>]/g, ' '));
  s = unquote(s);
  // Relays name the person but send from their own address: "Ani (via Google Sheets)", "'Ani' via Team".
  s = s.replace(/\s*\((?:via|lewat|über|par|vía)\s[^()]*\)$/i, '');
  const relay = /^(["'“‘])(.+?)["'”’]\s+via\s+.+$/.exec(s);
  if (relay) s = relay[2]!;
  else s = s.replace(/\s+via\s+\S.*$/, '');
  s = unquote(clean(s));
  s = clean(s.replace(ADDRESS_LIKE, ' '))
    .replace(/\(\s*\)|\[\s*\]/g, ' ')
    .replace(/\s+([,;])/g, '$1')
    .replace(/^[\s,;:·|–—-]+|[\s,;:·|–—-]+$/g, '');
  s = unquote(clean(s));
  return s ? cap(s, MAX_NAME) : null;
}
