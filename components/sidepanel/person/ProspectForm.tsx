import { useState } from 'preact/hooks';
import type { CaptureWire } from '../../../lib/messaging/types';
import type { Source } from '../../../lib/model/enums';
import { Field } from '../../ui/Field';
import { SourceSelect } from './SourceSelect';
import { t, type MessageKey } from '../../shared/i18n';
import { ErrorNote } from '../../ui/ErrorNote';

const FIELDS: Array<{ key: keyof CaptureWire; label: MessageKey; mode?: 'email' | 'url' }> = [
  { key: 'name', label: 'fieldName' },
  { key: 'headline', label: 'fieldHeadline' },
  { key: 'title', label: 'fieldTitle' },
  { key: 'company', label: 'fieldCompany' },
  { key: 'location', label: 'fieldLocation' },
  { key: 'email', label: 'fieldEmail', mode: 'email' },
  { key: 'linkedinUrl', label: 'fieldLinkedinUrl', mode: 'url' },
];

/** The extracted fields as editable inputs: the rep corrects them before anything is saved. */
export function ProspectForm({
  initial,
  onSubmit,
  submitLabel = 'addToPipeline',
}: {
  initial: CaptureWire;
  onSubmit: (v: CaptureWire) => Promise<void>;
  submitLabel?: MessageKey;
}) {
  const [value, setValue] = useState<CaptureWire>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof CaptureWire, v: string) => setValue({ ...value, [k]: v === '' && k !== 'name' ? null : v });

  return (
    <form
      class="form"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await onSubmit(value);
        } catch (err) {
          setError(err instanceof Error ? err.message : String(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      {FIELDS.map((f) => (
        <Field key={f.key} label={t(f.label)}>
          {(id) => (
            <input
              id={id}
              type="text"
              inputMode={f.mode ?? 'text'}
              spellcheck={!f.mode}
              name={f.key}
              value={(value[f.key] as string | null) ?? ''}
              required={f.key === 'name'}
              onInput={(e) => set(f.key, (e.currentTarget as HTMLInputElement).value)}
            />
          )}
        </Field>
      ))}
      <SourceSelect
        value={(value.source as Source | undefined) ?? (value.linkedinUrl ? 'social_selling' : 'email')}
        onChange={(v) => set('source', v)}
      />
      <ErrorNote error={error} />
      <button type="submit" class="primary" disabled={busy}>
        {t(submitLabel)}
      </button>
    </form>
  );
}
