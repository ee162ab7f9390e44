import type { ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import type { ProspectDetail } from '../../../lib/messaging/types';
import { LocalTime } from '../../chip/actions/LocalTime';
import { t } from '../../shared/i18n';
import { Avatar } from '../../ui/Avatar';
import { Card } from '../../ui/Card';
import { Menu, type MenuItem } from '../../ui/Menu';
import { extraHeadline } from './header-text';
import { ScoreBadge } from './ScoreBadge';
import { StageSelect } from './StageSelect';

/** "Head of Growth at Kopi Kenangan Digital", or whichever half is known. */
export function roleLine(title: string | null, company: string | null): string | null {
  if (title && company) return t('personTitleAt', [title, company]);
  return title || company || null;
}

/**
 * Who this is, at a glance: photo or initials, name, title at company, the stage pill (which is the
 * Stage control), score with its breakdown, owner and local time. `actions` sits beside the More
 * menu (e.g. Delete): visible buttons, not menu items, so each keeps its button role.
 */
export function PersonHeader({
  detail,
  onError,
  compact = false,
  actions,
  moreItems = [],
}: {
  detail: ProspectDetail;
  onError: (message: string) => void;
  /** The popup: a smaller avatar, no More menu. */
  compact?: boolean;
  actions?: ComponentChildren;
  /** Further More-menu items (Export their data, Erase for good). */
  moreItems?: MenuItem[];
}) {
  const p = detail.prospect;
  const role = roleLine(p.title, p.company);
  // The headline often repeats the role; shown only when it says more.
  const headline = extraHeadline(p.headline, p.title, p.company);
  const more: MenuItem[] = [
    ...(p.linkedinUrl ? [{ key: 'profile', label: t('openProfile'), onSelect: () => window.open(p.linkedinUrl!, '_blank', 'noopener') }] : []),
    {
      key: 'tab',
      label: t('personOpenInTab'),
      onSelect: () => void browser.tabs.create({ url: `${browser.runtime.getURL('/sidepanel.html')}?person=${encodeURIComponent(p.id)}` }),
    },
    ...moreItems,
  ];
  return (
    <Card as="header" class={compact ? 'person-head compact' : 'person-head'}>
      <div class="person-id">
        <Avatar name={p.name} photoUrl={p.photoUrl} size={compact ? 36 : 44} />
        <div class="person-names">
          <h2>{p.name}</h2>
          {role && <p class="person-role">{role}</p>}
          {headline && <p class="headline">{headline}</p>}
        </div>
        {!compact && (
          <div class="person-actions">
            {actions}
            <Menu label={t('personMore')} items={more} />
          </div>
        )}
      </div>
      <div class="status person-status">
        <StageSelect
          pill
          prospectId={p.id}
          stages={detail.stages}
          value={detail.stage?.key ?? ''}
          lostReasons={detail.lostReasons ?? null}
          onError={onError}
        />
        <ScoreBadge score={p.score} breakdown={p.scoreBreakdown} />
        {detail.stalled && (
          <span class="stalled warn-pill" data-stalled="true">
            {t('stalledTitle', String(detail.silenceDays))}
          </span>
        )}
      </div>
      {(detail.ownerName || detail.place) && (
        <div class="person-meta">
          {detail.ownerName && <span class="owner">{t('personOwner', detail.ownerName)}</span>}
          <LocalTime place={detail.place} />
        </div>
      )}
    </Card>
  );
}
