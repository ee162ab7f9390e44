import { useEffect, useState } from 'preact/hooks';
import type { Company } from '../../../lib/model/company';
import type { Prospect } from '../../../lib/model';
import { send } from '../../shared/api';
import { t } from '../../shared/i18n';
import { useStoreVersion } from '../../shared/useStoreVersion';
import { ErrorNote } from '../../ui/ErrorNote';
import { Select } from '../../ui/Select';
import { openAccount } from './open-account';
import './account.css';

/**
 * The person's account in the person view: the company they are linked to (opens the account), and
 * a correction when the match by company link or name was wrong. Shown once the team tracks any company.
 */
export function CompanyLine({ prospect }: { prospect: Prospect }) {
  const [companies, setCompanies] = useState<Company[] | null>(null);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const version = useStoreVersion();
  useEffect(() => {
    let live = true;
    send({ type: 'companies' }).then(
      (r) => live && setCompanies(r.companies),
      () => live && setCompanies([]),
    );
    return () => {
      live = false;
    };
  }, [version]);
  if (!companies || companies.length === 0) return null;
  const current = companies.find((c) => c.id === prospect.companyId) ?? null;
  const change = async (value: string) => {
    setError(null);
    try {
      await send({ type: 'linkCompany', prospectId: prospect.id, companyId: value || null });
      setEditing(false);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div class="company-line">
      <span class="muted">{t('accountLabel')}</span>{' '}
      {current ? (
        <button type="button" class="link" onClick={() => openAccount(current.id)}>
          {current.name}
        </button>
      ) : (
        <span class="muted">{t('accountNone')}</span>
      )}{' '}
      {editing ? (
        <Select
          label={t('accountChange')}
          inline
          value={current?.id ?? ''}
          options={[{ value: '', label: t('accountNone') }, ...companies.map((c) => ({ value: c.id, label: c.name }))]}
          onChange={(v) => void change(v)}
        />
      ) : (
        <button type="button" class="link" aria-label={t('accountChange')} onClick={() => setEditing(true)}>
          {t('accountChangeShort')}
        </button>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
