// The quick actions on a tracked person, shared by the inline chip (inside its menu) and the popup:
// log a touch, add a follow-up from a preset, change the stage (asking for a lost reason, and first
// when the move skips the SQL gate). Each panel reports what it did as one sentence, which the
// caller announces. Requests go through `ask` (no throw), and only those a content script may send.
// Written small on purpose: it ships in every content script (20 KB gzipped budget), so these are
// class components (Preact's core) rather than hooks, which would add a library to every page.
import { Component, createRef, type ComponentChildren } from 'preact';
import type { Reply, Request, RequestType, StageOption } from '../../../lib/messaging/types';
import { FOLLOW_UP_PRESETS, presetDue } from '../../../lib/pipeline/follow-up-presets';
import { ask } from '../../shared/api';
import { formatDue, fromLocalInput, toLocalInput } from '../../shared/format';
import { stageLabel, t, type MessageKey } from '../../shared/i18n';
import { logChoiceLabel, logChoiceOf, logChoices, lostReasonChoices, lostReasonText, type ActionSite, type LogChoice } from './logic';

export interface PanelProps {
  prospectId: string;
  /** One sentence saying what changed, for the live region; the caller closes the panel. */
  onDone: (said: string) => void;
  onCancel: () => void;
}

/**
 * A field's value as the form holds it at submit. The fields are uncontrolled: what the rep (or the
 * browser's own picker) put in them counts, with no state to fall out of step.
 */
