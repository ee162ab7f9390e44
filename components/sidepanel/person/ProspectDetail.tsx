import { useState } from 'preact/hooks';
import type { ProspectDetail as Detail } from '../../../lib/messaging/types';
import type { MessageKey } from '../../shared/i18n';
import { FollowUps } from './FollowUps';
import { stageLabel, t } from '../../shared/i18n';
import { ScoreBadge } from './ScoreBadge';
import { SourceEditor } from './SourceEditor';
import { StageSelect } from './StageSelect';
import { TouchLog } from './TouchLog';
import { DealFields } from './DealFields';
import { ErrorNote } from '../../ui/ErrorNote';
import { CadencePanel } from './playbook/CadencePanel';
import { ScoreAdjust } from './playbook/ScoreAdjust';
import { SqlGate } from './playbook/SqlGate';
import { LocalTime } from '../../chip/actions/LocalTime';

export function ProspectDetail({ detail }: { detail: Detail }) {
  const p = detail.prospect;
  const [error, setError] = useState<string | null>(null);
  const rows: Array<[MessageKey, string | null]> = [
    ['fieldTitle', p.title],
    ['fieldCompany', p.company],
    ['fieldLocation', p.location],
    ['fieldEmail', p.emails.join(', ') || null],
  ];
  return (
    <article class="detail" aria-label={p.name} data-prospect={p.id} data-stage={detail.stage?.key}>
      <header class="who">
        {p.photoUrl && (
          <img
            src={p.photoUrl}
            alt=""
            width={56}
            height={56}
            referrerpolicy="no-referrer"
            // LinkedIn's photo links expire; an expired one is hidden rather than shown broken.
            onError={(e) => ((e.currentTarget as HTMLImageElement).hidden = true)}
          />
        )}
        <div>
          <h2>{p.name}</h2>
          {p.headline && <p class="headline">{p.headline}</p>}
          {p.linkedinUrl && (
            <a href={p.linkedinUrl} target="_blank" rel="noopener noreferrer">
              {t('openProfile')}
            </a>
          )}
        </div>
      </header>
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
      <LocalTime place={detail.place} />
      <SourceEditor prospect={p} onError={setError} />
      <div class="status">
        <StageSelect
          prospectId={p.id}
          stages={detail.stages}
          value={detail.stage?.key ?? ''}
          lostReasons={detail.lostReasons ?? null}
          onError={setError}
        />
        <span class="stage-name" data-stage={detail.stage?.key}>
          {detail.stage ? stageLabel(detail.stage.key, detail.stage.name) : ''}
        </span>
        <ScoreBadge score={p.score} breakdown={p.scoreBreakdown} />
        {detail.stalled && (
          <span class="stalled" data-stalled="true">
            {t('stalledTitle', String(detail.silenceDays))}
          </span>
        )}
      </div>
      <DealFields prospect={p} stage={detail.stage} onError={setError} />
      <ErrorNote error={error} />
      <CadencePanel detail={detail} />
      <FollowUps prospectId={p.id} items={detail.followUps} closed={detail.stage ? detail.stage.kind !== 'open' : false} />
      <TouchLog prospectId={p.id} touches={detail.touches} />
      <SqlGate detail={detail} />
      <ScoreAdjust prospect={p} />
    </article>
  );
}
