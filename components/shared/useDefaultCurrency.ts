import { useEffect, useState } from 'preact/hooks';
import { send } from './api';
import { useStoreVersion } from './useStoreVersion';

/** The team's default currency (settings), re-read when the store changes; null until it is known. */
export function useDefaultCurrency(): string | null {
  const [code, setCode] = useState<string | null>(null);
  const version = useStoreVersion();
  useEffect(() => {
    let live = true;
    send({ type: 'settings' })
      .then((r) => live && setCode(r.settings.defaultCurrency))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [version]);
  return code;
}
