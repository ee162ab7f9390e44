import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Notice, ProspectDetail } from '../lib/messaging/types';
import { send } from './api';

/** A prospect's record by id, re-read whenever anything in the store changes. */
export function useDetailById(id: string | null): ProspectDetail | null | undefined {
  const [detail, setDetail] = useState<ProspectDetail | null | undefined>(undefined);
  useEffect(() => {
    if (!id) return setDetail(undefined);
    let live = true;
    const load = () => void send({ type: 'detail', id }).then((d) => live && setDetail(d));
    const onMessage = (msg: unknown) => {
      if ((msg as Notice | undefined)?.type === 'changed') load();
      return undefined;
    };
    load();
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      live = false;
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [id]);
  return detail;
}
