import { useEffect } from 'preact/hooks';
import { ExportPanel } from '../data/ExportPanel';
import { ImportPanel } from '../data/ImportPanel';
import { RestorePanel } from '../data/RestorePanel';
import { t } from '../shared/i18n';
import '../data/data.css';

/** Data in and out of this browser's pipeline: CSV export and import, JSON backup and restore. */
export function DataSection() {
  // The welcome page links here (options.html#import): bring the import into view once it is rendered.
  // The sections above load their data after this renders and push it down, so it is kept in view as
  // the page grows, until the rep scrolls, clicks or types.
  useEffect(() => {
    if (location.hash !== '#import') return;
    const keep = () => document.getElementById('import')?.scrollIntoView();
    const ro = new ResizeObserver(keep);
    ro.observe(document.body);
    keep();
    const stop = () => {
      ro.disconnect();
      for (const e of ['wheel', 'pointerdown', 'keydown', 'touchstart']) removeEventListener(e, stop);
    };
    for (const e of ['wheel', 'pointerdown', 'keydown', 'touchstart']) addEventListener(e, stop, { once: true });
    return stop;
  }, []);
  return (
    <section aria-labelledby="data-h" class="data-section">
      <h2 id="data-h">{t('dataHeading')}</h2>
      <h3 id="export-h">{t('exportHeading')}</h3>
      <ExportPanel />
      <h3 id="import">{t('importHeading')}</h3>
      <ImportPanel />
      <h3 id="restore-h">{t('restoreHeading')}</h3>
      <RestorePanel />
    </section>
  );
}
