import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProspectDetail } from '../../../lib/messaging/types';
import type { Prospect, Stage } from '../../../lib/model';
import { differingFields, type MergeField, type MergePick } from '../../../lib/pipeline/merge-fields';
import type { SearchHit } from '../../../lib/search/result';
import { send } from '../../shared/api';
import { findPeople } from '../find-people';
import { stageLabel, t, type MessageKey } from '../../shared/i18n';
import { Button } from '../../ui/Button';
import { ErrorNote } from '../../ui/ErrorNote';
import { showToast } from '../../ui/Toast';
import './merge.css';

type Side = 'survivor' | 'other';

/** A field's value as the rep reads it. */
function shown(p: Prospect, field: MergeField, stages: readonly Stage[], ownerName: string | null): string {
  const empty = t('mergeEmpty');
  switch (field) {
    case 'stage': {
      const s = stages.find((x) => x.id === p.stageId);
      return s ? stageLabel(s.key, s.name) : empty;
    }
    case 'deal':
      return p.dealValue === null ? empty : `${p.dealValue.toLocaleString()} ${p.currency ?? ''}`.trim();
    case 'owner':
      return ownerName ?? t('mergeOwnerYou');
    case 'source':
      return t(`source_${p.source}` as MessageKey);
    default:
      return (p[field] as string | null) || empty;
  }
}

const blank = (p: Prospect, f: MergeField) => {
  const v = f === 'stage' ? p.stageId : f === 'deal' ? p.dealValue : f === 'owner' ? p.ownerId : p[f];
  return v === null || v === '';
};

/**
 * Merge two people (the one shown and a suggested duplicate, or one found by name): which record
 * stays, and where they differ, each field's value. What is kept is said before anything happens;
 * the merge itself is one request (lib/store/merge.ts).
 */
export function MergeDialog({
  current,
  initialOther,
  onClose,
}: {
  current: ProspectDetail;
  initialOther: Prospect | null;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [other, setOther] = useState<ProspectDetail | null>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<SearchHit[] | null>(null);
  const [keep, setKeep] = useState<'current' | 'other'>('current');
  const [pick, setPick] = useState<MergePick>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const choose = (p: { id: string }) => {
    setError(null);
    void send({ type: 'detail', id: p.id })
      .then((d) => (d ? setOther(d) : setError(t('notFound'))))
      .catch((e: Error) => setError(e.message));
  };
  useEffect(() => {
    if (initialOther) choose(initialOther);
  }, [initialOther?.id]);
  useEffect(() => {
    if (other || query.trim().length < 2) return setFound(null);
    let live = true;
    const timer = setTimeout(() => {
      void findPeople(query, 8)
        .then((items) => live && setFound(items.filter((p) => p.id !== current.prospect.id)))
        .catch((e: Error) => live && setError(e.message));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, other]);

  const survivor = other ? (keep === 'current' ? current : other) : null;
  const gone = other ? (keep === 'current' ? other : current) : null;
  const fields = survivor && gone ? differingFields(survivor.prospect, gone.prospect) : [];
  // Unpicked: the kept record's value, or the other's where it has none (as the store decides).
  const sideOf = (f: MergeField): Side => pick[f] ?? (survivor && gone && blank(survivor.prospect, f) && !blank(gone.prospect, f) ? 'other' : 'survivor');

  const merge = async () => {
    if (!survivor || !gone) return;
    setBusy(true);
    setError(null);
    try {
      const full: MergePick = {};
      for (const f of fields) full[f] = sideOf(f);
      const r = await send({ type: 'mergeProspects', survivorId: survivor.prospect.id, otherId: gone.prospect.id, pick: full });
      showToast({ message: t('mergeDone', [r.mergedName, r.survivor.name]) });
      onClose();
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  const stages = current.stages;
  return (
    <dialog ref={ref} class="merge-dialog" aria-labelledby="merge-dialog-title" onClose={onClose} onCancel={onClose}>
      <h2 id="merge-dialog-title">{t('mergeTitle')}</h2>
      {!other ? (
        <div class="merge-find">
          <label>
            <span>{t('mergeFind')}</span>
            <input type="search" value={query} autoFocus onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
          </label>
          {found && found.length === 0 && <p class="muted">{t('mergeNoResults')}</p>}
          {found && found.length > 0 && (
            <ul class="merge-results">
              {found.map((p) => (
                <li key={p.id}>
                  <button type="button" class="link" aria-label={t('mergeChoose', p.name)} onClick={() => choose(p)}>
                    <strong>{p.name}</strong> <span class="muted">{[p.company, p.emails[0]].filter(Boolean).join(' · ')}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <>
          <fieldset class="merge-keep">
            <legend>{t('mergeKeepWhich')}</legend>
            {([
              ['current', current],
              ['other', other],
            ] as const).map(([k, d]) => (
              <label key={k} class="merge-choice">
                <input type="radio" name="merge-keep" checked={keep === k} onChange={() => (setKeep(k), setPick({}))} />
                <span>
                  {t('mergeKeepThis', d.prospect.name)}
                  <span class="muted"> · {[d.prospect.company, d.prospect.slug ? 'LinkedIn' : d.prospect.emails[0]].filter(Boolean).join(' · ')}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <h3 class="merge-sub">{fields.length ? t('mergeFieldsHeading') : t('mergeNoDifferences')}</h3>
          <div class="merge-fields">
            {fields.map((f) => (
              <fieldset key={f} class="merge-field" data-field={f}>
                <legend>{t(`mergeField_${f}` as MessageKey)}</legend>
                {(['survivor', 'other'] as const).map((side) => {
                  const d = side === 'survivor' ? survivor! : gone!;
                  return (
                    <label key={side} class="merge-choice">
                      <input type="radio" name={`merge-${f}`} checked={sideOf(f) === side} onChange={() => setPick({ ...pick, [f]: side })} />
                      <span>{shown(d.prospect, f, stages, d.ownerName ?? null)}</span>
                    </label>
                  );
                })}
              </fieldset>
            ))}
          </div>
          <p class="merge-kept">
            {t('mergeKeptAll', [
              String(gone!.touches.length),
              String(gone!.followUps.filter((x) => x.doneAt === null).length),
              survivor!.prospect.name,
            ])}
          </p>
          <p class="merge-warn">{t('mergeWarning', [gone!.prospect.name, survivor!.prospect.name])}</p>
        </>
      )}
      <ErrorNote error={error} />
      <div class="merge-actions">
        {other && (
          <Button variant="primary" disabled={busy} onClick={() => void merge()}>
            {t('mergeConfirm')}
          </Button>
        )}
        <Button variant="ghost" onClick={onClose}>
          {t('cancel')}
        </Button>
      </div>
    </dialog>
  );
}
