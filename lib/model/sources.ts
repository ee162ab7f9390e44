// How a prospect was found (DESIGN.md §1), as plain data: the board's filters read the list on the side
// panel's first screen, which loads no validation library. ./enums.ts builds the schema from it.
// "email" covers correspondents clipped from the inbox.
export const SOURCES = [
  'cold_call',
  'cold_email',
  'social_selling',
  'inbound_form',
  'content_download',
  'chatbot',
  'social_engagement',
  'referral',
  'event',
  'email',
] as const;
