// Every CSS selector the Gmail extractor uses (DESIGN.md §2). Gmail's short class names (hP, gD, g2,
// zA, yW…) are compiled but have been stable since the 2011 redesign, through the 2018 "new Gmail"
// and the 2022 Material 3 refresh; the `email`/`name` attributes on people are what Gmail itself
// uses for hovercards, so they are the key. Each entry names the markup vintage it serves; the
// fixtures that prove it are listed in test/fixtures/gmail/README.md. Nothing here is positional.

export type SelectorList = readonly string[];

/** The app's main column, holding the message list and, when one is open, the conversation (2011–25). */
export const MAIN = '[role="main"]';

/** The open conversation's subject heading (2011–25); `data-thread-perm-id` since 2018. */
export const SUBJECT = 'h2.hP, h2[data-thread-perm-id]';

/** One message of the conversation: expanded (`.adn`, 2011–25), collapsed (`.kv`, `.kQ`, 2011–25), or
 * marked by its id (`data-message-id` 2018–25, `data-legacy-message-id` 2019–25). Nested matches are
 * collapsed to the outermost. */
export const MESSAGE = '.adn, .kv, .kQ, [data-message-id], [data-legacy-message-id]';
/** Collapsed messages show only the sender (and a snippet). */
export const COLLAPSED = '.kv, .kQ';

/** Elements that name a person: `span[email][name]` (2011–25) and hovercard targets whose id is an
 * address (avatars, recipient chips; 2018–25). */
export const PERSON = '[email], [data-hovercard-id]';

/** Sender of a message header: `span.gD` (2011–25) inside `h3.iw`. */
export const SENDER = '.gD, h3.iw';
/** Recipient summary line "to me, Budi, cc: Citra" (`.hb`, 2011–25) and its `span.g2` people. */
export const RECIPIENT_LINE = '.hb';
export const RECIPIENT = '.g2';
/** Fallback anchor for a recipient shown only in the details popup: the recipients line container. */
export const RECIPIENT_AREA = '.ajw';
/** Header details popup ("from:", "to:", "cc:", "date:" rows; `table.ajC`, 2014–25): present while
 * closed, so it is read for roles but never used as a chip anchor. Label cell `.gG`. */
export const DETAILS_TABLE = '.ajC';
export const DETAILS_ROW = 'tr';
export const DETAILS_LABEL = '.gG';

/** The message date; its `title` is the full local date ("Tue, Mar 5, 2024, 10:12 AM"; "… at 9:15 AM"
 * before 2020). `span.g3` 2011–25. */
export const DATE = '.g3[title]';

/** Message bodies and anything quoted in them (`.a3s` body and `.ii.gt` wrapper 2011–25, `.gmail_quote`
 * quoted reply, plain blockquotes): addresses and mailto links there are content, not participants. */
export const BODY = '.a3s, .ii.gt, .gmail_quote, blockquote';

/** Gmail UI around the conversation that names other people: the Google bar, left navigation with the
 * Chat and Meet rosters, the side panel (Contacts, Calendar, add-ons), hovercards, menus, and compose
 * windows (popup `.M9`/`.AD` dialogs, inline replies are `<form>`s with `.aoI` tables). */
export const NOT_THREAD =
  '[role="banner"], [role="navigation"], [role="complementary"], [role="dialog"], [role="tooltip"], [role="menu"], [role="listbox"], form, [contenteditable="true"], .M9, .AD, .aoI';

/** Message-list rows: `tr.zA` (2011–25) in the main list table; sender cell `.yW` holding `.bA4`
 * (2018–25) with one `span[email][name]` per sender (`.zF` unread, `.yP` read). */
export const LIST_ROW = 'tr.zA';
export const LIST_SENDERS: SelectorList = ['.yW', '.bA4'];
export const LIST_PERSON = '[email]';
/** Lists outside the main column (e.g. a dialog) are not the inbox. */
export const NOT_LIST = '[role="dialog"], [role="complementary"], [role="navigation"]';

/** The signed-in account button of the Google bar; its aria-label (2018–25) or title (2014–19) reads
 * "Google Account: Name\n(address)", localised ("Akun Google: …", "Google-Konto: …"). */
export const ACCOUNT: SelectorList = [
  'a[href*="accounts.google.com/SignOutOptions"]',
  '#gb a[aria-label*="@"]',
  '#gb a[title*="@"]',
  '[role="banner"] a[aria-label*="@"]',
  '[role="banner"] [role="button"][aria-label*="@"]',
];
