import { useEffect, useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { prefShown, SHOW_ON_LINKEDIN_KEY, SHOW_ON_MAIL_KEY, type PagePrefKey } from '../../lib/model/page-prefs';
import { ErrorNote } from '../ui/ErrorNote';
import { t, type MessageKey } from '../shared/i18n';

/**
 * One "Show Jalur on …" checkbox: chips in that site's pages, or nothing added to them at all. Per
 * browser, never synced. The options page and the welcome page show the same storage and follow each
 * other (and any other open copy) through storage.onChanged; the background tells the site's open tabs.
 */
function PagePref({ pref, label, hint }: { pref: PagePrefKey; label: MessageKey; hint: MessageKey | null }) {
  const id = useId();
  const hintId = useId();
  const [on, setOn] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    browser.storage.local
      .get(pref)
      .then((r) => setOn(prefShown(r[pref])))
      .catch((e: Error) => setError(e.message));
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && pref in changes) setOn(prefShown(changes[pref]!.newValue));
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [pref]);
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
            browser.storage.local.set({ [pref]: value }).catch((err: Error) => setError(err.message));
          }}
        />
        <label for={id}>{t(label)}</label>
      </p>
      {hint && (
        <p id={hintId} class="muted">
          {t(hint)}
        </p>
      )}
      <ErrorNote error={error} />
    </div>
  );
}

/** "Show Jalur on LinkedIn pages": inline chips by the name, or quiet mode (nothing added to linkedin.com). */
export function LinkedInPref({ hint = true }: { hint?: boolean }) {
  return <PagePref pref={SHOW_ON_LINKEDIN_KEY} label="showOnLinkedInLabel" hint={hint ? 'showOnLinkedInHint' : null} />;
}

/** "Show Jalur in Gmail and Outlook": chips beside correspondents and marks in the message list, or nothing added there. */
export function MailPref({ hint = true }: { hint?: boolean }) {
  return <PagePref pref={SHOW_ON_MAIL_KEY} label="showOnMailLabel" hint={hint ? 'showOnMailHint' : null} />;
}
