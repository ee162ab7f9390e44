import { z } from 'zod';

// How a prospect was found (DESIGN.md §1). "email" covers correspondents clipped from the inbox.
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
export const Source = z.enum(SOURCES);
export type Source = z.infer<typeof Source>;

export const Temperature = z.enum(['cold', 'warm']);
export type Temperature = z.infer<typeof Temperature>;

export const StageKind = z.enum(['open', 'won', 'lost']);
export type StageKind = z.infer<typeof StageKind>;

export const TOUCH_CHANNELS = ['linkedin_message', 'connection_request', 'email', 'call', 'meeting', 'note'] as const;
export const TouchChannel = z.enum(TOUCH_CHANNELS);
export type TouchChannel = z.infer<typeof TouchChannel>;

export const Direction = z.enum(['out', 'in']);
export type Direction = z.infer<typeof Direction>;
