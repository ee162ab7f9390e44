import { useEffect, useState } from 'preact/hooks';
import type { BulkAction, BulkResult, BulkUndoToken } from '../../../lib/messaging/merge-types';
import type { BoardOwner, BoardStage } from '../../../lib/pipeline/board';
import { nextWorkingSlot } from '../../../lib/pipeline/follow-up-presets';
import type { Cadence } from '../../../lib/model';
import { send } from '../../shared/api';
import { fromLocalInput, toLocalInput } from '../../shared/format';
import { stageLabel, t } from '../../shared/i18n';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { showToast } from '../../ui/Toast';
import './bulk.css';

type Kind = BulkAction['kind'];

/** The first few names, then how many more: the question stays one readable line. */
function unqualifiedNames(names: readonly string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? t('bulkSqlAndMore', [shown, String(names.length - 3)]) : shown;
}

/** The toast after a bulk action: what happened, and Undo for the whole batch. */
function announce(message: string, undo: BulkUndoToken | null): void {
  showToast({
    message,
    action: undo
      ? {
          label: t('deleteUndo'),
          run: async () => {
            try {
              const r = await send({ type: 'bulkUndo', token: undo });
              showToast({ message: r.kept.length ? t('bulkUndoneSome', [String(r.restored), String(r.kept.length)]) : t('bulkUndone', String(r.restored)) });
            } catch (e) {
              showToast({ message: (e as Error).message });
            }
          },
        }
      : undefined,
  });
}

function doneMessage(kind: Kind, r: BulkResult, what: string): string {
  const n = String(r.changed);
  const base =
    kind === 'stage'
      ? t('bulkMoved', [n, what])
      : kind === 'owner'
        ? t('bulkAssigned', [n, what])
        : kind === 'enrol'
          ? t('bulkEnrolled', [n, what])
          : kind === 'stop-cadence'
            ? t('bulkStopped', n)
            : kind === 'follow-up'
              ? t('bulkFollowUps', n)
              : t('bulkDeleted', n);
  return r.skipped.length ? `${base} ${t('bulkSkipped', String(r.skipped.length))}` : base;
}

/**
 * The bar over a selection of cards (or gone-dark rows): how many are selected and one action for
 * all of them — move stage, assign owner (in a team), enrol in or stop a cadence, add a follow-up,
 * delete — sent as one request (one transaction, one outbox batch) with one Undo for the batch.
 */
