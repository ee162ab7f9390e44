import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LinkedInPref, MailPref } from '../options/PagePref';
import { t } from '../shared/i18n';
import './welcome.css';

/** The clip shortcut as the browser has it now (the rep may have changed or removed it), or '' when unset. */
function useClipShortcut(): string | null {
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    browser.commands
      .getAll()
      .then((all) => setShortcut(all.find((c) => c.name === 'clip-profile')?.shortcut ?? ''))
      .catch(() => setShortcut(''));
  }, []);
  return shortcut;
}

function Keys({ shortcut }: { shortcut: string }) {
  // "Alt+Shift+J" → Alt + Shift + J, each key its own <kbd>. Chrome on macOS reports "⌥⇧J" without separators.
  const keys = shortcut.includes('+') ? shortcut.split('+') : [...shortcut];
  return (
    <span class="keys" data-testid="clip-shortcut">
      {keys.map((k, i) => (
        <>
          {i > 0 && ' + '}
          <kbd>{k}</kbd>
        </>
      ))}
    </span>
  );
}

/** First run: where the data lives, bringing in LinkedIn connections, the shortcut, and how Jalur shows on LinkedIn and in mail. */
export function WelcomeApp() {
  const shortcut = useClipShortcut();
  const openShortcuts = () => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' }).catch(() => undefined);
  return (
    <main class="welcome">
      <header class="welcome-head">
        <h1>{t('welcomeTitle')}</h1>
        <p class="lead">{t('welcomeLead')}</p>
      </header>

      <section class="welcome-card" aria-labelledby="w-data">
        <h2 id="w-data">{t('welcomeDataHeading')}</h2>
        <p>{t('welcomeDataLocal')}</p>
        <p>{t('welcomeDataTeam')}</p>
        <p>
          <a href="options.html">{t('welcomeConnectTeam')}</a>
        </p>
      </section>

      <section class="welcome-card" aria-labelledby="w-import">
        <h2 id="w-import">{t('welcomeImportHeading')}</h2>
        <p>{t('welcomeImportText')}</p>
        <p>
          <a class="button primary" href="options.html#import">
            {t('welcomeImportLink')}
          </a>
        </p>
      </section>

      <section class="welcome-card" aria-labelledby="w-keys">
        <h2 id="w-keys">{t('welcomeShortcutHeading')}</h2>
        {shortcut === null ? null : shortcut ? (
          <p>
            {t('welcomeShortcutBefore')} <Keys shortcut={shortcut} /> {t('welcomeShortcutAfter')}
          </p>
        ) : (
          <p data-testid="clip-shortcut-unset">{t('welcomeShortcutUnset')}</p>
        )}
        <p>
          <button type="button" class="link" onClick={openShortcuts}>
            {t('welcomeShortcutChange')}
          </button>
        </p>
      </section>

      <section class="welcome-card" aria-labelledby="w-linkedin">
        <h2 id="w-linkedin">{t('welcomeLinkedInHeading')}</h2>
        <dl class="welcome-modes">
          <dt>{t('welcomeInlineTerm')}</dt>
          <dd>{t('welcomeInlineText')}</dd>
          <dt>{t('welcomeQuietTerm')}</dt>
          <dd>{t('welcomeQuietText')}</dd>
        </dl>
        <LinkedInPref hint={false} />
        <h3 id="w-mail">{t('welcomeMailHeading')}</h3>
        <p>{t('welcomeMailText')}</p>
        <MailPref hint={false} />
        <p class="muted">{t('welcomeLinkedInLater')}</p>
      </section>

      <p class="welcome-foot">
        <a href="sidepanel.html?view=today">{t('welcomeOpenToday')}</a>
        {' · '}
        <a href="options.html">{t('welcomeOpenOptions')}</a>
      </p>
    </main>
  );
}
