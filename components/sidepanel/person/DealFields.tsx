import { useEffect, useRef, useState } from 'preact/hooks';
import type { Prospect, Stage } from '../../../lib/model';
import { send } from '../../shared/api';
import { Field } from '../../ui/Field';
import { ErrorNote } from '../../ui/ErrorNote';
import { t } from '../../shared/i18n';
import { showMoney } from '../../shared/money';
import { useDefaultCurrency } from '../../shared/useDefaultCurrency';
import { parseDeal } from './deal-input';

/**
 * The deal: its value and currency (open value and forecast read them), and why it was lost.
 * A wrong entry is said on its field, and that field takes focus.
 */
export function DealFields({ prospect, stage }: { prospect: Prospect; stage: Stage | null }) {
  const [value, setValue] = useState(prospect.dealValue === null ? '' : String(prospect.dealValue));
  const [currency, setCurrency] = useState(prospect.currency ?? '');
  const [reason, setReason] = useState(prospect.lostReason ?? '');
  const defaultCurrency = useDefaultCurrency();
  const [saved, setSaved] = useState(false);
  const [fieldError, setFieldError] = useState<{ field: 'value' | 'currency'; message: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const valueRef = useRef<HTMLInputElement>(null);
  const currencyRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setValue(prospect.dealValue === null ? '' : String(prospect.dealValue));
    setCurrency(prospect.currency ?? '');
    setReason(prospect.lostReason ?? '');
  }, [prospect.id, prospect.dealValue, prospect.currency, prospect.lostReason]);
  // A new deal starts in the team's default currency (options); a rep may still type another.
  useEffect(() => {
    if (prospect.currency === null && defaultCurrency) setCurrency((c) => c || defaultCurrency);
  }, [prospect.id, prospect.currency, defaultCurrency]);
  const lost = stage?.kind === 'lost';
  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    setError(null);
    const input = parseDeal(value, currency);
    if (!input.ok) {
      setFieldError({ field: input.field, message: t(input.error) });
      (input.field === 'value' ? valueRef : currencyRef).current?.focus();
      return;
    }
    setFieldError(null);
    try {
      await send({
        type: 'update',
        id: prospect.id,
        patch: { dealValue: input.dealValue, currency: input.currency, ...(lost ? { lostReason: reason.trim() || null } : {}) },
      });
      setSaved(true);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form class="deal" onSubmit={save} noValidate>
      <div class="deal-row">
        <Field label={t('dealValue')} error={fieldError?.field === 'value' ? fieldError.message : null}>
          {(id, aria) => (
            <input ref={valueRef} id={id} inputMode="decimal" value={value} {...aria} onInput={(e) => setValue(e.currentTarget.value)} />
          )}
        </Field>
        <Field label={t('dealCurrency')} error={fieldError?.field === 'currency' ? fieldError.message : null}>
          {(id, aria) => (
            <input
              ref={currencyRef}
              id={id}
              size={4}
              maxLength={3}
              placeholder={defaultCurrency ?? ''}
              value={currency}
              {...aria}
              onInput={(e) => setCurrency(e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      {lost && (
        <Field label={t('lostReason')}>
          {(id) => <textarea id={id} maxLength={500} rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
      )}
      <div class="form-actions">
        <button type="submit">{t('dealSave')}</button>
        {prospect.dealValue !== null && defaultCurrency && (
          <span class="muted deal-amount" data-amount={prospect.dealValue}>
            {showMoney({ currency: prospect.currency ?? defaultCurrency, amount: prospect.dealValue })}
          </span>
        )}
        {saved && <span role="status">{t('dealSaved')}</span>}
      </div>
      <ErrorNote error={error} />
    </form>
  );
}
