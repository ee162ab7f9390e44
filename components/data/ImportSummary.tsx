import type { ImportPreview } from '../../lib/messaging/data-types';
import { t, type MessageKey } from '../shared/i18n';
import { fileIssueText, issueText, issueWhere, readErrorText } from './wording';
import { ImportRows } from './ImportRows';

const COUNTS: Array<[keyof ImportPreview & string, MessageKey]> = [
  ['creates', 'importCountNew'],
  ['updates', 'importCountUpdated'],
  ['unchanged', 'importCountUnchanged'],
  ['duplicatesInFile', 'importCountDuplicates'],
  ['badRows', 'importCountBad'],
];

/** The dry run: what importing would do, and every problem by row, line and column. */
export function ImportSummary({ preview }: { preview: ImportPreview }) {
  if (preview.readError) {
    return (
      <p class="error" role="alert">
        {readErrorText(preview.readError)}
      </p>
    );
  }
  return (
    <div class="import-preview" aria-live="polite">
      <h4>{t('importPreview', String(preview.rows))}</h4>
      <dl class="import-counts">
        {COUNTS.map(([key, label]) => (
          <div key={key} data-count={key}>
            <dt>{t(label)}</dt>
            <dd>{String(preview[key])}</dd>
          </div>
        ))}
      </dl>
      {preview.fileErrors.length > 0 && (
        <ul class="import-errors" role="alert">
          {preview.fileErrors.map((c) => (
            <li key={c} class="error">
              {fileIssueText(c)}
            </li>
          ))}
        </ul>
      )}
      {preview.errors.length > 0 && (
        <>
          <h5>{t('importErrors', String(preview.errorCount))}</h5>
          <ul class="import-errors">
            {preview.errors.map((e, k) => (
              <li key={k} data-row={e.row} data-column={e.column ?? ''}>
                <span class="where">{issueWhere(e)}</span>: {issueText(e)}
                {e.value !== undefined && <q class="value">{e.value}</q>}
              </li>
            ))}
          </ul>
          {preview.errorCount > preview.errors.length && (
            <p class="muted">{t('importMoreErrors', String(preview.errorCount - preview.errors.length))}</p>
          )}
        </>
      )}
      <ImportRows preview={preview} />
      {preview.warningCount > 0 && (
        <details class="import-warnings">
          <summary>{t('importWarnings', String(preview.warningCount))}</summary>
          <ul>
            {preview.warnings.map((w, k) => (
              <li key={k}>
                <span class="where">{issueWhere(w)}</span>: {issueText(w)}
                {w.value !== undefined && <q class="value">{w.value}</q>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
