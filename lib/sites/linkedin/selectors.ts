// Every CSS selector the LinkedIn extractor uses (DESIGN.md §2). Lists are in priority order: the
// extractor tries each in turn, so put the most specific and longest-lived first. Each entry names
// the markup vintage it serves; the fixture that proves it is in test/fixtures/linkedin/README.md.
// Nothing here is positional: LinkedIn reorders and wraps nodes with every redesign.

export type SelectorList = readonly string[];

/** Regions that are never the profile being viewed: the viewer's own nav and "Me" menu, side rails
 * of other people ("People also viewed"), the messaging overlay and modals. */
export const NOT_PROFILE =
  '#global-nav, .global-nav, nav, aside, #msg-overlay, .msg-overlay-container, [role="dialog"], .artdeco-modal, [componentkey*="GlobalNav" i]';

/** Screen-reader copies and non-text nodes. LinkedIn renders most labels twice (visible
 * `aria-hidden` copy + `visually-hidden` copy), and 2018–20 prefixed values with hidden "Company Name". */
export const HIDDEN_TEXT = '.visually-hidden, .a11y-text, .sr-only, script, style, template, noscript, svg, [hidden]';

/** The profile's top card, newest first. */
export const TOP_CARD: SelectorList = [
  'section[data-member-id]', // 2022–25 logged-in: the member id outlived the class-name obfuscation
  '[componentkey$="Topcard"]', // 2026 SDUI: the card's componentkey ends in "Topcard" (also without owner links)
  '.pv-top-card', // 2019–24 logged-in
  '.pv-top-card-v2-section', // 2018–19 logged-in (Ember)
  '.pv-top-card-section', // 2017–18 logged-in (Ember)
  '.top-card-layout', // 2019–25 public (logged-out) profile
];

/** Links only the profile owner's top card carries; their section is the top card when no class is
 * known (2025–26 obfuscated/SDUI markup). Their href also names whose card it is. */
export const OWNER_LINKS: SelectorList = [
  'a[href*="/overlay/contact-info"]', // 2021–26 logged-in
  'a[href*="/detail/contact-info"]', // 2018–20 logged-in
  'a[href*="/overlay/about-this-profile"]', // 2023–26 logged-in, wraps the name h1
];

/** Containers a top card found through OWNER_LINKS or a heading is widened to, then the main column. */
export const CARD_CONTAINER = 'section, .artdeco-card';
export const MAIN = 'main';

/** Interactive wrappers: text inside them is a control label, not profile text; the chip is mounted after
 * a link that wraps the name, never inside it. */
export const LINK = 'a';
export const CONTROL = 'a, button';
export const BUTTON = 'button';

/** Text-bearing elements scanned, in order, for the headline after the name (obfuscated markup). */
export const TEXT_BLOCK = 'div, p, h2, h3, span';
/** A TEXT_BLOCK containing one of these is a wrapper; its children are scanned instead. */
export const TEXT_BLOCK_CHILD = 'div, p, h2, h3';
/** Cards of the profile page (the experience anchor sits inside one). */
export const SECTION = 'section';

/** Last resort for the top card: the first visible h1 of the main column, then of the page (markup
 * without <main>, e.g. pre-2019 public profiles), outside NOT_PROFILE regions. */
export const MAIN_HEADING = 'main h1';
export const LAST_RESORT_HEADING: SelectorList = [MAIN_HEADING, 'h1'];

/** Name element inside the top card, before the generic heading rules. */
export const NAME: SelectorList = [
  '.pv-top-card-section__name', // 2017–19 Ember h1
  '.pv-top-card--list li.t-24', // 2019–20: name is an <li>, there is no h1
  'h1.text-heading-xlarge', // 2021–24
  '.top-card-layout__title', // 2019–25 public
];

/** Generic headings for the name when no vintage class matches: h1 (2017–25); the 2026 SDUI card
 * renders the name as an h2, so h2 counts only when corroborated by the title or photo. */
export const NAME_H1 = 'h1';
export const NAME_H2 = 'h2';

/** 2023–26 logged-in: the about-this-profile link wraps the name heading (h1, or h2 in 2026 SDUI). */
export const NAME_IN_ABOUT_LINK = 'a[href*="/overlay/about-this-profile"] h1, a[href*="/overlay/about-this-profile"] h2';

