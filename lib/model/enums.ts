import { z } from 'zod';

// How a prospect was found: the list lives in ./sources.ts (plain data, for screens without zod).
import { SOURCES } from './sources';
export { SOURCES };
export const Source = z.enum(SOURCES);
export type Source = z.infer<typeof Source>;

export const Temperature = z.enum(['cold', 'warm']);
export type Temperature = z.infer<typeof Temperature>;

export const StageKind = z.enum(['open', 'won', 'lost']);
export type StageKind = z.infer<typeof StageKind>;

// Channels a cadence step may plan (the server's cadences.steps check lists the same six).
export const CADENCE_CHANNELS = ['linkedin_message', 'connection_request', 'email', 'call', 'meeting', 'note'] as const;
export const CadenceChannel = z.enum(CADENCE_CHANNELS);
export type CadenceChannel = z.infer<typeof CadenceChannel>;

// A touch may also be a social engagement (the rep liked, commented on or shared the person's post):
// logged after the fact from the feed, never planned as a cadence step.
export const TOUCH_CHANNELS = [...CADENCE_CHANNELS, 'social_engagement'] as const;
export const TouchChannel = z.enum(TOUCH_CHANNELS);
export type TouchChannel = z.infer<typeof TouchChannel>;

/** What a social-engagement touch was; null for every other channel (and when the rep did not say). */
export const ENGAGEMENTS = ['liked', 'commented', 'shared'] as const;
export const Engagement = z.enum(ENGAGEMENTS);
export type Engagement = z.infer<typeof Engagement>;

export const Direction = z.enum(['out', 'in']);
export type Direction = z.infer<typeof Direction>;