export const field = (form: HTMLFormElement, name: string): string =>
  (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? '';

let ids = 0;

interface Busy {
  busy?: boolean;
  error?: string | null;
}

/** A panel: busy and error state, and `run` to send one request and act on its answer. */
abstract class Panel<P, S> extends Component<P & PanelProps, S & Busy> {
  /** A prefix for this panel's element ids (several chips share one page). */
  id = `jalur-qa${++ids}-`;

  async run<T extends RequestType>(req: Extract<Request, { type: T }>, then: (data: Extract<Reply<T>, { ok: true }>['data']) => void) {
    // A second click while the first is on its way does nothing. Buttons are not disabled meanwhile:
    // a disabled button loses focus, which would close the chip's menu under the rep.
    if (this.state.busy) return;
    this.setState({ busy: true } as S & Busy);
    const r = await ask(req);
    this.setState({ busy: false, error: r.ok ? null : r.error } as S & Busy);
    if (r.ok) then(r.data);
  }

  /** Its frame: the fields, the error, and the submit (when there is one) and Cancel buttons. */
  frame(label: string, submit: string | null, onSubmit: (form: HTMLFormElement) => void, children: ComponentChildren, key?: string) {
    return (
      <Frame
        key={key}
        label={label}
        submit={submit}
        busy={!!this.state.busy}
        error={this.state.error ?? null}
        onSubmit={onSubmit}
        onCancel={this.props.onCancel}
      >
        {children}
      </Frame>
    );
  }
}

/** Focus goes to the frame's first control when it appears, so keyboard users land in it. */
class Frame extends Component<{
  label: string;
  submit: string | null;
  busy: boolean;
  error: string | null;
  onSubmit: (form: HTMLFormElement) => void;
  onCancel: () => void;
  children: ComponentChildren;
}> {
  form = createRef<HTMLFormElement>();

  override componentDidMount() {
    this.form.current?.querySelector<HTMLElement>('input,select,button:not([disabled])')?.focus();
  }

  render() {
    const p = this.props;
    return (
      <form
        ref={this.form}
        class="qa-panel"
        onSubmit={(e) => {
          e.preventDefault();
          p.onSubmit(e.currentTarget as HTMLFormElement);
        }}
      >
        {p.children}
        {p.error && (
          <p class="qa-error" role="alert">
            {p.error}
          </p>
        )}
        <div class="qa-buttons">
          {p.submit && (
            <button type="submit" class="qa-primary" aria-disabled={p.busy}>
              {p.submit}
            </button>
          )}
          <button type="button" class="qa-link" onClick={p.onCancel}>
            {t('cancel')}
          </button>
        </div>
      </form>
    );
  }
}

/**
 * Log touch: the page's channel first, then what the rep did on the person's post (Liked, Commented on,
 * Shared their post: a social-engagement touch with its kind, always from the rep, so no direction is
 * asked), then the other channels.
 */
export class LogTouchPanel extends Panel<{ site: ActionSite }, { choice?: string }> {
  render() {
    const { prospectId, onDone, site } = this.props;
    const { first, engagements, others } = logChoices(site);
    const chosen = logChoiceOf(this.state.choice ?? first.value) ?? first;
    const save = (f: HTMLFormElement) => {
      const c = logChoiceOf(field(f, 'channel')) ?? first;
      void this.run(
        {
          type: 'logTouch',
          prospectId,
          channel: c.channel,
          direction: c.engagement ? 'out' : (field(f, 'direction') as 'out' | 'in'),
          note: field(f, 'note').trim() || null,
          ...(c.engagement ? { engagement: c.engagement } : {}),
        },
        () => onDone(t('chipTouchLogged', logChoiceLabel(c))),
      );
    };
    const option = (c: LogChoice) => (
      <option value={c.value} selected={c.value === chosen.value}>
        {logChoiceLabel(c)}
      </option>
    );
    return this.frame(
      t('logTouch'),
      t('logTouch'),
      save,
      <>
        <label for={this.id + 'c'}>{t('fieldChannel')}</label>
        <select id={this.id + 'c'} name="channel" onChange={(e) => this.setState({ choice: (e.currentTarget as HTMLSelectElement).value })}>
          {option(first)}
          <optgroup label={t('channel_social_engagement')}>{engagements.map(option)}</optgroup>
          <optgroup label={t('chipOtherChannels')}>{others.map(option)}</optgroup>
        </select>
        {!chosen.engagement && (
          <>
            <label for={this.id + 'd'}>{t('fieldDirection')}</label>
            <select id={this.id + 'd'} name="direction">
              <option value="out">{t('directionOut')}</option>
              <option value="in">{t('directionIn')}</option>
            </select>
          </>
        )}
        <label for={this.id + 'n'}>{t('fieldNote')}</label>
        <input id={this.id + 'n'} name="note" type="text" maxLength={2000} />
      </>,
    );
  }
}

const PRESET_LABEL: MessageKey[] = ['presetTomorrow', 'presetIn3Days', 'presetNextWeek'];

export class FollowUpPanel extends Panel<object, { picking?: boolean }> {
  render() {
    const picking = !!this.state.picking;
    const add = (f: HTMLFormElement, dueAt: number) => {
      if (Number.isNaN(dueAt)) return this.setState({ error: t('errorDue') });
      const title = field(f, 'title').trim() || t('followUpDefaultTitle');
      void this.run({ type: 'addFollowUp', prospectId: this.props.prospectId, title, dueAt }, () =>
        this.props.onDone(t('chipFollowUpAdded', formatDue(dueAt))),
      );
    };
    const form = (e: Event) => (e.currentTarget as HTMLButtonElement).form!;
    return this.frame(
      t('addFollowUp'),
      picking ? t('addFollowUp') : null,
      (f) => add(f, fromLocalInput(field(f, 'due'))),
      <>
        <label for={this.id + 't'}>{t('fieldFollowUp')}</label>
        <input id={this.id + 't'} name="title" type="text" maxLength={300} defaultValue={t('followUpDefaultTitle')} />
        <div class="qa-presets">
          {FOLLOW_UP_PRESETS.map((p, i) => (
            <button type="button" onClick={(e) => add(form(e), presetDue(p, Date.now()))}>
              {t(PRESET_LABEL[i]!)}
            </button>
          ))}
          <button type="button" aria-expanded={picking} onClick={() => this.setState({ picking: !picking })}>
            {t('presetPick')}
          </button>
        </div>
        {picking && (
          <>
            <label for={this.id + 'w'}>{t('fieldDue')}</label>
            <input
              id={this.id + 'w'}
              name="due"
              type="datetime-local"
              required
              defaultValue={toLocalInput(presetDue('tomorrow', Date.now()))}
            />
          </>
        )}
      </>,
    );
  }
}

/**
 * Change stage: the stages as buttons (the current one marked); Lost asks why (the team's reasons
 * and free text); a move past qualification without SQL asks first, like the side panel's Stage select.
 */
export class StagePanel extends Panel<
  { stages: StageOption[]; current: string; lostReasons: string[] | null },
  { to?: StageOption; ask?: 'lost' | 'sql'; reason?: string | null }
> {
  move(to: StageOption, confirmed: boolean, reason: string | null) {
    void this.run(
      { type: 'setStage', prospectId: this.props.prospectId, stageKey: to.key, confirmed, ...(reason ? { lostReason: reason } : {}) },
      (d) =>
        d.needsConfirmation
          ? this.setState({ to, ask: 'sql', reason })
          : this.props.onDone(t('chipStageMoved', stageLabel(to.key, to.name))),
    );
  }

  render() {
    const { stages, current, lostReasons } = this.props;
    const to = this.state.to;
    const label = t('chipChangeStage');
    if (to && this.state.ask === 'lost')
      return this.frame(
        label,
        t('lostConfirm'),
        (f) => this.move(to, false, lostReasonText(field(f, 'lost'), field(f, 'words'))),
        <>
          <fieldset class="qa-reasons">
            <legend>{t('lostAsk')}</legend>
            {lostReasonChoices(lostReasons).map((c) => (
              <label class="qa-radio">
                <input type="radio" name="lost" value={c.value} />
                {c.label}
              </label>
            ))}
          </fieldset>
          <label for={this.id + 'o'}>{t('lostOther')}</label>
          <input id={this.id + 'o'} name="words" type="text" maxLength={400} />
        </>,
        'lost',
      );
    if (to)
      return this.frame(
        label,
        t('sqlConfirmMoveYes'),
        () => this.move(to, true, this.state.reason ?? null),
        <p>{t('sqlConfirmMove', stageLabel(to.key, to.name))}</p>,
        'sql',
      );
    return this.frame(
      label,
      null,
      () => undefined,
      <ul class="qa-stages">
        {stages.map((s) => (
          <li>
            <button
              type="button"
              data-key={s.key}
              aria-current={s.key === current ? 'true' : undefined}
              disabled={s.key === current}
              onClick={() => (s.kind === 'lost' ? this.setState({ to: s, ask: 'lost' }) : this.move(s, false, null))}
            >
              {s.key === current ? t('chipCurrentStage', stageLabel(s.key, s.name)) : stageLabel(s.key, s.name)}
            </button>
          </li>
        ))}
      </ul>,
      'list',
    );
  }
}
