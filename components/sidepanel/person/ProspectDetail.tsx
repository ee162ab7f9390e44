import { useState } from 'preact/hooks';
import type { Prospect } from '../../../lib/model';
import type { ProspectDetail as Detail } from '../../../lib/messaging/types';
import type { MessageKey } from '../../shared/i18n';
import { t } from '../../shared/i18n';
import { ErrorNote } from '../../ui/ErrorNote';
import { Section } from '../../ui/Section';
import { DealFields } from './DealFields';
import { DuplicateHint } from './DuplicateHint';
import { CompanyLine } from '../account/CompanyLine';
import { MergeDialog } from './MergeDialog';
import { DeletePerson, usePersonDataMenu } from './DeletePerson';
import { FollowUps } from './FollowUps';
import { PersonHeader } from './PersonHeader';
import { SourceEditor } from './SourceEditor';
import { TouchLog } from './TouchLog';
import { CadencePanel } from './playbook/CadencePanel';
import { ScoreAdjust } from './playbook/ScoreAdjust';
import { SqlGate } from './playbook/SqlGate';
import './person.css';

/**
 * A prospect's record: a header card (who, stage, score, owner, local time) above sections that fold
 * and remember it (Next steps, Cadence, Touches, Qualification, Deal, Details).
 */
export function ProspectDetail({ detail }: { detail: Detail }) {
  const p = detail.prospect;
  const [error, setError] = useState<string | null>(null);
  const [qualError, setQualError] = useState<string | null>(null);
  const personData = usePersonDataMenu(p);
  // Merge: null closed; 'find' opened from More (search for the other person); a person from a hint.
  const [merging, setMerging] = useState<Prospect | 'find' | null>(null);
  const rows: Array<[MessageKey, string | null]> = [
    ['fieldTitle', p.title],
    ['fieldCompany', p.company],
    ['fieldHeadline', p.headline],
    ['fieldLocation', p.location],
    ['fieldEmail', p.emails.join(', ') || null],
  ];
  const open = detail.followUps.filter((f) => f.doneAt === null).length;
  const closed = detail.stage ? detail.stage.kind !== 'open' : false;
  return (
    <article class="detail person" aria-label={p.name} data-prospect={p.id} data-stage={detail.stage?.key} data-stage-kind={detail.stage?.kind}>
      {/* Delete and Merge go into the header's actions, beside the More menu. */}
      <PersonHeader detail={detail} onError={setError} actions={<DeletePerson prospect={p} />} moreItems={[...personData.items, { key: 'merge', label: t('mergeMenu'), onSelect: () => setMerging('find') }]} />
      {personData.dialog}
      <CompanyLine prospect={p} />
      <DuplicateHint prospectId={p.id} onMerge={setMerging} />
      {merging && <MergeDialog current={detail} initialOther={merging === 'find' ? null : merging} onClose={() => setMerging(null)} />}
      <ErrorNote error={error} />
      <Section id="person.next" title={t('personNextSteps')} summary={open ? t('personOpenCount', String(open)) : null} class="next-steps">
        <FollowUps prospectId={p.id} items={detail.followUps} closed={closed} />
      </Section>
      <Section id="person.cadence" title={t('cadenceHeading')} class="cadence">
        <CadencePanel detail={detail} />
      </Section>
      <Section id="person.touches" title={t('touches', String(detail.touches.length))} class="touch-section">
        <TouchLog prospectId={p.id} touches={detail.touches} />
      </Section>
      <Section id="person.qualification" title={t('qualificationHeading')} class="qualification">
        <SqlGate detail={detail} />
        <SourceEditor prospect={p} onError={setQualError} />
        <ErrorNote error={qualError} />
        <ScoreAdjust prospect={p} />
      </Section>
      <Section id="person.deal" title={t('dealHeading')} class="deal-section">
        <DealFields prospect={p} stage={detail.stage} />
      </Section>
      <Section id="person.details" title={t('personDetails')} class="details">
        <dl>
          {rows.map(([k, v]) =>
            v ? (
              <div key={k}>
                <dt>{t(k)}</dt>
                <dd>{v}</dd>
              </div>
            ) : null,
          )}
        </dl>
        {p.linkedinUrl && (
          <a href={p.linkedinUrl} target="_blank" rel="noopener noreferrer">
            {t('openProfile')}
          </a>
        )}
      </Section>
    </article>
  );
}