/** 2023–26 logged-in: the link wrapping the name carries the name as its aria-label. */
export const ABOUT_PROFILE_LINK = 'a[href*="/overlay/about-this-profile"][aria-label]';

/** Headline inside the top card. */
export const HEADLINE: SelectorList = [
  '.pv-top-card-section__headline', // 2017–19
  'h2.t-18', // 2019–20: the h2 under the name list
  '.pv-text-details__left-panel .text-body-medium', // 2021–23
  '.text-body-medium.break-words', // 2021–25
  '.top-card-layout__headline', // 2019–25 public
];

/** Location inside the top card. */
export const LOCATION: SelectorList = [
  '.pv-top-card-section__location', // 2017–19
  '.pv-top-card--list-bullet li.t-16.t-black', // 2019–20
  '.pv-text-details__left-panel .text-body-small.inline.t-black--light', // 2021–23
  '.text-body-small.inline.t-black--light.break-words', // 2021–25
  '.top-card-layout__first-subline .not-first-middot span', // 2021–25 public
  '.top-card__subline-item', // 2019–21 public
];

/** 2021–25 logged-in top-card button; the label is "Current company: X. Click to skip to experience card". */
export const CURRENT_COMPANY_ARIA = '[aria-label^="Current company: "]';

/** A link to a company's page (`/company/<slug>/`, older pages `/company/<numeric id>/`): an experience
 * entry's logo or name link, the public top card's current company. */
export const COMPANY_LINK = 'a[href*="/company/"]';
/** 2019–25 public top card: the current company as a link. */
export const TOP_CARD_COMPANY_LINK = '[data-section="currentPositionsDetails"] a[href*="/company/"]';

/** Current company shown in the top card as text. */
export const COMPANY: SelectorList = [
  '[data-section="currentPositionsDetails"] .top-card-link__description', // 2020–25 public
  '[data-section="currentPositionsDetails"]', // 2016–20 public
  'a[data-control-name="position_see_more"]', // 2019–20 logged-in: first top-card link is the current company
  '.pv-top-card-v2-section__company-name', // 2018–19
  '.pv-top-card-section__company', // 2017–18
];

/** Profile photo inside the top card. The generic rule (src on the member-photo CDN path) covers
 * obfuscated markup; placeholders ("ghost") are never a photo. */
export const PHOTO: SelectorList = [
  'img.pv-top-card-profile-picture__image', // 2021–23
  'img.pv-top-card-profile-picture__image--show', // 2023–25
  'img.pv-top-card__photo', // 2019–21
  'img.pv-top-card-section__photo', // 2017–19
  'img.top-card__profile-image', // 2019–25 public
  'img[src*="/profile-displayphoto"]', // 2018–26 any: member photos live under this CDN path
];
export const GHOST_PHOTO = '[class*="ghost"]';
/** 2017–18 Ember drew the top-card photo as a CSS background on a div. */
export const PHOTO_BACKGROUND = '.pv-top-card-section__photo[style*="url("]';

/** Experience section: its anchor, or its heading text when ids are gone. */
export const EXPERIENCE_ANCHOR: SelectorList = [
  '#experience', // 2021–25: empty anchor div inside the section (data-view-name="profile-card" since 2023)
  '#experience-section', // 2017–20
];
export const SECTION_HEADING = 'h2';
/** The heading of the experience card in the locales reps use most (2025–26 SDUI has no anchor id). */
export const EXPERIENCE_TITLES = [
  'experience',
  'pengalaman',
  'berufserfahrung',
  'expérience',
  'experiencia',
  'experiência',
  'ervaring',
  'esperienza',
];

/** One position (or a company group of positions) in the experience card. */
export const EXPERIENCE_ENTITY: SelectorList = [
  '[data-view-name="profile-component-entity"]', // 2023–25
  '.pvs-entity', // 2021–23
  '.pv-position-entity', // 2017–20
];
/** 2025–26 SDUI: each position starts with its company-logo link; texts are <p>s in its container. */
export const EXPERIENCE_LOGO_LINK = 'a[data-view-name="experience-company-logo-click"]';
export const SDUI_TEXT = 'p';
/** The visible copy of a label in 2021–25 entities. */
export const VISIBLE_COPY = 'span[aria-hidden="true"]';
/** 2017–20 position fields; grouped positions carry role items under a company summary. */
export const LEGACY_TITLE = 'h3';
export const LEGACY_COMPANY = '.pv-entity__secondary-title';
export const LEGACY_DATES = '.pv-entity__date-range';
export const LEGACY_GROUP_COMPANY = '.pv-entity__company-summary-info h3';
export const LEGACY_GROUP_ROLE = '.pv-entity__position-group-role-item';

