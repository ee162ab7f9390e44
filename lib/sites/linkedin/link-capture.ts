import type { CaptureWire } from '../../messaging/types';
import { nameFromSlug } from './slug-name';
import { isProfileUrl, profileKeys, profileUrl } from './url';

/**
 * The capture for a right-clicked profile link. Jalur never fetches the linked page (DESIGN.md §2),
 * so it saves the slug with a name guessed from it; opening the profile later fills in the rest.
 */
export function captureFromLink(linkUrl: string): CaptureWire | null {
  if (!isProfileUrl(linkUrl)) return null;
  // A link naming the member by id (/in/ACoA…, as in messaging and search) carries no name to guess:
  // clipping it would store the id as a name, or overwrite the real name of someone already tracked.
  const { slug } = profileKeys(linkUrl);
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
