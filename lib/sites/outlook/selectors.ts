// Every CSS selector the Outlook on the web extractor uses (DESIGN.md §2). Outlook's class names are
// hashed per build (OZZZK, AL_OM, …) and its element ids are generated, so none is used here: the
// extractor anchors on the few ids Microsoft keeps for its own automation and accessibility, on ARIA
// roles and labels, on `data-testid`/`data-app-section` attributes, and on `title` attributes that
// carry addresses. "From:"/"To:"/"Cc:" labels are matched in code (lib/sites/mail/labels.ts) because
// they are localised. Each entry names the builds it serves; the fixtures that prove it are listed in
// test/fixtures/outlook/README.md. Nothing here is positional.

export type SelectorList = readonly string[];

/** The reading pane, most specific first: its long-lived container id (2019–25), the conversation
 * container (2021–25), then the main landmark (every build; the only one in deeplink windows). */
export const READING_PANE: SelectorList = ['#ReadingPaneContainerId', '[data-app-section="ConversationContainer"]', '[role="main"]'];

/** The sent/received time of each message header, expanded or collapsed (2021–25); one per message, so
 * it also delimits messages. Its `title`, when present, is the full date. */
export const DATE = '[data-testid="SentReceivedSavedTime"]';

/** The conversation subject above the messages (2019–25 `role="heading"`, level 2 in the reading pane). */
export const SUBJECT: SelectorList = ['[role="heading"][aria-level="2"]', '[role="heading"]', 'h1, h2'];

/** People in a message header: live persona card hover targets (2020–25) and anything whose `title`
 * (Outlook's tooltip for the address) or aria-label carries an address. */
export const PERSONA = '[data-lpc-hover-target-id], [title*="@"], [aria-label*="@"]';

/** Message bodies and what is quoted in them: the body document (2019–25 `role="document"`, labelled
 * "Message body"), its container ids, the reply/forward header block, and the sanitiser's `x_` prefix on
 * every id and class inside a received message. Addresses there are content, never participants. */
export const BODY =
  '[role="document"], [aria-label="Message body"], [id^="UniqueMessageBody"], [data-app-section="MessageBody"], #divRplyFwdMsg, [id^="x_"], [class^="x_"], [class*=" x_"], blockquote, .gmail_quote';

/** Outlook UI that names people but is not a message header: the message list, navigation, the suite
 * header, search suggestions, persona cards and other popups, and compose forms (inline reply in the
 * reading pane: recipient wells are textboxes/comboboxes, the editor is contenteditable). */
export const NOT_HEADER =
  '[role="listbox"], [role="option"], [role="navigation"], [role="banner"], [role="complementary"], [role="dialog"], [role="tooltip"], [role="menu"], [role="search"], [role="textbox"], [role="combobox"], [contenteditable="true"], form, input, textarea';

/** The message list: `data-app-section="MessageList"` (2021–25), else any listbox outside search and popups. */
export const MESSAGE_LIST: SelectorList = ['[data-app-section="MessageList"]', '[role="listbox"]'];
export const NOT_LIST = '[role="search"], [role="dialog"], [role="banner"], [role="menu"], [role="combobox"], [role="complementary"]';
/** One conversation row (2019–25). */
export const LIST_ROW = '[role="option"]';
/** The sender name in a row carries the address as its tooltip (2019–25). */
export const LIST_SENDER = '[title*="@"]';

/** The Microsoft account manager ("Me control", 2018–25): the flyout's address and name (rendered once
 * opened), then the trigger buttons (work: O365_MainLink_Me / mectrl_main_trigger; consumer:
 * meInitialsButton) whose label reads "Account manager for Name". */
export const ACCOUNT_ADDRESS = '#mectrl_currentAccount_secondary';
export const ACCOUNT_NAME = '#mectrl_currentAccount_primary';
export const ACCOUNT_BUTTON: SelectorList = ['#mectrl_main_trigger', '#O365_MainLink_Me', '#meInitialsButton'];
/** The folder pane's mailbox root node, titled with the mailbox address (2021–25). */
export const FOLDER_ROOT = '[role="tree"] [role="treeitem"][title*="@"]';