/** Structured data. */
export const JSON_LD = 'script[type="application/ld+json"]';
export const CANONICAL = 'link[rel="canonical"]';
export const META_OG_URL = 'meta[property="og:url"]';
export const META_OG_TITLE = 'meta[property="og:title"]';
export const META_OG_IMAGE = 'meta[property="og:image"]';
export const META_FIRST_NAME = 'meta[property="profile:first_name"]';
export const META_LAST_NAME = 'meta[property="profile:last_name"]';
/** 2017–23 logged-in: Voyager API responses embedded in the page; may describe the viewer or a
 * previously viewed member, so they count only when publicIdentifier equals the URL slug. */
export const EMBEDDED_JSON = 'code[id^="bpr-guid-"]';

/** Public (logged-out) page markers; there the title reads "Name - Company | LinkedIn". */
export const PUBLIC_PAGE = '.top-card-layout, meta[property="profile:first_name"], script[type="application/ld+json"]';

/** E-mail shown in the open contact-info overlay (2018–24 class, then any dialog on the overlay URL). */
export const CONTACT_EMAIL: SelectorList = ['.pv-contact-info__contact-type a[href^="mailto:"]', '.ci-email a[href^="mailto:"]'];
export const DIALOG_EMAIL = '[role="dialog"] a[href^="mailto:"]';

/**
 * What the content script waits for (MutationObserver) before calling extract(): any sign that a
 * profile top card has rendered. extract() still decides whether it belongs to the URL.
 */
export const TOP_CARD_READY = [...TOP_CARD, ...OWNER_LINKS, MAIN_HEADING].join(', ');

// ---------------------------------------------------------------------------------------------------
// Lists, feed and Sales Navigator rows (lib/sites/linkedin/lists/*, the linkedin-lists content script).
// Each surface lists its row containers newest-last, per vintage; inside a row the reader finds the
// person's link and the texts after the name (lists/row.ts), so only rows and a few well-known
// subtitle classes are named here. Fixtures: test/fixtures/linkedin-lists/ (README there).
// ---------------------------------------------------------------------------------------------------

/** Links that name a member: the public profile (`/in/<slug or ACoAA id>`) and Sales Navigator leads. */
export const LIST_PERSON_LINK = 'a[href*="/in/"], a[href*="/sales/lead/"], a[href*="/sales/people/"]';

/** The viewer's own profile links: the global nav's "Me" (2018–26, SDUI included), the feed's identity
 * card, Sales Navigator's user menu. Whoever these name is never marked. */
export const VIEWER_LINKS: SelectorList = [
  '#global-nav a[href*="/in/"]', // 2018–26 logged-in (the "Me" menu)
  '.global-nav a[href*="/in/"]', // 2018–24 class
  'header nav a[href*="/in/"]', // 2025–26 hashed / SDUI header
  '[componentkey*="GlobalNav" i] a[href*="/in/"]', // 2026 SDUI nav component
  '.feed-identity-module a[href*="/in/"]', // 2019–25 feed's left-rail card
  '[data-view-name="identity-module"] a[href*="/in/"]', // 2025–26 feed's left-rail card
  '[data-x--user-menu] a[href*="/in/"]', // Sales Navigator 2023–26 user menu
  '.global-nav__me a[href*="/sales/"]', // Sales Navigator "Me"
];

/** People search results (`/search/results/people/`). */
export const SEARCH_ROWS: SelectorList = [
  'li.reusable-search__result-container', // 2021–24 Ember/artdeco
  '[data-view-name="search-entity-result-universal-template"]', // 2024–25 hashed classes
  '[componentkey*="SearchResult" i] [role="listitem"]', // 2026 SDUI
];
export const SEARCH_HEADLINE: SelectorList = ['.entity-result__primary-subtitle'];
export const SEARCH_LOCATION: SelectorList = ['.entity-result__secondary-subtitle'];

