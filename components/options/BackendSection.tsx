import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AccountView } from '../../lib/messaging/types';
import { BackendConfigSchema, permissionOrigin } from '../../lib/sync/backend-config';
import { send } from '../shared/api';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';
import { t } from '../shared/i18n';
import { useAction } from './useAccount';
import { backendProblems, type BackendProblems } from './backend-problems';

/** The team's Supabase project: URL and anon key, and the browser's permission for that one host. */
export function BackendSection({ account, onChange }: { account: AccountView; onChange: (a: AccountView) => void }) {
  const [url, setUrl] = useState('');
  const [anonKey, setAnonKey] = useState('');
  const { busy, error, run } = useAction();
  const [problems, setProblems] = useState<BackendProblems>({});
  const [focusFirst, setFocusFirst] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focusFirst) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusFirst]);
  const say = (field: keyof BackendProblems) => {
    const p = problems[field];
    return p ? ('key' in p ? t(p.key) : p.text) : null;
  };

  const connect = (e: Event) => {
    e.preventDefault();
    const parsed = BackendConfigSchema.safeParse({ url, anonKey });
    if (!parsed.success) {
      // Each problem on its field, in the UI language; the first wrong field takes focus.
      setProblems(backendProblems(parsed.error, { url, anonKey }));
      setFocusFirst((n) => n + 1);
      return;
    }
    setProblems({});
    void run(async () => {
      // Asked now, for this host only, while the click still counts as the rep's gesture.
      const origin = permissionOrigin(parsed.data.url);
      const granted = await browser.permissions.request({ origins: [origin] });
      if (!granted) throw new Error(t('backendPermissionDenied', new URL(parsed.data.url).host));
      onChange(await send({ type: 'connect', url: parsed.data.url, anonKey: parsed.data.anonKey }));
    });
  };

  if (account.backend) {
    return (
      <section aria-labelledby="backend-h">
        <h2 id="backend-h">{t('backendHeading')}</h2>
        <p data-testid="backend-url">{t('backendConnected', account.backend.url)}</p>
        {account.scope.mode === 'local' && (
          <button type="button" disabled={busy} onClick={() => void run(async () => onChange(await send({ type: 'disconnect' })))}>
            {t('backendDisconnect')}
          </button>
        )}
        <ErrorNote error={error} />
      </section>
    );
  }
  return (
    <section aria-labelledby="backend-h">
      <h2 id="backend-h">{t('backendHeading')}</h2>
      <p class="muted">{t('backendIntro')}</p>
      <form class="form" onSubmit={connect} noValidate ref={form}>
        <Field label={t('backendUrl')} error={say('url')}>
          {(id, aria) => (
            <input
              id={id}
              type="url"
              required
              placeholder="https://abcd1234.supabase.co"
              value={url}
              onInput={(e) => setUrl(e.currentTarget.value)}
              {...aria}
            />
          )}
        </Field>
        <Field label={t('backendAnonKey')} error={say('anonKey')}>
          {(id, aria) => <input id={id} required autocomplete="off" value={anonKey} onInput={(e) => setAnonKey(e.currentTarget.value)} {...aria} />}
        </Field>
        {/* Said before the click: the browser's own prompt follows it, naming the one address. */}
        <p class="hint" id="backend-permission-hint">
          {t('backendPermissionHint')}
        </p>
        <button type="submit" disabled={busy} aria-describedby="backend-permission-hint">
          {t('backendConnect')}
        </button>
      </form>
      <ErrorNote error={error} />
    </section>
  );
}
