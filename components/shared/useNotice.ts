import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Notice } from '../../lib/messaging/types';

/** A number that goes up whenever the background broadcasts one of `types`: put it in effect deps to re-read. */
export function useNoticeVersion(...types: Notice['type'][]): number {
  const [version, setVersion] = useState(0);
  const wanted = types.join(' ');
  useEffect(() => {
    const listener = (msg: unknown) => {
      const type = (msg as Notice | undefined)?.type;
      if (type && wanted.split(' ').includes(type)) setVersion((v) => v + 1);
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [wanted]);
  return version;
}