/** My Network: invitations, connections, people you may know (`/mynetwork/…`). */
export const NETWORK_ROWS: SelectorList = [
  'li.invitation-card', // 2019–24 invitations
  'li.mn-connection-card', // 2019–24 connections
  '.discover-entity-type-card', // 2020–24 people you may know
  '[data-view-name="pending-invitation"]', // 2025 invitations, hashed classes
  '[data-view-name="connections-list"] > li, [data-view-name="connections-list"] > div', // 2025 connections
  '[data-view-name="cohort-card"]', // 2025 people you may know
  '[componentkey*="Invitation" i][role="listitem"]', // 2026 SDUI invitations
  '[componentkey*="Cohort" i] [role="listitem"]', // 2026 SDUI people you may know
  '[componentkey*="ConnectionsList" i] [role="listitem"]', // 2026 SDUI connections
];
export const NETWORK_HEADLINE: SelectorList = [
  '.invitation-card__subtitle',
  '.mn-connection-card__occupation',
  '.discover-person-card__occupation',
];

/** A company's People tab (`/company/<slug>/people/`). */
export const COMPANY_PEOPLE_ROWS: SelectorList = [
  'li.org-people-profile-card__profile-card-spacing', // 2020–24
  '[data-view-name="org-people-profile-card"]', // 2025
  '[componentkey*="OrganizationPeople" i] [role="listitem"]', // 2026 SDUI
];
export const COMPANY_PEOPLE_HEADLINE: SelectorList = ['.artdeco-entity-lockup__subtitle'];

/** "People also viewed" / "More profiles for you" beside a profile. */
export const ALSO_VIEWED_ROWS: SelectorList = [
  '.pv-browsemap-section__member-container', // 2018–21
  'aside section li.artdeco-list__item', // 2022–24 (pages and schools share the rail: rows without a person link are skipped)
  'aside [data-view-name="profile-browsemap-card"]', // 2025
  'aside [componentkey*="BrowseMap" i] [role="listitem"], aside [componentkey*="AlsoViewed" i] [role="listitem"]', // 2026 SDUI
];

/** Reactions / likes list (the reactors modal of a post). */
export const REACTION_ROWS: SelectorList = [
  'li.social-details-reactors-tab-body-list-item', // 2020–24
  '[data-view-name="reactors-list-item"]', // 2025
  '[componentkey*="Reactor" i][role="listitem"], [componentkey*="Reactions" i] [role="listitem"]', // 2026 SDUI
];
export const REACTION_HEADLINE: SelectorList = ['.artdeco-entity-lockup__caption'];

/** Feed posts, their author ("actor") block and the line above it ("X likes this", "X reposted this"). */
export const FEED_POSTS: SelectorList = [
  '.feed-shared-update-v2', // 2020–25
  '[data-view-name="feed-full-update"]', // 2025
  '[componentkey^="urn:li:activity" i], [componentkey*="FeedUpdate" i]', // 2026 SDUI
];
export const FEED_ACTOR: SelectorList = [
  '.update-components-actor', // 2023–25
  '.feed-shared-actor', // 2020–22
  '[data-view-name="feed-actor"]', // 2025–26
];
export const FEED_ACTOR_DESCRIPTION: SelectorList = ['.update-components-actor__description', '.feed-shared-actor__description'];
export const FEED_HEADER: SelectorList = [
  '.update-components-header', // 2023–25
  '.feed-shared-header', // 2020–22
  '[data-view-name="feed-header-text"]', // 2025–26
];
/** A sponsored post says so in its actor block ("Promoted", "Dipromosikan") or carries an ad marker. */
export const FEED_PROMOTED = '[data-ad-banner-urn], [data-is-sponsored="true"], .update-components-actor__sub-description--promoted';
/** A post nested inside another (the original of a repost with the reposter's own words). */
export const FEED_NESTED = '.feed-shared-update-v2__update-content-wrapper, .update-components-mini-update-v2, [data-view-name="feed-reshared-update"]';

