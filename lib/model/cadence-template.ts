// The default cadence as plain data, apart from the cadence schemas (./cadence.ts re-exports it): the
// side panel's Today names the default cadence in the rep's language on its first screen, and that
// screen loads no validation library (components/sidepanel/today/format.ts).
import type { CadenceChannel } from './enums';

/** A step as ./cadence.ts's CadenceStepSchema reads it (a unit test keeps the two one shape). */
export interface TemplateStep {
  day: number;
  channel: CadenceChannel;
  note: string;
}

export interface CadenceTemplate {
  name: string;
  description: string;
  steps: TemplateStep[];
}

/**
 * The playbook's default: 8 touches over 21 days mixing LinkedIn, e-mail and calls. Identical to the
 * cadence the server gives a new team (private.init_team), so a local-only rep and a synced team
 * start from the same plan.
 */
export const DEFAULT_CADENCE: CadenceTemplate = {
  name: 'Default: 8 touches in 21 days',
  description: 'Connect, then alternate LinkedIn, e-mail and calls until a two-way conversation starts.',
  steps: [
    { day: 0, channel: 'connection_request', note: 'Connect with a personal note about {{company}}.' },
    { day: 2, channel: 'linkedin_message', note: 'Thank {{first_name}} for connecting; share one useful idea.' },
    { day: 4, channel: 'email', note: 'Short e-mail: the problem we solve for teams like {{company}}.' },
    { day: 7, channel: 'call', note: 'Call; if no answer, leave a 20-second voicemail.' },
    { day: 10, channel: 'linkedin_message', note: 'Share a relevant case study.' },
    { day: 14, channel: 'email', note: 'Offer a 15-minute call with two time slots.' },
    { day: 17, channel: 'call', note: 'Second call attempt.' },
    { day: 21, channel: 'email', note: 'Break-up e-mail: close the loop politely.' },
  ],
};
