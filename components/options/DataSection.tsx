import { ExportPanel } from '../data/ExportPanel';
import { ImportPanel } from '../data/ImportPanel';
import { RestorePanel } from '../data/RestorePanel';
import { t } from '../shared/i18n';
import '../data/data.css';

/** Data in and out of this browser's pipeline: CSV export and import, JSON backup and restore. */
export function DataSection() {
  return (
    <section aria-labelledby="data-h" class="data-section">
      <h2 id="data-h">{t('dataHeading')}</h2>
      <h3 id="export-h">{t('exportHeading')}</h3>
      <ExportPanel />
      <h3 id="import-h">{t('importHeading')}</h3>
      <ImportPanel />
      <h3 id="restore-h">{t('restoreHeading')}</h3>
      <RestorePanel />
    </section>
  );
}