/** Sales Navigator search results and saved lists (`/sales/search/people`, `/sales/lists/people/…`). */
export const SALES_ROWS: SelectorList = [
  'li.artdeco-list__item', // 2021–26 search results
  '[data-x-search-result="LEAD"]', // 2023–26 search results
  'table tbody tr', // 2022–26 lead lists
];
/** Sales Navigator marks the person's fields for its privacy screenshots mode; those attributes outlived every redesign. */
export const SALES_NAME = '[data-anonymize="person-name"]';
export const SALES_TITLE = '[data-anonymize="title"], [data-anonymize="job-title"]';
export const SALES_COMPANY = '[data-anonymize="company-name"]';
export const SALES_LOCATION = '[data-anonymize="location"]';

/** Inside a row: texts that are never a headline or location (buttons, hidden copies, insights). */
export const ROW_SKIP = 'button, [role="button"], .visually-hidden, .a11y-text, .sr-only, script, style, svg, [hidden], .entity-result__insights, .entity-result__simple-insight, .member-insights, .reusable-search-simple-insight';
/** The visible copy of a name in links that also carry a screen-reader copy ("View X’s profile"). */
export const ROW_VISIBLE_NAME = 'span[aria-hidden="true"]';
/** Texts read in order after the name in a row without known classes. */
export const ROW_TEXT = 'p, span, div, h3, h4';

// ---------------------------------------------------------------------------------------------
// Company pages (/company/<slug>/: overview, about, people), read by lib/sites/linkedin/company.ts
// for the company chip. Fixtures: test/fixtures/linkedin/company/README.md.

/** The company's top card, newest first. */
export const COMPANY_TOP_CARD: SelectorList = [
  '.org-top-card', // 2019–24 logged-in
  '[data-view-name="organization-top-card"]', // 2025 logged-in, hashed classes
  '[componentkey*="OrganizationTopCard"]', // 2026 SDUI
  '.top-card-layout', // public (logged-out) company page
];

/** The company's name in its top card (the chip is mounted after it). */
export const COMPANY_NAME: SelectorList = [
  'h1.org-top-card-summary__title', // 2019–24 logged-in
  'h1.top-card-layout__title', // public
  'h1', // 2025–26: the top card's only h1
];

/** The top card's short facts (industry, headquarters, followers, employees), one per element. */
export const COMPANY_INFO_ITEMS: SelectorList = [
  '.org-top-card-summary-info-list__info-item', // 2019–24 logged-in
  '.top-card-layout__first-subline', // public: one line "Industry · City · N followers"
  '[data-view-name="organization-top-card-info"] > *', // 2025 logged-in
  'p', // 2026 SDUI: the top card's text lines
];

/** The employees link ("51-200 employees" / "View all 312 employees") in the top card. */
export const COMPANY_EMPLOYEES_LINK = 'a[href*="/people/"], a[href*="currentCompany"]';

/** The About page's overview: a definition list (dt label, dd value) in every logged-in vintage. */
export const COMPANY_ABOUT_LIST = 'main dl';
export const COMPANY_ABOUT_TERM = 'dt';
export const COMPANY_ABOUT_VALUE = 'dd';

/** Public company pages label each fact with a test id. */
export const COMPANY_PUBLIC_FACT = {
  website: '[data-test-id="about-us__website"] dd',
  industry: '[data-test-id="about-us__industry"] dd',
  size: '[data-test-id="about-us__size"] dd',
  headquarters: '[data-test-id="about-us__headquarters"] dd',
} as const;

/** The company's own site: the top card's "Visit website" action (2019–26), never a LinkedIn link. */
export const COMPANY_WEBSITE_ACTION = 'a[data-view-name="organization-website-button"], a.org-top-card-primary-actions__action[href^="http"]';

/** Links in the page's own text to other companies (people cards, "Pages people also viewed"). */
export const COMPANY_ASIDE = 'aside, nav, #global-nav, [role="dialog"]';

// ---------------------------------------------------------------------------------------------------
// Profile identity: the member id a profile's top card shows beside the slug (lib/sites/linkedin/extract.ts).
// Fixture: test/fixtures/linkedin/2026-sdui-no-contact.html.
// ---------------------------------------------------------------------------------------------------

