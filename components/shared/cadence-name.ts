// A cadence's name as the rep reads it, wherever it shows (Today's rows, the person's cadence panel).
import { DEFAULT_CADENCE } from '../../lib/model/cadence-template';
import { DEFAULT_CADENCE_ID, defaultCadenceFor } from '../../lib/pipeline/default-cadence';
import { uiLocale } from './i18n';

/**
 * A team's untouched default cadence (the server seeds it in English) is named in the rep's
 * language; any name a team chose is shown as written.
 */
export function cadenceName(name: string): string {
  if (name !== DEFAULT_CADENCE.name && name !== DEFAULT_CADENCE_ID.name) return name;
  return defaultCadenceFor(uiLocale()).name;
}
