import { useEffect, useState } from 'preact/hooks';
import type { TeamSettings } from '../../../lib/model/settings';
import { send } from '../../shared/api';
import { ErrorNote } from '../../ui/ErrorNote';
import { Field } from '../../ui/Field';
import { t } from '../../shared/i18n';
import { useStoreVersion } from '../../shared/useStoreVersion';
import { money } from './format';
import { periodFor } from './period';

// Same rule as TargetPeriod in lib/model/settings.ts, checked here to word the mistake before a round trip.
const PERIOD = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

/** The team's value targets by period (year, quarter, month): what insights measure the forecast against. */
export function TargetsEditor() {
  const [settings, setSettings] = useState<TeamSettings | null>(null);
  const [canEdit, setCanEdit] = useState(false);
  const [period, setPeriod] = useState(() => periodFor('quarter', new Date())?.targetPeriod ?? '');
  const [value, setValue] = useState('');
  const [currency, setCurrency] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const version = useStoreVersion();
  useEffect(() => {
    send({ type: 'settings' })
      .then((r) => {
        setSettings(r.settings);
        setCanEdit(r.canEdit);
      })
      .catch((e: Error) => setError(e.message));
  }, [version]);

  async function save(targets: TeamSettings['targets']) {
    if (!settings) return;
    setBusy(true);
    setError(null);
    try {
      await send({ type: 'saveSettings', settings: { ...settings, targets } });
      setSettings({ ...settings, targets });
      setValue('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  function add(e: Event) {
    e.preventDefault();
    if (!settings) return;
    const p = period.trim().toUpperCase();
    const v = Number(value);
    const cur = (currency.trim() || settings.defaultCurrency).toUpperCase();
    if (!PERIOD.test(p)) return setError(t('targetBadPeriod'));
    if (value.trim() === '' || !Number.isFinite(v) || v < 0) return setError(t('targetBadValue'));
    if (!/^[A-Z]{3}$/.test(cur)) return setError(t('targetBadCurrency'));
    void save({ ...settings.targets, [p]: { value: v, currency: cur } });
  }

  const entries = settings ? Object.entries(settings.targets).sort(([a], [b]) => b.localeCompare(a)) : [];
  return (
    <section aria-labelledby="targets-h" class="targets">
      <h2 id="targets-h">{t('targetsHeading')}</h2>
      <p class="muted">{t('targetsHint')}</p>
      {entries.length === 0 ? (
        <p class="muted">{t('targetsNone')}</p>
      ) : (
        <table>
          <tbody>
            {entries.map(([p, target]) => (
              <tr key={p} data-period={p}>
                <th scope="row">{p}</th>
                <td>{money(target.value, target.currency)}</td>
                {canEdit && (
                  <td>
                    <button
                      type="button"
                      class="link"
                      disabled={busy}
                      aria-label={t('targetRemove', p)}
                      onClick={() => settings && void save(Object.fromEntries(Object.entries(settings.targets).filter(([k]) => k !== p)))}
                    >
                      {t('targetRemoveShort')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {settings && !canEdit && <p class="muted">{t('targetsReadOnly')}</p>}
      {settings && canEdit && (
        <form class="form row" onSubmit={add}>
          <Field label={t('targetPeriod')}>
            {(id) => <input id={id} value={period} maxLength={7} placeholder="2026-Q4" onInput={(e) => setPeriod(e.currentTarget.value)} />}
          </Field>
          <Field label={t('targetValue')}>
            {(id) => <input id={id} type="number" min={0} step="any" value={value} onInput={(e) => setValue(e.currentTarget.value)} />}
          </Field>
          <Field label={t('targetCurrency')}>
            {(id) => (
              <input
                id={id}
                value={currency}
                maxLength={3}
                placeholder={settings.defaultCurrency}
                onInput={(e) => setCurrency(e.currentTarget.value)}
              />
            )}
          </Field>
          <button type="submit" disabled={busy}>
            {t('targetSet')}
          </button>
        </form>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
