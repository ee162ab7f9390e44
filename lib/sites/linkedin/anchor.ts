// Where the content script mounts the inline chip: right after the profile's name in the top card,
// found with the same layered rules extract() uses.

import { cardOwnerHref, findNameElement, findPhoto, findTopCard, first, photoName } from './dom';
import { canonicalSlug, isOpaqueMemberId } from './url';
import { cleanName, nameFromTitle } from './text';
import * as S from './selectors';

/**
 * The name heading of the profile in view, or the link wrapping it; null while it has not rendered.
 * Given the page URL, also null while the card still shows the previous profile after in-app
 * navigation, so a chip is never mounted beside the wrong person.
 */
export function findNameAnchor(doc: Document, url?: string): Element | null {
  const card = findTopCard(doc);
  if (!card) return null;
  if (url) {
    const owner = canonicalSlug(cardOwnerHref(card) ?? '');
    const slug = canonicalSlug(url);
    if (owner && slug && owner !== slug && !isOpaqueMemberId(slug)) return null;
  }
  const titleName = nameFromTitle(doc.title, !!doc.querySelector(S.PUBLIC_PAGE));
  const name = findNameElement(card, [titleName, cleanName(photoName(findPhoto(card)))]);
  // Mount after the link that wraps the name (2023–26), never inside it: a click on the chip must not
  // open LinkedIn's "about this profile" overlay.
  const link = name?.closest(S.LINK);
  return (link && card.contains(link) ? link : name) ?? first(card, S.ABOUT_PROFILE_LINK);
}
