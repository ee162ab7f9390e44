import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { RETENTION_CHOICES, RETENTION_KEY } from '../../lib/store/retention';
import { t } from '../shared/i18n';
import { ErrorNote } from '../ui/ErrorNote';

/** Optional retention: erase prospects lost for longer than N months (off by default). Per browser. */
export function RetentionPref() {
  const id = useId();
  const [months, setMonths] = useState<number | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const read = (v: unknown) => setMonths(typeof v === 'number' && (RETENTION_CHOICES as readonly number[]).includes(v) ? v : null);
    browser.storage.local
      .get(RETENTION_KEY)
      .then((r) => read(r[RETENTION_KEY]))
      .catch((e: Error) => setError(e.message));
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && RETENTION_KEY in changes) read(changes[RETENTION_KEY]!.newValue);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return (
    <section aria-labelledby="retention-h" class="playbook-editor">
      <h2 id="retention-h">{t('retentionHeading')}</h2>
      <p class="field">
        <label for={id}>{t('retentionLabel')}</label>
        <select
          id={id}
          value={months === null || months === undefined ? '' : String(months)}
          disabled={months === undefined}
          onChange={(e) => {
            const v = e.currentTarget.value;
            const next = v === '' ? null : Number(v);
            setMonths(next);
            browser.storage.local.set({ [RETENTION_KEY]: next }).catch((err: Error) => setError(err.message));
          }}
        >
          <option value="">{t('retentionOff')}</option>
          {RETENTION_CHOICES.map((m) => (
            <option key={m} value={String(m)}>
              {t('retentionMonths', String(m))}
            </option>
          ))}
        </select>
      </p>
      <p class="muted">{t('retentionHelp')}</p>
      <ErrorNote error={error} />
    </section>
  );
}
