import type { CaptureWire } from '../../messaging/types';
import { nameFromSlug } from './slug-name';
import { canonicalSlug, isProfileUrl, profileUrl } from './url';

/**
 * The capture for a right-clicked profile link. Jalur never fetches the linked page (DESIGN.md §2),
 * so it saves the slug with a name guessed from it; opening the profile later fills in the rest.
 */
export function captureFromLink(linkUrl: string): CaptureWire | null {
  if (!isProfileUrl(linkUrl)) return null;
  const slug = canonicalSlug(linkUrl);
  if (!slug) return null;
  return {
    slug,
    email: null,
    name: nameFromSlug(slug),
    headline: null,
    title: null,
    company: null,
    location: null,
    photoUrl: null,
    linkedinUrl: profileUrl(slug),
  };
}
