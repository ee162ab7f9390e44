import { useEffect, useState } from 'preact/hooks';
import type { AccountView as Account } from '../../../lib/messaging/company-types';
import { send } from '../../shared/api';
import { stageLabel, t } from '../../shared/i18n';
import { useStoreVersion } from '../../shared/useStoreVersion';
import { Card } from '../../ui/Card';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNote } from '../../ui/ErrorNote';
import { Section } from '../../ui/Section';
import { DeleteCompany } from './DeleteCompany';
import './account.css';

/**
 * An account: the company (what its LinkedIn page said), how many of its people are in the pipeline
 * in each stage, and each of them with their stage; a name opens the person.
 */
export function AccountView({ id, slug, onPick }: { id?: string; slug?: string; onPick: (prospectId: string) => void }) {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const version = useStoreVersion();
  useEffect(() => {
    let live = true;
    send({ type: 'companyAccount', ...(id ? { id } : {}), ...(slug ? { slug } : {}) }).then(
      (r) => live && (setAccount(r.account), setError(null)),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [id, slug, version]);

  if (error) return <ErrorNote error={error} />;
  if (account === undefined) return <p class="muted">{t('loading')}</p>;
  if (account === null) return <EmptyState title={t('accountNotTracked')} text={t('accountNotTrackedHint')} />;
  const c = account.company;
  const facts: Array<[string, string | null]> = [
    [t('accountIndustry'), c.industry],
    [t('accountSize'), c.size],
    [t('accountHeadquarters'), c.headquarters],
    [t('accountFollowers'), c.followers === null ? null : c.followers.toLocaleString()],
  ];
  return (
    <article class="account" aria-labelledby="account-name" data-company={c.slug ?? undefined}>
      <Card class="account-head">
        <p class="eyebrow muted">{t('accountHeading')}</p>
        <h2 id="account-name">{c.name}</h2>
        <dl class="account-facts">
          {facts.map(([k, v]) =>
            v ? (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ) : null,
          )}
        </dl>
        <p class="account-links">
          {c.website && (
            <a href={c.website} target="_blank" rel="noopener noreferrer">
              {t('accountWebsite')}
            </a>
          )}
          {c.slug && (
            <a href={`https://www.linkedin.com/company/${encodeURIComponent(c.slug)}/`} target="_blank" rel="noopener noreferrer">
              {t('accountLinkedIn')}
            </a>
          )}
        </p>
        <div class="account-actions">
          <DeleteCompany company={c} people={account.people.length} />
        </div>
      </Card>
      <Section id="account.people" title={t('accountPeople', String(account.people.length))}>
        {account.stages.length > 0 && (
          <ul class="account-stages" aria-label={t('companyByStage')}>
            {account.stages.map((s) => (
              <li key={s.key} data-stage={s.key}>
                <strong>{s.count}</strong> {stageLabel(s.key, s.name)}
              </li>
            ))}
          </ul>
        )}
        {account.people.length === 0 ? (
          <p class="muted">{t('accountNoPeople')}</p>
        ) : (
          <ul class="account-people">
            {account.people.map(({ prospect: p, stageKey, stageName }) => (
              <li key={p.id}>
                <button type="button" class="link account-person" onClick={() => onPick(p.id)}>
                  {p.name}
                </button>
                {p.title && <span class="muted"> · {p.title}</span>}
                <span class="stage-pill" data-stage={stageKey}>
                  {stageLabel(stageKey, stageName)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </article>
  );
}
