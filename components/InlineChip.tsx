import type { PersonView } from '../lib/messaging/types';
import { formatDue } from './format';
import { stageLabel, t } from './i18n';

export type ChipState =
  | { kind: 'loading' }
  | { kind: 'new'; busy: boolean; error: string | null }
  | { kind: 'tracked'; person: PersonView }
  | { kind: 'error'; message: string };

export function InlineChip({ state, onAdd }: { state: ChipState; onAdd: () => void }) {
  if (state.kind === 'loading')
    return (
      <span class="chip muted" aria-busy="true">
        Jalur…
      </span>
    );
  if (state.kind === 'error')
    return (
      <span class="chip error" role="status">
        {state.message}
      </span>
    );
  if (state.kind === 'new') {
    return (
      <span class="chip">
        <button type="button" class="add" onClick={onAdd} disabled={state.busy} aria-label={t('addToPipeline')}>
          + {t('addToPipeline')}
        </button>
        {state.error && (
          <span class="error" role="alert">
            {state.error}
          </span>
        )}
      </span>
    );
  }
  const p = state.person;
  const next = p.nextFollowUp;
  return (
    <span class="chip" data-stage={p.stageKey}>
      <span class="stage">{stageLabel(p.stageKey, p.stageName)}</span>
      <span class="score" title={t('scoreTitle')}>
        {t('scoreShort', String(p.score))}
      </span>
      {next && (
        <span class={next.overdue ? 'next overdue' : 'next'} title={next.title}>
          {next.overdue ? t('overdueShort', formatDue(next.dueAt)) : t('nextShort', formatDue(next.dueAt))}
        </span>
      )}
      {p.stalled && (
        <span class="stalled" data-stalled="true" title={t('stalledTitle', String(p.silenceDays))}>
          {t('stalledShort', String(p.silenceDays))}
        </span>
      )}
    </span>
  );
}
