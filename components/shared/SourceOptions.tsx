import { SOURCES } from '../../lib/model/sources';
import { t, type MessageKey } from './i18n';

/** The sources as <option>s, in the order DESIGN.md §1 lists them (selects add their own "any" option). */
export function SourceOptions() {
  return (
    <>
      {SOURCES.map((s) => (
        <option key={s} value={s}>
          {t(`source_${s}` as MessageKey)}
        </option>
      ))}
    </>
  );
}
