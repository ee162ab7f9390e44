import { t } from '../../shared/i18n';
import type { PageList } from './usePagePeople';

/** The "On this page" heading: the jump line's target (one section per panel). */
export const ON_THIS_PAGE_HEADING_ID = 'on-this-page-heading';

/**
 * On a profile the person leads the panel and "On this page" (People also viewed, the feed's authors…)
 * sits far below: one compact line at the top says how many people the page shows and moves focus to
 * the list (screen readers then read its heading; the keyboard goes on from there). A plain in-page
 * link, so it is announced and works as one; shown only when the page has people beyond the profile's.
 */
export function OnThisPageJump({ list }: { list: PageList }) {
  if (list.kind !== 'ready' || list.rows.length < 2) return null;
  const tracked = list.rows.filter((r) => r.person).length;
  const go = (e: MouseEvent) => {
    const heading = document.getElementById(ON_THIS_PAGE_HEADING_ID);
    if (!heading) return;
    e.preventDefault();
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  };
  return (
    <p class="otp-jump">
      <a href={`#${ON_THIS_PAGE_HEADING_ID}`} onClick={go}>
        {t('onThisPageJump', [String(list.rows.length), String(tracked)])}
        <span aria-hidden="true">›</span>
      </a>
    </p>
  );
}
