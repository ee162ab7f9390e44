// What the chip's and popup's quick actions need besides the UI: which channel a touch starts on
// for the page, the lost reasons to offer and the local-time line. Imported by content scripts:
// no validation or database library here (types only from lib/model).
import type { Engagement, TouchChannel } from '../../../lib/model';
import { DEFAULT_LOST_REASONS } from '../../../lib/model/lost-reasons';
import type { PlaceZone } from '../../../lib/pipeline/local-time';
import { localClock } from '../../../lib/pipeline/local-clock';
import { t, uiLocale, type MessageKey } from '../../shared/i18n';

/** Where the actions are used: the page decides the channel a touch is logged on first. */
export type ActionSite = 'linkedin' | 'mail' | 'popup';

// The same list as lib/model's TOUCH_CHANNELS (checked by type below), without pulling zod into a page.
export const CHANNELS = ['linkedin_message', 'connection_request', 'email', 'call', 'meeting', 'note', 'social_engagement'] as const satisfies readonly TouchChannel[];
type Missing = Exclude<TouchChannel, (typeof CHANNELS)[number]>;
const allChannels: [Missing] extends [never] ? true : false = true;
void allChannels;

export function channelFor(site: ActionSite): TouchChannel {
  return site === 'mail' ? 'email' : 'linkedin_message';
}

// The same list as lib/model's ENGAGEMENTS (checked by type below).
export const ENGAGEMENT_KINDS = ['liked', 'commented', 'shared'] as const satisfies readonly Engagement[];
const allKinds: [Exclude<Engagement, (typeof ENGAGEMENT_KINDS)[number]>] extends [never] ? true : false = true;
void allKinds;

/** One entry of Log touch's "Channel": a channel, or a social engagement with what it was. */
export interface LogChoice {
  /** The option's value: the channel, or `social_engagement:<kind>`. */
  value: string;
  channel: TouchChannel;
  engagement: Engagement | null;
}

const plain = (channel: TouchChannel): LogChoice => ({ value: channel, channel, engagement: null });

/**
 * What Log touch offers, in three groups: the page's own channel first (LinkedIn message, e-mail),
 * then what the rep did on the person's post (liked, commented, shared: a social-engagement touch that
 * says which, as the feed's Log engagement does), then the other channels. A social engagement whose
 * kind goes unsaid is the side panel's to log; here the rep always says what it was.
 */
export function logChoices(site: ActionSite): { first: LogChoice; engagements: LogChoice[]; others: LogChoice[] } {
  const first = channelFor(site);
  return {
    first: plain(first),
    engagements: ENGAGEMENT_KINDS.map((k) => ({ value: `social_engagement:${k}`, channel: 'social_engagement', engagement: k })),
    others: CHANNELS.filter((c) => c !== first && c !== 'social_engagement').map(plain),
  };
}

/** The touch an option's value stands for; null for a value no option has. */
export function logChoiceOf(value: string): LogChoice | null {
  const [channel, kind] = value.split(':');
  if (kind === undefined) return (CHANNELS as readonly string[]).includes(value) && value !== 'social_engagement' ? plain(value as TouchChannel) : null;
  const engagement = ENGAGEMENT_KINDS.find((k) => k === kind);
  return channel === 'social_engagement' && engagement ? { value, channel: 'social_engagement', engagement } : null;
}

/** "LinkedIn message", or for an engagement "Liked their post". */
export function logChoiceLabel(c: LogChoice): string {
  return c.engagement ? t(`engagement_${c.engagement}`) : channelLabel(c.channel);
}

export function channelLabel(c: string): string {
  return t(`channel_${c}` as MessageKey);
}

export interface Choice {
  /** What is stored as the prospect's lost reason. */
  value: string;
  label: string;
}

/** The team's own reasons as they wrote them, or the built-in ones in the UI language. */
export function lostReasonChoices(team: string[] | null | undefined): Choice[] {
  if (team && team.length) return team.map((r) => ({ value: r, label: r }));
  return DEFAULT_LOST_REASONS.map((k) => {
    const label = t(`lostReason_${k}` as MessageKey);
    return { value: label, label };
  });
}

/** The reason to store: the picked one and the rep's words, either alone or both. */
export function lostReasonText(picked: string, words: string): string | null {
  const w = words.trim();
  if (picked && w) return `${picked}: ${w}`.slice(0, 500);
  return (picked || w).slice(0, 500) || null;
}

/** "14:05 in Stockholm, working hours", or null when the place is unknown. */
export function localTimeLine(place: PlaceZone | null | undefined, now: number): string | null {
  if (!place) return null;
  const clock = localClock(place.zone, now, uiLocale());
  if (!clock) return null;
  const time = clock.otherDay ? `${clock.otherDay} ${clock.time}` : clock.time;
  return t(clock.working ? 'localTimeWorking' : 'localTimeOff', [time, place.place]);
}
