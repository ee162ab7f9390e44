import { useEffect, useState } from 'preact/hooks';
import { currencyInput } from '../../lib/model/money';
import { send } from '../shared/api';
import { t } from '../shared/i18n';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';
import { useTeamSettings } from './useTeamSettings';

/**
 * The team's default currency (local mode has one too): new deals start in it, and a deal value
 * without a currency counts in it. Totals stay per currency everywhere, so changing it converts nothing.
 */
export function CurrencySetting() {
  const { settings, canEdit, error: loadError } = useTeamSettings();
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (settings) setCode(settings.defaultCurrency);
  }, [settings?.defaultCurrency]);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!settings) return;
    setSaved(false);
    const next = currencyInput(code);
    setInvalid(next === null);
    if (next === null) return (e.currentTarget as HTMLFormElement).querySelector('input')?.focus();
    setBusy(true);
    setError(null);
    try {
      await send({ type: 'saveSettings', settings: { ...settings, defaultCurrency: next } });
      setCode(next);
      setSaved(true);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="currency-h" class="playbook-editor currency-setting">
      <h2 id="currency-h">{t('currencyHeading')}</h2>
      <form class="form row" onSubmit={(e) => void save(e)}>
        <Field label={t('currencyDefault')} hint={t('currencyDefaultHint')} error={invalid ? t('currencyDefaultBad') : null}>
          {(id, aria) => (
            <input
              id={id}
              {...aria}
              value={code}
              size={5}
              maxLength={3}
              // A three-letter code: a short box says so better than a full-width one.
              style={{ inlineSize: '7em' }}
              autocomplete="off"
              spellcheck={false}
              disabled={!settings || !canEdit}
              onInput={(e) => {
                setCode(e.currentTarget.value);
                setSaved(false);
              }}
            />
          )}
        </Field>
        {canEdit && (
          <button type="submit" disabled={busy || !settings}>
            {t('currencyDefaultSave')}
          </button>
        )}
      </form>
      {settings && !canEdit && <p class="muted">{t('currencyDefaultAdmins')}</p>}
      {saved && <p role="status">{t('currencyDefaultSaved')}</p>}
      <ErrorNote error={error ?? loadError} />
    </section>
  );
}
