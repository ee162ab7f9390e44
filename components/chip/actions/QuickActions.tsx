// The chip's quick actions as a row of buttons, for extension pages (the popup): the same panels,
// opened in place; what changed is read out in a polite live region.
import { useState } from 'preact/hooks';
import type { ProspectDetail } from '../../../lib/messaging/types';
import { t, type MessageKey } from '../../shared/i18n';
import { FollowUpPanel, LogTouchPanel, StagePanel } from './ActionPanels';
import type { ActionSite } from './logic';
import './quick-actions.css';

type Open = 'log' | 'follow' | 'stage' | null;

const BUTTONS: Array<[Exclude<Open, null>, MessageKey]> = [
  ['log', 'logTouch'],
  ['follow', 'addFollowUp'],
  ['stage', 'chipChangeStage'],
];

export function QuickActions({ detail, site }: { detail: ProspectDetail; site: ActionSite }) {
  const [open, setOpen] = useState<Open>(null);
  const [said, setSaid] = useState('');
  const p = detail.prospect;
  const common = {
    prospectId: p.id,
    onDone: (s: string) => {
      setOpen(null);
      setSaid(s);
    },
    onCancel: () => setOpen(null),
  };
  return (
    <section class="quick-actions" aria-label={t('chipActions')}>
      <div class="qa-row">
        {BUTTONS.map(([k, label]) => (
          <button type="button" aria-expanded={open === k} onClick={() => setOpen(open === k ? null : k)}>
            {t(label)}
          </button>
        ))}
      </div>
      {open === 'log' && <LogTouchPanel {...common} site={site} />}
      {open === 'follow' && <FollowUpPanel {...common} />}
      {open === 'stage' && (
        <StagePanel
          {...common}
          stages={detail.stages.map((s) => ({ key: s.key, name: s.name, kind: s.kind }))}
          current={detail.stage?.key ?? ''}
          lostReasons={detail.lostReasons ?? null}
        />
      )}
      <p class="sr-only" aria-live="polite">
        {said}
      </p>
    </section>
  );
}
