import { useEffect, useState } from 'preact/hooks';
import type { AccountView, TeamView } from '../../lib/messaging/types';
import { send } from '../shared/api';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';
import { t, type MessageKey } from '../shared/i18n';
import { useAction } from './useAccount';
import './account.css';

/** Which team's pipeline to work in; create one, join one with an invite code, invite teammates. */
export function TeamSection({ account, onChange }: { account: AccountView; onChange: (a: AccountView) => void }) {
  const [teams, setTeams] = useState<TeamView[] | null>(null);
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [bringLocal, setBringLocal] = useState(true);
  const [invite, setInvite] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const current = account.scope.mode === 'team' ? account.scope.teamId : null;

  const reloadTeams = () => run(async () => setTeams((await send({ type: 'teams' })).teams));
  useEffect(() => {
    void reloadTeams();
  }, [account.user?.id]);

  const use = (teamId: string) =>
    run(async () => {
      const r = await send({ type: 'useTeam', teamId, bringLocal: bringLocal && account.localProspects > 0 });
      setNote(r.added + r.merged > 0 ? t('teamBroughtIn', [String(r.added), String(r.merged)]) : null);
      onChange(r.account);
    });

  const currentTeam = teams?.find((x) => x.teamId === current);
  return (
    <section aria-labelledby="team-h" class="account-section">
      <h2 id="team-h">{t('teamHeading')}</h2>
      {teams === null ? (
        <p class="muted">{t('loading')}</p>
      ) : teams.length === 0 ? (
        <p class="muted">{t('teamNone')}</p>
      ) : (
        <ul class="teams">
          {teams.map((team) => (
            <li key={team.teamId} data-team={team.name}>
              <span>
                {team.name} <span class="muted">({t(`role_${team.role}` as MessageKey)})</span>
              </span>
              {team.teamId === current ? (
                <strong>{t('teamCurrent')}</strong>
              ) : (
                <button type="button" disabled={busy} aria-label={t('teamUseNamed', team.name)} onClick={() => void use(team.teamId)}>
                  {t('teamUse')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {current === null && account.localProspects > 0 && (
        <p class="field inline">
          <input id="bring-local" type="checkbox" checked={bringLocal} onChange={(e) => setBringLocal(e.currentTarget.checked)} />
          <label for="bring-local">{t('teamBringLocal', String(account.localProspects))}</label>
        </p>
      )}
      {note && <p role="status">{note}</p>}
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const { teamId } = await send({ type: 'createTeam', name });
            setName('');
            await reloadTeams();
            await use(teamId);
          });
        }}
      >
        <Field label={t('teamName')}>
          {(id) => <input id={id} required maxLength={120} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <button type="submit" disabled={busy}>
          {t('teamCreate')}
        </button>
      </form>
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const { teamId } = await send({ type: 'joinTeam', code });
            setCode('');
            await reloadTeams();
            await use(teamId);
          });
        }}
      >
        <Field label={t('teamInviteCode')}>
          {(id) => <input id={id} required autocomplete="off" value={code} onInput={(e) => setCode(e.currentTarget.value)} />}
        </Field>
        <button type="submit" disabled={busy}>
          {t('teamJoin')}
        </button>
      </form>
      {currentTeam && currentTeam.role !== 'rep' && (
        <div class="team-invite">
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(async () => setInvite((await send({ type: 'invite', role: 'rep' })).code))}
          >
            {t('teamCreateInvite')}
          </button>
          {invite && (
            <p>
              {t('teamInviteIs')} <output data-testid="invite-code">{invite}</output>
            </p>
          )}
        </div>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
