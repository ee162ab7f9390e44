import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AccountView } from '../../lib/messaging/types';
import { send } from '../shared/api';
import { useNoticeVersion } from '../shared/useNotice';

/** The account view, re-read after sign-in changes and store changes (e.g. a team switch). */
export function useAccount() {
  const [account, setAccount] = useState<AccountView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useNoticeVersion('changed');
  const reload = useCallback(() => {
    send({ type: 'account' })
      .then((a) => {
        setAccount(a);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(reload, [version, reload]);
  return { account, setAccount, error, reload };
}

/** Runs an action with a busy flag and an error sentence; returns its result or undefined on failure. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, setError };
}
