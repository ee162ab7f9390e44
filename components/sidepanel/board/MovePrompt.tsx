import { useEffect, useRef, useState } from 'preact/hooks';
import type { BoardCard, BoardStage } from '../../../lib/pipeline/board';
import { lostReasonChoices, lostReasonText } from '../../chip/actions/logic';
import { send } from '../../shared/api';
import { stageLabel, t } from '../../shared/i18n';
import { Field } from '../../ui/Field';
import './move-prompt.css';

export type Prompt =
  | { kind: 'pick'; card: BoardCard }
  | { kind: 'confirm'; card: BoardCard; stage: BoardStage; lostReason?: string | null }
  | { kind: 'lost'; card: BoardCard; stage: BoardStage };

/**
 * Above the columns, in place (no native dialog: nothing hidden from assistive tech): the stages a
 * card can move to, the question a move past qualification without SQL asks, or — for a move to a
 * lost stage — why the deal was lost: the team's reasons (the built-in ones when the team has none)
 * and the rep's own words, sent with the move so stage and reason are one change. Focus lands in it
 * when it opens; Escape closes it.
 */
export function MovePrompt({
  prompt,
  stages,
  onMove,
  onCancel,
}: {
  prompt: Prompt;
  stages: BoardStage[];
  onMove: (card: BoardCard, stage: BoardStage, confirmed: boolean, lostReason?: string | null) => void;
  onCancel: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  // Focus the prompt's first control when it opens, once: a re-render with an equal prompt must not
  // pull focus back from the option the rep has moved to (Enter would then pick the wrong stage).
  const opened = `${prompt.kind}:${prompt.card.id}:${prompt.kind === 'pick' ? '' : prompt.stage.id}`;
  useEffect(() => {
    const el = box.current;
    if (el?.contains(document.activeElement) && document.activeElement !== el) return;
    (prompt.kind === 'pick'
      ? el?.querySelector<HTMLElement>('button:not([disabled])')
      : prompt.kind === 'lost'
        ? el?.querySelector<HTMLElement>('input')
        : el
    )?.focus();
  }, [opened]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    onCancel();
  };
  const { card } = prompt;
  if (prompt.kind === 'lost')
    return <LostReasonPrompt card={card} stage={prompt.stage} box={box} onKeyDown={onKeyDown} onMove={onMove} onCancel={onCancel} />;
  if (prompt.kind === 'confirm') {
    return (
      <div class="board-prompt confirm" role="alert" tabIndex={-1} ref={box} onKeyDown={onKeyDown}>
        <p>
          <strong>{card.name}</strong> — {t('sqlConfirmMove', stageLabel(prompt.stage.key, prompt.stage.name))}
        </p>
        <button type="button" onClick={() => onMove(card, prompt.stage, true, prompt.lostReason)}>
          {t('sqlConfirmMoveYes')}
        </button>
        <button type="button" class="link" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    );
  }
  return (
    <div class="board-prompt" role="group" aria-label={t('boardMoveTo', card.name)} ref={box} onKeyDown={onKeyDown}>
      <p aria-hidden="true">{t('boardMoveTo', card.name)}</p>
      <div class="board-prompt-stages">
        {stages.map((s) => (
          <button
            type="button"
            key={s.id}
            data-stage={s.key}
            disabled={s.id === card.stageId}
            aria-current={s.id === card.stageId ? 'true' : undefined}
            onClick={() => onMove(card, s, false)}
          >
            {stageLabel(s.key, s.name)}
          </button>
        ))}
        <button type="button" class="link" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}

/** The team's lost reasons, read when the question opens (a teammate's change to the list applies at once). */
function useLostReasons(): string[] | null | undefined {
  const [reasons, setReasons] = useState<string[] | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    send({ type: 'settings' })
      .then((r) => live && setReasons(r.settings.lostReasons ?? null))
      // Without the team's list the built-in reasons still let the rep say why.
      .catch(() => live && setReasons(null));
    return () => void (live = false);
  }, []);
  return reasons;
}

function LostReasonPrompt({
  card,
  stage,
  box,
  onKeyDown,
  onMove,
  onCancel,
}: {
  card: BoardCard;
  stage: BoardStage;
  box: { current: HTMLDivElement | null };
  onKeyDown: (e: KeyboardEvent) => void;
  onMove: (card: BoardCard, stage: BoardStage, confirmed: boolean, lostReason?: string | null) => void;
  onCancel: () => void;
}) {
  const reasons = useLostReasons();
  // Focus the first choice once the list is there (the effect above ran while it was loading).
  useEffect(() => {
    if (reasons !== undefined) box.current?.querySelector<HTMLElement>('input')?.focus();
  }, [reasons !== undefined]);
  return (
    <div class="board-prompt lost" ref={box} onKeyDown={onKeyDown}>
      <form
        aria-label={t('boardLostAsk', card.name)}
        onSubmit={(e) => {
          e.preventDefault();
          const f = e.currentTarget as HTMLFormElement;
          const picked = (f.elements.namedItem('lost') as RadioNodeList | null)?.value ?? '';
          const words = (f.elements.namedItem('words') as HTMLInputElement | null)?.value ?? '';
          onMove(card, stage, false, lostReasonText(picked, words));
        }}
      >
        <fieldset>
          <legend>
            <strong>{card.name}</strong> — {t('lostAsk')}
          </legend>
          {reasons === undefined ? (
            <p class="muted">{t('loading')}</p>
          ) : (
            lostReasonChoices(reasons).map((c) => (
              <label key={c.value} class="qa-radio">
                <input type="radio" name="lost" value={c.value} />
                {c.label}
              </label>
            ))
          )}
        </fieldset>
        <Field label={t('lostOther')}>{(fid) => <input id={fid} name="words" type="text" maxLength={400} />}</Field>
        <button type="submit">{t('lostConfirm')}</button>
        <button type="button" class="link" onClick={onCancel}>
          {t('cancel')}
        </button>
      </form>
    </div>
  );
}
