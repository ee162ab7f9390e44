import { useState } from 'preact/hooks';
import type { FieldChange } from '../../lib/io/import-plan';
import type { ImportPreview, ImportRowView } from '../../lib/messaging/data-types';
import { stageLabel, t, uiLocale, type MessageKey } from '../shared/i18n';
import { Field } from '../ui/Field';
import { CHANGE_NAMES, issueText } from './wording';

type Show = 'all' | 'changes' | 'problems';

const OUTCOMES: Record<ImportRowView['outcome'], MessageKey> = {
  new: 'importOutcomeNew',
  update: 'importOutcomeUpdate',
  unchanged: 'importOutcomeUnchanged',
  duplicate: 'importOutcomeDuplicate',
  error: 'importOutcomeError',
  empty: 'importOutcomeEmpty',
};

function day(at: number): string {
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
}

/** One value as the rep reads it: stage names, source labels, dates and numbers in their language. */
function valueText(c: FieldChange, v: string | number | null, names: ImportPreview['stageNames']): string {
  if (v === null || v === '') return t('importNoValue');
  if (c.field === 'stage') return stageLabel(String(v), names[String(v)] ?? null);
  if (c.field === 'source') return t(`source_${String(v)}` as MessageKey) || String(v);
  if (c.field === 'connectedOn' && typeof v === 'number') return day(v);
  if (c.field === 'dealValue' && typeof v === 'number') return new Intl.NumberFormat(uiLocale()).format(v);
  return String(v);
}

function changeText(c: FieldChange, names: ImportPreview['stageNames']): string {
  const field = t(CHANGE_NAMES[c.field]);
  if (c.field === 'connectedOn') return `${field}: ${valueText(c, c.to, names)}`;
  if (c.field === 'linkedinMemberId') return t('importChangeAdded', [field, valueText(c, c.to, names)]);
  const to = valueText(c, c.to, names);
  return t('importChange', [field, valueText(c, c.from, names), c.at !== undefined ? t('importStageOn', [to, day(c.at)]) : to]);
}

const shows = (show: Show, r: ImportRowView) =>
  show === 'all' || (show === 'changes' ? r.outcome === 'new' || r.outcome === 'update' : r.outcome === 'error');

/**
 * The dry run row by row: for each row of the file, whom it is about and what importing would do —
 * "New", "Unchanged", or each field that changes with its current and new value; a refused row says why.
 */
export function ImportRows({ preview }: { preview: ImportPreview }) {
  const [show, setShow] = useState<Show>('all');
  if (preview.rowViews.length === 0) return null;
  const rows = preview.rowViews.filter((r) => shows(show, r));
  const lastShown = preview.rowViews[preview.rowViews.length - 1]!.row;
  return (
    <section class="import-rows" aria-labelledby="import-rows-h">
      <h5 id="import-rows-h">{t('importRowsHeading')}</h5>
      <Field label={t('importRowsFilter')}>
        {(id) => (
          <select id={id} value={show} onChange={(e) => setShow(e.currentTarget.value as Show)}>
            <option value="all">{t('importRowsAll')}</option>
            <option value="changes">{t('importRowsChanges')}</option>
            <option value="problems">{t('importRowsProblems')}</option>
          </select>
        )}
      </Field>
      <div class="import-rows-scroll" tabIndex={0} role="region" aria-labelledby="import-rows-h">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('importColRow')}</th>
              <th scope="col">{t('importColPerson')}</th>
              <th scope="col">{t('importColOutcome')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.row} data-row={r.row} data-outcome={r.outcome}>
                <td class="num">{r.row}</td>
                <td>{r.name ?? <span class="muted">{t('importNoName')}</span>}</td>
                <td>
                  <span class={`outcome outcome-${r.outcome}`}>
                    {t(OUTCOMES[r.outcome], r.duplicateOfRow !== undefined ? String(r.duplicateOfRow) : undefined)}
                  </span>
                  {r.changes && r.changes.length > 0 && (
                    <ul class="changes">
                      {r.changes.map((c) => (
                        <li key={c.field} data-field={c.field}>
                          {changeText(c, preview.stageNames)}
                        </li>
                      ))}
                    </ul>
                  )}
                  {r.issues && (
                    <ul class="changes">
                      {r.issues.map((i, k) => (
                        <li key={k} class="error">
                          {issueText(i)}
                          {i.value !== undefined && (
                            <>
                              {' '}
                              <q class="value">{i.value}</q>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.rows > lastShown && <p class="muted">{t('importRowsMore', [String(lastShown), String(preview.rows)])}</p>}
    </section>
  );
}
