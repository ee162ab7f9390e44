import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SHOW_ON_LINKEDIN_KEY, showOnLinkedIn } from '../../lib/model/page-prefs';
import { ErrorNote } from '../ui/ErrorNote';
import { t } from '../shared/i18n';

/**
 * "Show Jalur on LinkedIn pages": inline chips by the name, or nothing added to LinkedIn's pages at all.
 * Per browser, never synced. Used by the options page and the welcome page (same storage, both follow
 * each other through storage.onChanged).
 */
export function LinkedInPref({ hint = true }: { hint?: boolean }) {
  const id = useId();
  const hintId = useId();
  const [on, setOn] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    browser.storage.local
      .get(SHOW_ON_LINKEDIN_KEY)
      .then((r) => setOn(showOnLinkedIn(r[SHOW_ON_LINKEDIN_KEY])))
      .catch((e: Error) => setError(e.message));
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && SHOW_ON_LINKEDIN_KEY in changes) setOn(showOnLinkedIn(changes[SHOW_ON_LINKEDIN_KEY]!.newValue));
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return (
    <div class="pref">
      <p class="field inline">
        <input
          id={id}
          type="checkbox"
          checked={on ?? true}
          disabled={on === null}
          aria-describedby={hint ? hintId : undefined}
          onChange={(e) => {
            const value = e.currentTarget.checked;
            setOn(value);
            browser.storage.local.set({ [SHOW_ON_LINKEDIN_KEY]: value }).catch((err: Error) => setError(err.message));
          }}
        />
        <label for={id}>{t('showOnLinkedInLabel')}</label>
      </p>
      {hint && (
        <p id={hintId} class="muted">
          {t('showOnLinkedInHint')}
        </p>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
