import { useEffect, useState } from 'preact/hooks';
import type { DuplicateItem } from '../../../lib/messaging/merge-types';
import type { Prospect } from '../../../lib/model';
import { send } from '../../shared/api';
import { stageLabel, t } from '../../shared/i18n';
import { useStoreVersion } from '../../shared/useStoreVersion';
import { Button } from '../../ui/Button';

/**
 * "Possible duplicate: …" under the person's header: the same name at the same company, or a similar
 * name with an address at the company. Only a suggestion — Merge… opens the dialog, nothing merges
 * by itself.
 */
export function DuplicateHint({ prospectId, onMerge }: { prospectId: string; onMerge: (other: Prospect) => void }) {
  const [items, setItems] = useState<DuplicateItem[]>([]);
  const version = useStoreVersion();
  useEffect(() => {
    let live = true;
    // A suggestion that cannot be read is no suggestion: the record itself stays usable.
    void send({ type: 'duplicates', id: prospectId })
      .then((r) => live && setItems(r.items))
      .catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, [prospectId, version]);
  if (!items.length) return null;
  return (
    <div class="duplicate-hint" role="note" aria-label={t('duplicateHint', items.map((i) => i.prospect.name).join(', '))}>
      {items.map((d) => (
        <div class="duplicate-item" key={d.prospect.id} data-duplicate={d.prospect.id}>
          <p>
            <strong>{t('duplicateHint', d.prospect.name)}</strong>
            <span class="muted">
              {' · '}
              {t(`duplicateReason_${d.reason.replace('-', '_') as 'name_company' | 'email_domain'}`)}
              {' · '}
              {[d.prospect.company, d.prospect.emails[0], stageLabel(d.stageKey, d.stageName)].filter(Boolean).join(' · ')}
              {' · '}
              {t('duplicateCounts', [String(d.touchCount), String(d.openFollowUps)])}
            </span>
          </p>
          <Button size="sm" aria-label={t('duplicateMergeLabel', d.prospect.name)} onClick={() => onMerge(d.prospect)}>
            {t('duplicateMerge')}
          </Button>
        </div>
      ))}
    </div>
  );
}
