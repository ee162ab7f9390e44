import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../shared/i18n';

/** The pipeline board in a normal tab at full width (`sidepanel.html?view=board`), one click from the popup. */
export function BoardLink() {
  const [failed, setFailed] = useState<string | null>(null);
  const open = () =>
    browser.tabs
      .create({ url: browser.runtime.getURL('/sidepanel.html?view=board') })
      .then(() => window.close())
      .catch((e: Error) => setFailed(e.message));
  return (
    <button type="button" class="link" onClick={() => void open()} title={failed ?? undefined}>
      {t('popupOpenBoard')}
    </button>
  );
}
