import type { CaptureWire } from '../messaging/types';
import type { ProspectDraft } from './draft';

/** The capture request for a draft as extracted (the popup sends the rep's edited values instead). */
export function draftToCapture(d: ProspectDraft): CaptureWire {
  const f = d.fields;
  return {
    slug: d.slug,
    memberId: d.memberId ?? null,
    ...(d.companySlug ? { companySlug: d.companySlug } : {}),
    email: f.email?.value ?? null,
    name: f.name?.value ?? '',
    headline: f.headline?.value ?? null,
    title: f.title?.value ?? null,
    company: f.company?.value ?? null,
    location: f.location?.value ?? null,
    photoUrl: f.photoUrl?.value ?? null,
    linkedinUrl: d.linkedinUrl,
  };
}
