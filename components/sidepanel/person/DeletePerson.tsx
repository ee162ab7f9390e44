import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Prospect } from '../../../lib/model';
import type { DeleteRights, DeleteToken, UndoResult } from '../../../lib/messaging/delete-types';
import { ask } from '../../shared/api';
import { t } from '../../shared/i18n';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import type { MenuItem } from '../../ui/Menu';
import { showToast } from '../../ui/Toast';
import './delete-person.css';

type Person = Pick<Prospect, 'id' | 'name'>;

/**
 * A modal dialog (the page behind is inert, so it is the only thing a keyboard or screen reader
 * reaches): a title naming the person, what happens, and the buttons. Esc or Cancel closes it.
 * The account view's Delete company asks through it too.
 */
export function ConfirmDialog({
  title,
  children,
  onClose,
  actions,
}: {
  title: string;
  children: ComponentChildren;
  onClose: () => void;
  actions: ComponentChildren;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog ref={ref} class="confirm-dialog" aria-labelledby="confirm-dialog-title" onClose={onClose} onCancel={onClose}>
      <h2 id="confirm-dialog-title">{title}</h2>
      {children}
      <div class="confirm-dialog-actions">{actions}</div>
    </dialog>
  );
}

/** The sentence for what undo did: everyone back, already back, or why someone could not come back. */
export function undoMessage(result: UndoResult): string {
  const refused = result.refused[0];
  if (refused) {
    return refused.reason === 'key-taken' ? t('undoKeyTaken', [refused.name, refused.holder ?? '']) : t('undoErased');
  }
  if (result.restored.length === 1) return t('undoDone', result.restored[0]!.name);
  if (result.restored.length > 1) return t('undoDoneMany', String(result.restored.length));
  return t('undoAlready', result.alreadyLive[0]?.name ?? '');
}

/** Undo a delete and say how it went. */
export async function undoAndTell(token: DeleteToken): Promise<void> {
  const reply = await ask({ type: 'undoDelete', token });
  showToast({ message: reply.ok ? undoMessage(reply.data) : reply.error });
}

/** The toast after a delete: who went, and Undo for at least 10 s (longer while hovered or focused). */
export function toastDeleted(names: string[], token: DeleteToken): void {
  showToast({
    message: names.length === 1 ? t('deleteDone', names[0]!) : t('deleteDoneMany', String(names.length)),
    action: { label: t('deleteUndo'), run: () => undoAndTell(token) },
  });
}

function useRights(id: string): DeleteRights | null {
  const [rights, setRights] = useState<DeleteRights | null>(null);
  useEffect(() => {
    let live = true;
    void ask({ type: 'deleteRights', id }).then((r) => live && setRights(r.ok ? r.data : { allowed: true, reason: null }));
    return () => {
      live = false;
    };
  }, [id]);
  return rights;
}

/**
 * The confirmation of a delete, naming the person, then the toast with Undo; where the team's rule
 * does not let this rep delete the person, it says why instead. The person view and a board card
 * both delete through it.
 */
export function ConfirmDelete({ prospect, onClose, onError }: { prospect: Person; onClose: () => void; onError: (error: string) => void }) {
  const rights = useRights(prospect.id);
  const allowed = rights?.allowed !== false;
  const confirm = async () => {
    const reply = await ask({ type: 'deleteProspects', ids: [prospect.id] });
    onClose();
    if (!reply.ok) return onError(reply.error);
    toastDeleted(
      reply.data.deleted.map((d) => d.name),
      reply.data.token,
    );
  };
  return (
    <DeleteConfirm
      allowed={allowed}
      title={t('deleteConfirmTitle', prospect.name)}
      action={t('deleteButton')}
      body={allowed ? t('deleteConfirmBody') : t('deleteNotAllowed', prospect.name)}
      onClose={onClose}
      onConfirm={() => void confirm()}
    />
  );
}

/** The person view's Delete: a button that opens the confirmation. */
export function DeletePerson({ prospect }: { prospect: Person }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  // Back from a cancelled confirmation, focus returns to Delete (it was hidden meanwhile).
  useEffect(() => {
    if (wasAsking.current && !asking) button.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  return (
    <>
      {/* Hidden (not removed) while the confirmation is open: its Delete is then the only one there is. */}
      <button
        ref={button}
        type="button"
        class="btn btn-ghost btn-sm delete-person"
        style={asking ? { visibility: 'hidden' } : undefined}
        onClick={() => setAsking(true)}
      >
        {t('deleteButton')}
      </button>
      {error && <ErrorNote error={error} />}
      {asking && <ConfirmDelete prospect={prospect} onClose={() => setAsking(false)} onError={setError} />}
    </>
  );
}

function download(json: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The person's data under More: export it as JSON, and erase it for good (a dialog that says it
 * cannot be undone). Returns the menu items and the dialog to render beside them.
 */
export function usePersonDataMenu(prospect: Person): { items: MenuItem[]; dialog: ComponentChildren } {
  const [erasing, setErasing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rights = useRights(prospect.id);
  const allowed = rights?.allowed !== false;

  const exportIt = async () => {
    const reply = await ask({ type: 'exportPerson', id: prospect.id });
    if (!reply.ok) return setError(reply.error);
    download(reply.data.json, reply.data.fileName);
    showToast({ message: t('exportPersonDone', reply.data.fileName) });
  };
  const erase = async () => {
    const reply = await ask({ type: 'erasePeople', ids: [prospect.id] });
    setErasing(false);
    if (!reply.ok) return setError(reply.error);
    showToast({ message: t('eraseDone', prospect.name) });
  };

  const items: MenuItem[] = [
    { key: 'export', label: t('exportPersonMenu'), onSelect: () => void exportIt() },
    { key: 'erase', label: t('eraseMenu'), onSelect: () => setErasing(true), danger: true },
  ];
  const dialog = (
    <>
      {error && <ErrorNote error={error} />}
      {erasing && (
        <ConfirmDialog
          title={allowed ? t('eraseTitle', prospect.name) : t('eraseConfirm')}
          onClose={() => setErasing(false)}
          actions={
            allowed ? (
              <>
                <Button onClick={() => setErasing(false)} autoFocus>
                  {t('cancel')}
                </Button>
                <Button variant="danger" onClick={() => void erase()}>
                  {t('eraseConfirm')}
                </Button>
              </>
            ) : (
              <Button onClick={() => setErasing(false)} autoFocus>
                {t('deleteClose')}
              </Button>
            )
          }
        >
          <p>{allowed ? t('eraseBody', prospect.name) : t('deleteNotAllowed', prospect.name)}</p>
        </ConfirmDialog>
      )}
    </>
  );
  return { items, dialog };
}

/**
 * Asking before a delete: when the backend's rules allow it, Cancel and the danger action (focused);
 * when not, the body says why and the only button closes. Used for people and for accounts.
 */
export function DeleteConfirm({
  allowed,
  title,
  action,
  body,
  onClose,
  onConfirm,
}: {
  allowed: boolean;
  title: string;
  action: string;
  body: string;
  onClose: () => void;
  onConfirm: () => void;
}) {
  return (
    <ConfirmDialog
      title={allowed ? title : action}
      onClose={onClose}
      actions={
        allowed ? (
          <>
            <Button onClick={onClose}>{t('cancel')}</Button>
            <Button variant="danger" onClick={onConfirm} autoFocus>
              {action}
            </Button>
          </>
        ) : (
          <Button onClick={onClose} autoFocus>
            {t('deleteClose')}
          </Button>
        )
      }
    >
      <p>{body}</p>
    </ConfirmDialog>
  );
}
