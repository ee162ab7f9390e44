import { useEffect, useRef } from 'preact/hooks';
import type { BoardCard, BoardStage } from '../../../lib/pipeline/board';
import { stageLabel, t } from '../../shared/i18n';

export type Prompt = { kind: 'pick'; card: BoardCard } | { kind: 'confirm'; card: BoardCard; stage: BoardStage };

/**
 * Above the columns, in place (no native dialog: nothing hidden from assistive tech): the stages a
 * card can move to, or the question a move past qualification without SQL asks. Focus lands in it
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
  onMove: (card: BoardCard, stage: BoardStage, confirmed: boolean) => void;
  onCancel: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    (prompt.kind === 'pick' ? el?.querySelector<HTMLElement>('button:not([disabled])') : el)?.focus();
  }, [prompt]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    onCancel();
  };
  const { card } = prompt;
  if (prompt.kind === 'confirm') {
    return (
      <div class="board-prompt confirm" role="alert" tabIndex={-1} ref={box} onKeyDown={onKeyDown}>
        <p>
          <strong>{card.name}</strong> — {t('sqlConfirmMove', stageLabel(prompt.stage.key, prompt.stage.name))}
        </p>
        <button type="button" onClick={() => onMove(card, prompt.stage, true)}>
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
