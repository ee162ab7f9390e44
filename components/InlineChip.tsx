import type { PersonView } from '../lib/messaging/types';
import { formatDue } from './format';
import { stageLabel, t } from './i18n';

export type ChipState =
  | { kind: 'loading' }
  | { kind: 'new'; busy: boolean; error: string | null }
  | { kind: 'tracked'; person: PersonView; log?: 'ready' | 'busy' | 'done' | { error: string } }
  | { kind: 'error'; message: string };

export interface ChipActions {
  onAdd: () => void;
  /** Present where the page shows a message that can be logged as a touch (mail). */
  onLog?: () => void;
}

export function InlineChip({ state, actions }: { state: ChipState; actions: ChipActions }) {
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
        <button type="button" class="add" onClick={actions.onAdd} disabled={state.busy} aria-label={t('addToPipeline')}>
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
  const log = state.log;
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
      {log && actions.onLog && (
        <button type="button" class="add" onClick={actions.onLog} disabled={log !== 'ready'}>
          {log === 'done' ? t('emailLogged') : t('logEmail')}
        </button>
      )}
      {log && typeof log === 'object' && (
        <span class="error" role="alert">
          {log.error}
        </span>
      )}
    </span>
  );
}

/** The small stage marker beside a message-list row whose sender is in the pipeline. */
export function StageMark({ person }: { person: PersonView }) {
  return (
    <span class="mark" data-stage={person.stageKey} title={`${person.name} · ${t('scoreShort', String(person.score))}`}>
      {stageLabel(person.stageKey, person.stageName)}
    </span>
  );
}
