import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ErrorNote } from '../ui/ErrorNote';
import { t } from '../shared/i18n';

/** Read by the background before it shows the due summary. Per browser, never synced: a personal choice. */
export const NOTIFY_DUE_KEY = 'notifyDue';

/** Desktop notifications when follow-ups fall due: on unless the rep turns them off. */
export function NotificationsPref() {
  const id = useId();
  const [on, setOn] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const read = (value: unknown) => setOn(value !== false);
    browser.storage.local
      .get(NOTIFY_DUE_KEY)
      .then((r) => read(r[NOTIFY_DUE_KEY]))
      .catch((e: Error) => setError(e.message));
    // Another options tab may change it too.
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && NOTIFY_DUE_KEY in changes) read(changes[NOTIFY_DUE_KEY]!.newValue);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return (
    <section aria-labelledby="notify-h" class="playbook-editor">
      <h2 id="notify-h">{t('notifyHeading')}</h2>
      <p class="field inline">
        <input
          id={id}
          type="checkbox"
          checked={on ?? true}
          disabled={on === null}
          onChange={(e) => {
            const value = e.currentTarget.checked;
            setOn(value);
            browser.storage.local.set({ [NOTIFY_DUE_KEY]: value }).catch((err: Error) => setError(err.message));
          }}
        />
        <label for={id}>{t('notifyDueLabel')}</label>
      </p>
      <p class="muted">{t('notifyDueHint')}</p>
      <ErrorNote error={error} />
    </section>
  );
}
