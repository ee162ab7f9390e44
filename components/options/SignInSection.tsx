import { useState } from 'preact/hooks';
import type { AccountView } from '../../lib/messaging/types';
import { send } from '../shared/api';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';
import { t } from '../shared/i18n';
import { useAction } from './useAccount';
import './account.css';

/** E-mail and password, or a one-time code sent by e-mail (supabase-js auth, in the background). */
export function SignInSection({ account, onChange }: { account: AccountView; onChange: (a: AccountView) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [codeSent, setCodeSent] = useState(false);
  const { busy, error, run } = useAction();

  if (account.user) {
    return (
      <section aria-labelledby="account-h" class="account-section">
        <h2 id="account-h">{t('accountHeading')}</h2>
        <p data-testid="signed-in-as">{t('accountSignedInAs', account.user.email ?? account.user.id)}</p>
        <button type="button" disabled={busy} onClick={() => void run(async () => onChange(await send({ type: 'signOut' })))}>
          {t('accountSignOut')}
        </button>
        <ErrorNote error={error} />
      </section>
    );
  }
  const signIn = (e: Event) => {
    e.preventDefault();
    void run(async () => onChange(await send({ type: 'signIn', email, password })));
  };
  return (
    <section aria-labelledby="account-h" class="account-section">
      <h2 id="account-h">{t('accountHeading')}</h2>
      <form class="form" onSubmit={signIn}>
        <Field label={t('accountEmail')}>
          {(id) => (
            <input id={id} type="email" autocomplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          )}
        </Field>
        <Field label={t('accountPassword')}>
          {(id) => (
            <input
              id={id}
              type="password"
              autocomplete="current-password"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          )}
        </Field>
        <div class="button-row">
          <button type="submit" disabled={busy}>
            {t('accountSignIn')}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(async () => onChange(await send({ type: 'signUp', email, password })))}
          >
            {t('accountCreate')}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await send({ type: 'sendCode', email });
                setCodeSent(true);
              })
            }
          >
            {t('accountSendCode')}
          </button>
        </div>
      </form>
      {codeSent && (
        <form
          class="form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(async () => onChange(await send({ type: 'verifyCode', email, code })));
          }}
        >
          <p class="muted">{t('accountCodeSent', email)}</p>
          <Field label={t('accountCode')}>
            {(id) => (
              <input
                id={id}
                inputMode="numeric"
                autocomplete="one-time-code"
                value={code}
                onInput={(e) => setCode(e.currentTarget.value)}
              />
            )}
          </Field>
          <button type="submit" disabled={busy}>
            {t('accountVerifyCode')}
          </button>
        </form>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
