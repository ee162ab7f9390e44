import type { CaptureWire } from '../../lib/messaging/types';
import type { Prospect } from '../../lib/model';
import type { ProspectDraft } from '../../lib/model/draft';
import { draftToCapture } from '../../lib/model/draft-capture';

export function draftToForm(d: ProspectDraft): CaptureWire {
  return { ...draftToCapture(d), source: d.slug || d.memberId ? 'social_selling' : 'email' };
}

/** For a tracked person: what the page shows now, and the saved record where the page shows nothing. */
export function trackedForm(d: ProspectDraft, p: Prospect): CaptureWire {
  const page = draftToForm(d);
  return {
    ...page,
    name: page.name || p.name,
    headline: page.headline ?? p.headline,
    title: page.title ?? p.title,
    company: page.company ?? p.company,
    location: page.location ?? p.location,
    photoUrl: page.photoUrl ?? p.photoUrl,
    linkedinUrl: page.linkedinUrl ?? p.linkedinUrl,
    email: page.email ?? p.emails[0] ?? null,
    source: p.source,
  };
}
