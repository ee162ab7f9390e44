import { useEffect, useState } from 'preact/hooks';
import type { Prospect, Stage } from '../../../lib/model';
import { send } from '../../shared/api';
import { Field } from '../../ui/Field';
import { t } from '../../shared/i18n';
import { showMoney } from '../../shared/money';
import { useDefaultCurrency } from '../../shared/useDefaultCurrency';

/** The deal: its value and currency (open value and forecast read them), and why it was lost. */
export function DealFields({ prospect, stage, onError }: { prospect: Prospect; stage: Stage | null; onError: (m: string) => void }) {
  const [value, setValue] = useState(prospect.dealValue === null ? '' : String(prospect.dealValue));
  const [currency, setCurrency] = useState(prospect.currency ?? '');
  const [reason, setReason] = useState(prospect.lostReason ?? '');
  const defaultCurrency = useDefaultCurrency();
  const [saved, setSaved] = useState(false);
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
    const amount = value.trim() === '' ? null : Number(value.replace(',', '.'));
    if (amount !== null && !Number.isFinite(amount)) return onError(t('dealValueInvalid'));
    try {
      await send({
        type: 'update',
        id: prospect.id,
        patch: {
          dealValue: amount,
          currency: currency.trim() ? currency.trim().toUpperCase() : null,
          ...(lost ? { lostReason: reason.trim() || null } : {}),
        },
      });
      setSaved(true);
    } catch (err) {
      onError((err as Error).message);
    }
  };
  return (
    <form class="deal" onSubmit={save} aria-label={t('dealHeading')}>
      <Field inline label={t('dealValue')}>
        {(id) => <input id={id} inputMode="decimal" value={value} onInput={(e) => setValue(e.currentTarget.value)} />}
      </Field>
      <Field inline label={t('dealCurrency')}>
        {(id) => (
          <input id={id} size={4} maxLength={3} placeholder={defaultCurrency ?? ''} value={currency} onInput={(e) => setCurrency(e.currentTarget.value)} />
        )}
      </Field>
      {lost && (
        <Field label={t('lostReason')}>
          {(id) => <textarea id={id} maxLength={500} rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
      )}
      <button type="submit">{t('dealSave')}</button>
      {prospect.dealValue !== null && defaultCurrency && (
        <span class="muted deal-amount" data-amount={prospect.dealValue}>
          {showMoney({ currency: prospect.currency ?? defaultCurrency, amount: prospect.dealValue })}
        </span>
      )}
      {saved && <span role="status">{t('dealSaved')}</span>}
    </form>
  );
}
