import { useEffect, useState } from 'preact/hooks';
import type { TeamSettings } from '../../lib/model/settings';
import { send } from '../shared/api';
import { useStoreVersion } from '../shared/useStoreVersion';

/**
 * The team's settings and whether this user may change the playbook, re-read on every store change
 * (a teammate's edit or a role change arrives by sync). Until the answer comes, nothing is editable.
 */
export function useTeamSettings() {
  const [settings, setSettings] = useState<TeamSettings | null>(null);
  const [canEdit, setCanEdit] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const version = useStoreVersion();
  useEffect(() => {
    send({ type: 'settings' })
      .then((r) => {
        setSettings(r.settings);
        setCanEdit(r.canEdit);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [version]);
  return { settings, canEdit, error };
}
