import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ProspectDetail } from '../../../../lib/messaging/types';
// Type only: the gate rules carry zod, which the pages need not load twice for a list of five names.
import type { SqlChecklist, SqlItem } from '../../../../lib/pipeline/gates';
import { send } from '../../../shared/api';
import { ErrorNote } from '../../../ui/ErrorNote';
import './playbook.css';
import { stageLabel, t, uiLocale, type MessageKey } from '../../../shared/i18n';
import type { Stage } from '../../../../lib/model';

const ITEMS: Array<{ item: SqlItem; label: MessageKey }> = [
  { item: 'interest_confirmed', label: 'sqlInterestConfirmed' },
  { item: 'buying_process', label: 'sqlBuyingProcess' },
  { item: 'decision_maker', label: 'sqlDecisionMaker' },
  { item: 'budget', label: 'sqlBudget' },
  { item: 'timeline', label: 'sqlTimeline' },
];

function formatDay(at: number): string {
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium' }).format(new Date(at));
}

/** Where the prospect stands at the two gates, in one line: SQL once accepted, else MQL. */
export function QualificationLine({ detail }: { detail: ProspectDetail }) {
  const p = detail.prospect;
  const sql =
    p.sqlAt === null
      ? null
      : detail.sqlAcceptedBy
        ? t('sqlAcceptedBy', [formatDay(p.sqlAt), detail.sqlAcceptedBy])
        : t('sqlAccepted', formatDay(p.sqlAt));
  const mql = p.mqlAt !== null ? t('mqlSince', formatDay(p.mqlAt)) : t('mqlScore', [String(p.score), String(detail.mqlThreshold)]);
  return (
    <p class="gates" data-mql={p.mqlAt !== null} data-sql={p.sqlAt !== null}>
      {sql ? (
        <>
          <strong class="gate-sql">{sql}</strong> · <span class="gate-mql">{mql}</span>
        </>
      ) : (
        <span class="gate-mql">{mql}</span>
      )}
    </p>
  );
}

function Item({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  const id = useId();
  return (
    <div class="check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}

/** The SQL gate: the rep ticks what a real conversation confirmed; the three required items accept the prospect. */
export function SqlGate({ detail }: { detail: ProspectDetail }) {
  const p = detail.prospect;
  const [ticked, setTicked] = useState<SqlChecklist>(p.sqlChecklist);
  const [error, setError] = useState<string | null>(null);
  // Set when a tick just accepted the prospect as SQL: the stage past qualification to offer moving to.
  const [offer, setOffer] = useState<Stage | null>(null);
  const stored = JSON.stringify(p.sqlChecklist);
  // Ticks still on their way to the store: a re-read caused by an earlier tick must not untick them.
  const pending = useRef<Partial<Record<SqlItem, boolean>>>({});
  // The store is the truth; the local copy only keeps clicks from flickering until the re-read arrives.
  useEffect(() => setTicked({ ...p.sqlChecklist, ...pending.current }), [p.id, stored]);

  const tick = async (item: SqlItem, value: boolean) => {
    setError(null);
    pending.current[item] = value;
    setTicked((c) => ({ ...c, [item]: value }));
    try {
      const r = await send({ type: 'setSqlChecklist', prospectId: p.id, items: { [item]: value } });
      if (pending.current[item] === value) delete pending.current[item];
      if (p.sqlAt === null && r.prospect.sqlAt !== null) setOffer(stageAfterQualification(detail));
    } catch (e) {
      delete pending.current[item];
      setTicked({ ...p.sqlChecklist, ...pending.current });
      setError((e as Error).message);
    }
  };

  return (
    <div class="sql-gate">
      <QualificationLine detail={detail} />
      {detail.touchesToSql !== null && <p class="muted">{t('touchesToSql', String(detail.touchesToSql))}</p>}
      <fieldset class="checklist">
        <legend>{t('sqlChecklist')}</legend>
        {ITEMS.map(({ item, label }) => (
          <Item key={item} label={t(label)} checked={ticked[item] === true} onChange={(v) => void tick(item, v)} />
        ))}
      </fieldset>
      {offer && (
        <div class="confirm" role="status">
          <p>{t('sqlOfferMove', stageLabel(offer.key, offer.name))}</p>
          <button
            type="button"
            onClick={() => {
              setOffer(null);
              send({ type: 'setStage', prospectId: p.id, stageKey: offer.key, confirmed: true }).catch((e: Error) => setError(e.message));
            }}
          >
            {t('sqlOfferMoveYes', stageLabel(offer.key, offer.name))}
          </button>
          <button type="button" class="link" onClick={() => setOffer(null)}>
            {t('notNow')}
          </button>
        </div>
      )}
      <ErrorNote error={error} />
    </div>
  );
}

/**
 * The stage a newly accepted SQL moves on to (Consideration in the default pipeline): the first open
 * stage after qualification, when the prospect is not there or beyond yet; null otherwise.
 */
export function stageAfterQualification(detail: ProspectDetail): Stage | null {
  const stages = detail.stages;
  const q = stages.findIndex((s) => s.key === 'qualification');
  const at = stages.findIndex((s) => s.id === detail.stage?.id);
  const next = stages.find((s, i) => i > q && s.kind === 'open') ?? null;
  if (q < 0 || !next || at > q || detail.stage?.kind !== 'open') return null;
  return next;
}