/** 2026 SDUI top card: its componentkey reads "…ref<member id>Topcard". */
export const SDUI_TOP_CARD = '[componentkey$="Topcard"]';
/** Links in a top card that name its owner by member id: Message (`?recipient=`), 2024–26; the owner's
 * connections (`?connectionOf=["<id>"]`), 2022–26. Mutual connections' faces are `/in/` links, never these. */
export const OWNER_ID_LINKS = 'a[href*="recipient="], a[href*="connectionOf="]';
/** 2026 SDUI: the top card's lines (headline, current company, location) are bare paragraphs. */
export const SDUI_LINE = 'p';

// ---------------------------------------------------------------------------------------------------
// Messaging and the Sales Navigator lead page (lib/sites/linkedin/messaging.ts, sales-lead.ts; the
// linkedin-messaging content script). Fixtures: test/fixtures/linkedin-messaging/ (README there).
// A conversation is read by its shape — a header naming the partners, then events (messages) with
// their senders' links and times — so only the containers of each vintage are named here.
// ---------------------------------------------------------------------------------------------------

/** One open conversation: the thread pane of /messaging/thread/… and each overlay bubble (any page). */
export const MSG_CONVERSATIONS: SelectorList = [
  '.msg-convo-wrapper', // 2019–24 thread pane (artdeco msg-*)
  '.msg-overlay-conversation-bubble', // 2019–24 overlay bubble
  '[data-view-name="message-thread"]', // 2025 thread pane, hashed classes
  '[data-view-name="message-overlay-bubble"]', // 2025 overlay bubble
  '[componentkey*="MessagingThread" i]', // 2026 SDUI thread pane and bubble
];
/** A bubble folded to its header shows no messages; it still names its partner. */
export const MSG_HEADER: SelectorList = [
  '.msg-title-bar', // 2019–24 thread
  '.msg-overlay-bubble-header', // 2019–24 bubble
  '[data-view-name="message-thread-header"]', // 2025 thread and bubble
  '[componentkey*="ThreadHeader" i]', // 2026 SDUI
];
/** The headline under a one-to-one partner's name in the header. */
export const MSG_HEADER_HEADLINE: SelectorList = [
  '.msg-entity-lockup__entity-info', // 2022–24
  '[data-view-name="message-thread-header-headline"]', // 2025
];
/** One message or group of messages from one sender, oldest first. */
export const MSG_EVENTS: SelectorList = [
  '.msg-s-message-list__event', // 2019–24
  '[data-view-name="message-list-item"]', // 2025
  '[componentkey*="MessageListItem" i]', // 2026 SDUI
];
/** Inside an event: the sender's name where no link names them (the link is read first). */
export const MSG_SENDER_NAME: SelectorList = [
  '.msg-s-message-group__name', // 2019–24
  '[data-view-name="message-sender-name"]', // 2025
];
/** 2019–24: an event from someone other than the viewer says so in its class. */
export const MSG_EVENT_FROM_OTHER = '.msg-s-event-listitem--other';
/** An event's time: an exact `datetime` where the page gives one (2025–26), else "10:42 AM" (2019–24). */
export const MSG_TIME: SelectorList = ['time[datetime]', '.msg-s-message-group__timestamp', 'time'];
/** Day headings between events ("Today", "Monday", "Dec 3"). */
export const MSG_DAY_HEADING: SelectorList = [
  '.msg-s-message-list__time-heading', // 2019–24
  '[data-view-name="message-list-day-heading"]', // 2025
  '[componentkey*="DayHeading" i]', // 2026 SDUI
];

/** Sales Navigator lead page (`/sales/lead/<id>,…`): its top card, the name in it, and the texts there. */
export const SALES_LEAD_CARD: SelectorList = [
  '[data-x--lead--top-card]', // 2023–26
  '.profile-topcard', // 2021–24
  '[data-view-name="lead-top-card"]', // 2025–26 hashed classes
];
export const SALES_LEAD_NAME: SelectorList = ['[data-anonymize="person-name"]', 'h1'];
export const SALES_LEAD_HEADLINE = '[data-anonymize="headline"]';
/** "View LinkedIn profile" in the lead's overflow menu or card: the public profile, by slug. */
export const SALES_LEAD_PROFILE_LINK = 'a[href*="linkedin.com/in/"], a[href^="/in/"]';
