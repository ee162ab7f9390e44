import { useEffect, useState } from 'preact/hooks';
import type { ProspectDetail } from '../../lib/messaging/types';
import { send } from '../shared/api';
import { useStoreVersion } from '../shared/useStoreVersion';

/** A prospect's record by id, re-read whenever anything in the store changes. */
export function useDetailById(id: string | null): ProspectDetail | null | undefined {
  const [detail, setDetail] = useState<ProspectDetail | null | undefined>(undefined);
  const version = useStoreVersion();
  useEffect(() => {
    if (!id) return setDetail(undefined);
    let live = true;
    void send({ type: 'detail', id }).then((d) => live && setDetail(d));
    return () => {
      live = false;
    };
  }, [id, version]);
  return detail;
}
