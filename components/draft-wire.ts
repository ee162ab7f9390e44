import type { CaptureWire } from '../lib/messaging/types';
import type { ProspectDraft } from '../lib/model/draft';
import { draftToCapture } from '../lib/model/draft-capture';

export function draftToForm(d: ProspectDraft): CaptureWire {
  return { ...draftToCapture(d), source: d.slug ? 'social_selling' : 'email' };
}
