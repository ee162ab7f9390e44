// Feed posts (and reposts) by people. A post's author is its "actor"; a line above it says why it is
// in the feed ("Ayu Lestari likes this", "Rizky Pratama reposted this"). Only a repost line names the
// poster; a like or comment line is someone else's activity, and its person is not the post's.
// Promoted posts and posts by companies, schools or showcase pages are not people's posts.
import * as S from '../selectors';
import { visibleText } from '../dom';
import { cap } from '../text';
import { personLink, rowsOf, splitHeadline, textOf, textsAfter, type NameLink } from './row';
import type { ListPerson, SurfaceReader } from './types';

const REPOSTED = /\brepost|membagikan ulang|dibagikan ulang/i;
const PROMOTED = /^(?:promoted|dipromosikan|sponsored|bersponsor)(?:\s+by\b.*)?$/i;

/** The post's own element for a selector list: the first match not inside the nested original of a repost. */
function own(post: Element, list: readonly string[]): Element | null {
  for (const el of Array.from(post.querySelectorAll(list.join(', ')))) {
    const nested = el.closest(S.FEED_NESTED);
    if (!nested || !post.contains(nested)) return el;
  }
  return null;
}

function promoted(post: Element, actor: Element | null): boolean {
  if (post.matches(S.FEED_PROMOTED) || post.querySelector(S.FEED_PROMOTED)) return true;
  if (!actor) return false;
  for (const el of Array.from(actor.querySelectorAll('span, p, div'))) {
    if (el.childElementCount === 0 && PROMOTED.test(el.textContent?.trim() ?? '')) return true;
  }
  return false;
}

function person(post: Element, p: NameLink, headline: string, kind: 'post' | 'repost'): ListPerson {
  const h = headline ? cap(headline, 300) : null;
  return {
    surface: 'feed',
    row: post,
    anchor: p.link,
    slug: p.key.slug,
    memberId: p.key.memberId,
    name: p.name,
    headline: h,
    ...splitHeadline(h),
    location: null,
    post: kind,
  };
}

export function readPost(post: Element): ListPerson | null {
  const actor = own(post, S.FEED_ACTOR);
  if (promoted(post, actor)) return null;
  const header = own(post, S.FEED_HEADER);
  if (header && REPOSTED.test(visibleText(header))) {
    const reposter = personLink(header);
    return reposter ? person(post, reposter, '', 'repost') : null;
  }
  if (!actor) return null;
  const author = personLink(actor);
  if (!author) return null; // a company, school or showcase page
  const headline = textOf(actor, S.FEED_ACTOR_DESCRIPTION) || (textsAfter(actor, author.nameEl, 1)[0] ?? '');
  return person(post, author, headline, 'post');
}

export const feed: SurfaceReader = {
  surface: 'feed',
  applies: (path) => path.startsWith('/feed') || path.startsWith('/posts/') || /^\/in\/[^/]+\/recent-activity/.test(path),
  rows: (doc) => rowsOf(doc, S.FEED_POSTS),
  read: readPost,
};
