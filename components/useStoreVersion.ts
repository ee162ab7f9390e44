import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Notice } from '../lib/messaging/types';

/** A number that goes up whenever the background reports a change to the store: put it in effect deps to re-read. */
export function useStoreVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const listener = (msg: unknown) => {
      if ((msg as Notice | undefined)?.type === 'changed') setVersion((v) => v + 1);
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);
  return version;
}
