import type { Source, Temperature } from '../model/enums';

const WARM: ReadonlySet<Source> = new Set<Source>([
  'inbound_form',
  'content_download',
  'chatbot',
  'social_engagement',
  'referral',
  'event',
]);

/** DESIGN.md §1: cold calls, cold e-mail and social selling are cold; the rest found us, so warm. */
export function temperatureFor(source: Source): Temperature {
  return WARM.has(source) ? 'warm' : 'cold';
}
