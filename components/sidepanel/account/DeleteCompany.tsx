import { useEffect, useRef, useState } from 'preact/hooks';
import type { CompanyDeleteRights, CompanyDeleteToken, CompanyUndoResult } from '../../../lib/messaging/company-types';
import { ask } from '../../shared/api';
import { t } from '../../shared/i18n';
import { ErrorNote } from '../../ui/ErrorNote';
import { showToast } from '../../ui/Toast';
import { DeleteConfirm } from '../person/DeletePerson';
import { openAccount } from './open-account';

/** The sentence for what undo did. */
export function companyUndoMessage(r: CompanyUndoResult): string {
  switch (r.outcome) {
    case 'restored':
      return t('accountUndoDone', r.name);
    case 'joined':
      return t('accountUndoJoined', r.name);
    case 'already':
      return t('accountUndoAlready', r.name);
    default:
      return t('accountUndoGone');
  }
}

async function undo(token: CompanyDeleteToken): Promise<void> {
  const reply = await ask({ type: 'undoDeleteCompany', token });
  if (!reply.ok) return void showToast({ message: reply.error });
  showToast({ message: companyUndoMessage(reply.data) });
  // Back under another id (added again, or joined a teammate's): the panel shows that account.
  if (reply.data.companyId && reply.data.companyId !== token.companyId) openAccount(reply.data.companyId);
}

/**
 * The account's Delete company: a confirmation naming the company and how many people lose their
 * link, then a toast with Undo for at least 10 s (the same dialog and toast as deleting a person).
 * Where the team's rule does not let this rep delete it, the dialog says who may instead.
 */
export function DeleteCompany({ company, people }: { company: { id: string; name: string }; people: number }) {
  const [asking, setAsking] = useState(false);
  const [rights, setRights] = useState<CompanyDeleteRights | null>(null);
  const [error, setError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (wasAsking.current && !asking) button.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  useEffect(() => {
    if (!asking) return;
    let live = true;
    void ask({ type: 'companyDeleteRights', id: company.id }).then((r) => live && setRights(r.ok ? r.data : { allowed: true, reason: null }));
    return () => {
      live = false;
    };
  }, [asking, company.id]);
  const allowed = rights?.allowed !== false;
  const close = () => {
    setAsking(false);
    setRights(null);
  };
  const confirm = async () => {
    const reply = await ask({ type: 'deleteCompany', id: company.id });
    close();
    if (!reply.ok) return setError(reply.error);
    showToast({ message: t('accountDeleted', reply.data.name), action: { label: t('deleteUndo'), run: () => undo(reply.data.token) } });
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        class="btn btn-ghost btn-sm account-delete"
        style={asking ? { visibility: 'hidden' } : undefined}
        onClick={() => (setError(null), setAsking(true))}
      >
        {t('accountDelete')}
      </button>
      <ErrorNote error={error} />
      {asking && (
        <DeleteConfirm
          allowed={allowed}
          title={t('accountDeleteTitle', company.name)}
          action={t('accountDelete')}
          body={allowed ? t('accountDeleteBody', String(people)) : t('accountDeleteNotAllowed', company.name)}
          onClose={close}
          onConfirm={() => void confirm()}
        />
      )}
    </>
  );
}
