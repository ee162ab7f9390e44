// What the chip's and popup's quick actions need besides the UI: which channel a touch starts on
// for the page, the lost reasons to offer and the local-time line. Imported by content scripts:
// no validation or database library here (types only from lib/model).
import type { TouchChannel } from '../../../lib/model';
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