export function BulkBar({
  ids,
  stages,
  owners: seen,
  onClear,
}: {
  ids: readonly string[];
  stages: readonly BoardStage[];
  /** The owners of the cards in view: who is offered until the team's member list has arrived. */
  owners: readonly BoardOwner[];
  onClear: () => void;
}) {
  // Anyone in the team can be given the cards, not only owners whose cards happen to be on screen.
  const [members, setMembers] = useState<readonly BoardOwner[] | null>(null);
  useEffect(() => {
    let live = true;
    void send({ type: 'teamMembers' })
      .then((r) => live && setMembers(r.members))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const owners = members && members.length ? members : seen;
  const [kind, setKind] = useState<Kind>('stage');
  const [stageKey, setStageKey] = useState(stages[0]?.key ?? '');
  const [ownerId, setOwnerId] = useState('');
  const [cadences, setCadences] = useState<Cadence[]>([]);
  const [cadenceId, setCadenceId] = useState('');
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(() => toLocalInput(nextWorkingSlot(Date.now())));
  const [confirmDelete, setConfirmDelete] = useState(false);
  /** Who would skip the SQL gate in the move asked for: the bar asks before moving them (MovePrompt asks for one card). */
  const [unqualified, setUnqualified] = useState<{ stageKey: string; names: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const n = ids.length;

  useEffect(() => {
    if (kind !== 'enrol' || cadences.length) return;
    void send({ type: 'cadences' })
      .then((r) => {
        const live = r.cadences.filter((c) => c.deletedAt === null);
        setCadences(live);
        setCadenceId((cur) => cur || live[0]?.id || '');
      })
      .catch((e: Error) => setError(e.message));
  }, [kind]);
  useEffect(() => (setConfirmDelete(false), setUnqualified(null)), [kind, n, stageKey]);

  const action = (): { action: BulkAction; what: string } | string => {
    switch (kind) {
      case 'stage': {
        const s = stages.find((x) => x.key === stageKey);
        return s ? { action: { kind, stageKey, confirmed: unqualified?.stageKey === stageKey }, what: stageLabel(s.key, s.name) } : t('bulkPickStage');
      }
      case 'owner': {
        const o = owners.find((x) => x.id === ownerId) ?? owners[0];
        return o ? { action: { kind, ownerId: o.id }, what: o.you ? t('bulkOwnerYou') : (o.name ?? o.id) } : t('bulkPickOwner');
      }
      case 'enrol': {
        const c = cadences.find((x) => x.id === cadenceId);
        return c ? { action: { kind, cadenceId, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }, what: c.name } : t('bulkPickCadence');
      }
      case 'follow-up': {
        const dueAt = fromLocalInput(due);
        if (!title.trim()) return t('bulkFollowUpTitleMissing');
        if (Number.isNaN(dueAt)) return t('bulkFollowUpDueMissing');
        return { action: { kind, title: title.trim(), dueAt }, what: title.trim() };
      }
      default:
        return { action: { kind } as BulkAction, what: '' };
    }
  };

  const apply = async () => {
    setError(null);
    const a = action();
    if (typeof a === 'string') return setError(a);
    if (kind === 'delete' && !confirmDelete) return setConfirmDelete(true);
    setBusy(true);
    try {
      const r = await send({ type: 'bulkApply', ids: [...ids], action: a.action });
      if (r.needsConfirmation?.length) return setUnqualified({ stageKey, names: r.needsConfirmation.map((p) => p.name) });
      setUnqualified(null);
      announce(doneMessage(kind, r, a.what), r.undo);
      setTitle('');
      onClear();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      setConfirmDelete(false);
    }
  };

  const kinds: Array<[Kind, string]> = [
    ['stage', t('bulkKindStage')],
    ...(owners.length > 1 ? [['owner', t('bulkKindOwner')] as [Kind, string]] : []),
    ['enrol', t('bulkKindEnrol')],
    ['stop-cadence', t('bulkKindStop')],
    ['follow-up', t('bulkKindFollowUp')],
    ['delete', t('bulkKindDelete')],
  ];

  return (
    <div class="bulk-bar" role="region" aria-label={t('bulkBarLabel')} data-selected={n}>
      <div class="bulk-row">
        <strong class="bulk-count" aria-live="polite">
          {t('bulkSelected', String(n))}
        </strong>
        <label class="bulk-field">
          <span aria-hidden="true">{t('bulkAction')}</span>
          <select aria-label={t('bulkAction')} value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as Kind)}>
            {kinds.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {kind === 'stage' && (
          <label class="bulk-field">
            <span aria-hidden="true">{t('bulkToStage')}</span>
            <select aria-label={t('bulkToStage')} value={stageKey} onChange={(e) => setStageKey((e.currentTarget as HTMLSelectElement).value)}>
              {stages.map((s) => (
                <option key={s.key} value={s.key}>
                  {stageLabel(s.key, s.name)}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === 'owner' && (
          <label class="bulk-field">
            <span aria-hidden="true">{t('bulkToOwner')}</span>
            <select aria-label={t('bulkToOwner')} value={ownerId || owners[0]?.id} onChange={(e) => setOwnerId((e.currentTarget as HTMLSelectElement).value)}>
              {owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.you ? t('bulkOwnerYou') : (o.name ?? o.id)}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === 'enrol' && (
          <label class="bulk-field">
            <span aria-hidden="true">{t('bulkCadence')}</span>
            <select aria-label={t('bulkCadence')} value={cadenceId} onChange={(e) => setCadenceId((e.currentTarget as HTMLSelectElement).value)}>
              {cadences.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === 'follow-up' && (
          <>
            <label class="bulk-field">
              <span aria-hidden="true">{t('bulkFollowUpTitle')}</span>
              <input aria-label={t('bulkFollowUpTitle')} value={title} maxLength={300} onInput={(e) => setTitle((e.currentTarget as HTMLInputElement).value)} />
            </label>
            <label class="bulk-field">
              <span aria-hidden="true">{t('bulkFollowUpDue')}</span>
              <input type="datetime-local" aria-label={t('bulkFollowUpDue')} value={due} onInput={(e) => setDue((e.currentTarget as HTMLInputElement).value)} />
            </label>
          </>
        )}
      </div>
      {confirmDelete && <p class="bulk-confirm">{t('bulkDeleteConfirm', String(n))}</p>}
      {unqualified && (
        <p class="bulk-confirm" role="alert">
          {t('bulkSqlConfirm', [unqualifiedNames(unqualified.names), stageLabel(stageKey, stages.find((s) => s.key === stageKey)?.name ?? null)])}
        </p>
      )}
      <div class="bulk-row">
        <Button variant={kind === 'delete' ? 'danger' : 'primary'} size="sm" disabled={busy || n === 0} onClick={() => void apply()}>
          {kind === 'delete' ? (confirmDelete ? t('bulkDeleteYes', String(n)) : t('bulkKindDelete')) : unqualified ? t('sqlConfirmMoveYes') : t('bulkApply')}
        </Button>
        <Button variant="ghost" size="sm" onClick={onClear}>
          {t('bulkClear')}
        </Button>
      </div>
      <ErrorNote error={error} />
    </div>
  );
}
