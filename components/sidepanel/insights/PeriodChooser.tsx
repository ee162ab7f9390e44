import { Field } from '../../ui/Field';
import { t, type MessageKey } from '../../shared/i18n';
import { PERIOD_CHOICES, type PeriodChoice } from './period';

const NAMES: Record<PeriodChoice, MessageKey> = {
  month: 'insightsThisMonth',
  quarter: 'insightsThisQuarter',
  last90: 'insightsLast90',
  custom: 'insightsCustom',
};

interface Props {
  choice: PeriodChoice;
  onChoice: (c: PeriodChoice) => void;
  custom: { from: string; to: string };
  onCustom: (c: { from: string; to: string }) => void;
  invalid: boolean;
}

export function PeriodChooser({ choice, onChoice, custom, onCustom, invalid }: Props) {
  return (
    <div class="period-chooser">
      <Field label={t('insightsPeriod')}>
        {(id) => (
          <select id={id} value={choice} onChange={(e) => onChoice(e.currentTarget.value as PeriodChoice)}>
            {PERIOD_CHOICES.map((c) => (
              <option key={c} value={c}>
                {t(NAMES[c])}
              </option>
            ))}
          </select>
        )}
      </Field>
      {choice === 'custom' && (
        <div class="custom-range">
          <Field label={t('insightsFrom')}>
            {(id) => (
              <input
                id={id}
                type="date"
                value={custom.from}
                max={custom.to}
                onChange={(e) => onCustom({ ...custom, from: e.currentTarget.value })}
              />
            )}
          </Field>
          <Field label={t('insightsTo')}>
            {(id) => (
              <input
                id={id}
                type="date"
                value={custom.to}
                min={custom.from}
                onChange={(e) => onCustom({ ...custom, to: e.currentTarget.value })}
              />
            )}
          </Field>
          {invalid && (
            <p class="error" role="alert">
              {t('insightsBadRange')}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
