import { Component } from 'preact';
import type { PersonView } from '../../lib/messaging/types';
import { ChipMenu } from './actions/ChipMenu';
import type { ActionSite } from './actions/logic';
import { formatDue } from '../shared/format';
import { stageLabel, t } from '../shared/i18n';

export type ChipState =
  | { kind: 'loading' }
  | { kind: 'new'; busy: boolean; error: string | null }
  | { kind: 'tracked'; person: PersonView; log?: 'ready' | 'busy' | 'done' | { error: string } }
  | { kind: 'error'; message: string };

export interface ChipActions {
  onAdd: () => void;
  /** Present where the page shows a message that can be logged as a touch (mail, LinkedIn messaging). */
  onLog?: () => void;
  /** The log button's words where it logs something other than an e-mail (before, after). */
  logText?: { ready: string; done: string };
  /** The page the chip is on: a touch logged from it starts on that site's channel. */
  site?: ActionSite;
}

/**
 * The chip and, beside it, a polite live region that stays across its states, so "added" and what a
 * quick action changed are read out. After the rep clips someone here, focus moves to the new chip's
 * Actions button (the Add button it was on is gone). A class component: no hooks library on pages.
 */
export class InlineChip extends Component<{ state: ChipState; actions: ChipActions }, { said?: string }> {
  clipping = false;
  focusActions = { current: false };
  say = (said: string) => this.setState({ said });

  render({ state, actions }: { state: ChipState; actions: ChipActions }) {
    if (state.kind === 'new') this.clipping = state.busy;
    else if (state.kind === 'error') this.clipping = false;
    else if (state.kind === 'tracked' && this.clipping) {
      this.clipping = false;
      this.focusActions.current = true;
      // Read out once this render is on the page (the region must hold the new text after it exists).
      const said = t('chipAdded', stageLabel(state.person.stageKey, state.person.stageName));
      queueMicrotask(() => this.say(said));
    }
    return (
      <>
        <ChipBody state={state} actions={actions} say={this.say} focusActions={this.focusActions} />
        <span class="sr-only" aria-live="polite">
          {this.state.said}
        </span>
      </>
    );
  }
}

function ChipBody({
  state,
  actions,
  say,
  focusActions,
}: {
  state: ChipState;
  actions: ChipActions;
  say: (s: string) => void;
  focusActions: { current: boolean };
}) {
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
      {p.ownerName && <span class="owner">{t('chipOwner', p.ownerName)}</span>}
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
        <button type="button" class="add" onClick={actions.onLog} disabled={log === 'busy' || log === 'done'}>
          {log === 'done' ? (actions.logText?.done ?? t('emailLogged')) : (actions.logText?.ready ?? t('logEmail'))}
        </button>
      )}
      {log && typeof log === 'object' && (
        <span class="error" role="alert">
          {log.error}
        </span>
      )}
      <ChipMenu person={p} site={actions.site ?? 'linkedin'} say={say} focusButton={focusActions} />
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
