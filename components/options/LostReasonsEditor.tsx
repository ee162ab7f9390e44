import { useState } from 'preact/hooks';
import { DEFAULT_LOST_REASONS } from '../../lib/model/lost-reasons';
import { send } from '../shared/api';
import { t, type MessageKey } from '../shared/i18n';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';
import { checkNewReason, moveReason, type LostReasonProblem } from './lost-reasons-draft';
import { useTeamSettings } from './useTeamSettings';
import './team-settings.css';

const PROBLEM: Record<LostReasonProblem, MessageKey> = {
  empty: 'lostReasonsEmpty',
  tooLong: 'lostReasonsTooLong',
  duplicate: 'lostReasonsDuplicate',
  tooMany: 'lostReasonsTooMany',
};

/**
 * The team's lost reasons: what a rep picks from when a deal is lost (chip, popup, person, board),
 * in this order, before adding their own words. With no list of its own the team uses the built-in
 * reasons, each in the rep's language. Owners and admins change it; it syncs to every teammate.
 */
export function LostReasonsEditor() {
  const { settings, canEdit, error: loadError } = useTeamSettings();
  const [draft, setDraft] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const own = settings?.lostReasons ?? [];

  async function save(lostReasons: string[], message: string): Promise<boolean> {
    if (!settings) return false;
    setBusy(true);
    setSaveError(null);
    try {
      await send({ type: 'saveSettings', settings: { ...settings, lostReasons } });
      setSaid(message);
      return true;
    } catch (e) {
      setSaveError((e as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  }

  const add = async (e: Event) => {
    e.preventDefault();
    const checked = checkNewReason(draft, own);
    if (!checked.ok) return setFieldError(t(PROBLEM[checked.problem]));
    setFieldError(null);
    if (await save([...own, checked.reason], t('lostReasonsAdded', checked.reason))) setDraft('');
  };

  return (
    <section aria-labelledby="lost-reasons-h" class="playbook-editor lost-reasons">
      <h2 id="lost-reasons-h">{t('lostReasonsHeading')}</h2>
      <p class="muted">{t('lostReasonsHint')}</p>
      <ErrorNote error={loadError} />
      {settings && !canEdit && <p>{t('playbookOwnersOnly')}</p>}
      <p class="visually-hidden" aria-live="polite">
        {said}
      </p>
      {settings && own.length === 0 ? (
        <>
          <p>{t('lostReasonsBuiltIn')}</p>
          <ul class="lost-reasons-list builtin">
            {DEFAULT_LOST_REASONS.map((k) => (
              <li key={k}>{t(`lostReason_${k}` as MessageKey)}</li>
            ))}
          </ul>
        </>
      ) : (
        <ol class="lost-reasons-list" aria-label={t('lostReasonsHeading')}>
          {own.map((r, i) => (
            <li key={r}>
              <span class="reason">{r}</span>
              {canEdit && (
                <span class="row-actions">
                  <button
                    type="button"
                    class="link"
                    disabled={busy || i === 0}
                    aria-label={t('lostReasonsUp', r)}
                    onClick={() => void save(moveReason(own, i, -1), t('lostReasonsMoved', r))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    class="link"
                    disabled={busy || i === own.length - 1}
                    aria-label={t('lostReasonsDown', r)}
                    onClick={() => void save(moveReason(own, i, 1), t('lostReasonsMoved', r))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    class="link"
                    disabled={busy}
                    aria-label={t('lostReasonsRemove', r)}
                    onClick={() =>
                      void save(
                        own.filter((x) => x !== r),
                        t('lostReasonsRemoved', r),
                      )
                    }
                  >
                    {t('lostReasonsRemoveBtn')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {canEdit && settings && (
        <form class="lost-reasons-add" onSubmit={(e) => void add(e)} aria-busy={busy}>
          <Field label={t('lostReasonsNew')} error={fieldError ?? saveError}>
            {(id, aria) => (
              <input
                id={id}
                type="text"
                value={draft}
                maxLength={400}
                {...aria}
                onInput={(e) => {
                  setDraft((e.currentTarget as HTMLInputElement).value);
                  setFieldError(null);
                }}
              />
            )}
          </Field>
          <button type="submit" disabled={busy}>
            {t('lostReasonsAdd')}
          </button>
          {own.length > 0 && (
            <button type="button" class="link" disabled={busy} onClick={() => void save([], t('lostReasonsReset'))}>
              {t('lostReasonsUseBuiltIn')}
            </button>
          )}
        </form>
      )}
    </section>
  );
}
