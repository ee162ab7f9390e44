import { useState } from 'preact/hooks';
import { DEFAULT_DUE_RULE, type DueRule } from '../../lib/pipeline/cadence';
import { send } from '../shared/api';
import { t, type MessageKey } from '../shared/i18n';
import { ErrorNote } from '../ui/ErrorNote';
import { useTeamSettings } from './useTeamSettings';
import './team-settings.css';

const RULES: ReadonlyArray<{ rule: DueRule; label: MessageKey; hint: MessageKey }> = [
  { rule: 'endOfDay', label: 'dueRuleEndOfDay', hint: 'dueRuleEndOfDayHint' },
  { rule: 'exactTime', label: 'dueRuleExactTime', hint: 'dueRuleExactTimeHint' },
];

/**
 * When a cadence step counts as late, for the whole team: by the end of its day in the rep's time
 * zone (the default: enrolling never makes step 1 overdue on the spot), or at its exact time.
 * Applies to steps scheduled from now on. Owners and admins change it; it syncs to every teammate.
 */
export function DueRulePref() {
  const { settings, canEdit, error: loadError } = useTeamSettings();
  const [picked, setPicked] = useState<DueRule | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const current = picked ?? settings?.dueRule ?? DEFAULT_DUE_RULE;

  async function choose(rule: DueRule) {
    if (!settings || rule === current) return;
    setPicked(rule);
    setBusy(true);
    setError(null);
    try {
      await send({ type: 'saveSettings', settings: { ...settings, dueRule: rule } });
    } catch (e) {
      setPicked(null);
      setError(t('dueRuleNotSaved', (e as Error).message));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="due-rule-h" class="playbook-editor due-rule">
      <h2 id="due-rule-h">{t('dueRuleHeading')}</h2>
      <ErrorNote error={loadError} />
      {settings && !canEdit && <p>{t('playbookOwnersOnly')}</p>}
      <fieldset class="plain" disabled={!settings || !canEdit || busy} aria-describedby={error ? 'due-rule-error' : undefined}>
        <legend>{t('dueRuleLegend')}</legend>
        {RULES.map(({ rule, label, hint }) => (
          <div key={rule} class="due-rule-option">
            <p class="field inline">
              <input
                id={`due-rule-${rule}`}
                type="radio"
                name="due-rule"
                value={rule}
                checked={current === rule}
                aria-describedby={`due-rule-${rule}-hint`}
                onChange={() => void choose(rule)}
              />
              <label for={`due-rule-${rule}`}>{t(label)}</label>
            </p>
            <p id={`due-rule-${rule}-hint`} class="field-hint">
              {t(hint)}
            </p>
          </div>
        ))}
      </fieldset>
      {error && (
        <p id="due-rule-error" class="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
