// Where the content script mounts the inline chip: right after the profile's name in the top card,
// found with the same layered rules extract() uses.

import { cardOwnerHref, findNameElement, findPhoto, findTopCard, first, photoName } from './dom';
import { profileKeys } from './url';
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
    // A profile opened by member id (/in/ACoA…) has no slug to compare; its card's slug is the person's.
    const owner = profileKeys(cardOwnerHref(card)).slug;
    const slug = profileKeys(url).slug;
    if (owner && slug && owner !== slug) return null;
  }
  const titleName = nameFromTitle(doc.title, !!doc.querySelector(S.PUBLIC_PAGE));
  const name = findNameElement(card, [titleName, cleanName(photoName(findPhoto(card)))]);
  // Mount after the link or button that wraps the name (2023–26 logged-in: the about-this-profile
  // link; public pages: the sign-in button), never inside it: a click on the chip must not open
  // LinkedIn's overlay or sign-in modal, and a button cannot hold interactive content.
  const link = name?.closest(S.CONTROL);
  return (link && card.contains(link) ? link : name) ?? first(card, S.ABOUT_PROFILE_LINK);
}
