import './quick-actions.css';
import type { PlaceZone } from '../../../lib/pipeline/local-time';
import { localTimeLine } from './logic';

/** "14:05 in Stockholm, working hours" in the popup and the panel; nothing for an unknown place. */
export function LocalTime({ place }: { place: PlaceZone | null | undefined }) {
  const line = localTimeLine(place, Date.now());
  return line ? <p class="local-time">{line}</p> : null;
}
