import { useEffect, useRef, useState } from 'preact/hooks';
import type { CrossingPreview } from '../../lib/pipeline/score-preview';
import { ask, send } from '../shared/api';
import { ErrorNote } from '../ui/ErrorNote';
import { Field } from '../ui/Field';
import { t } from '../shared/i18n';
import {
  SCORING_GROUPS,
  THRESHOLD_FIELD,
  draftFrom,
  fieldProblems,
  sameDraft,
  settingsFrom,
  type FieldProblem,
  type ScoringDraft,
  type ScoringField,
} from './scoring-draft';
import { useAction } from './useAccount';
import { useTeamSettings } from './useTeamSettings';
import './playbook.css';

const PREVIEW_DELAY_MS = 400;

function ScoringInput({
  field,
  draft,
  problem,
  onChange,
}: {
  field: ScoringField;
  draft: ScoringDraft;
  problem: FieldProblem | undefined;
  onChange: (path: string, text: string) => void;
}) {
  const value = draft[field.path] ?? '';
  const input = (e: Event) => onChange(field.path, (e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value);
  return (
    <Field label={t(field.label)} error={problem ? t(problem.key, problem.subs) : null}>
      {(id, aria) =>
        field.lines ? (
          <textarea id={id} rows={4} value={value} onInput={input} {...aria} />
        ) : (
          <input id={id} type="number" min={field.min} max={field.max} step="1" value={value} onInput={input} {...aria} />
        )
      }
    </Field>
  );
}

function previewText(p: CrossingPreview): string {
  const line = t('scoringPreview', [String(p.after), String(p.total), String(p.newlyCrossing)]);
  return p.droppingBelow > 0 ? `${line} ${t('scoringPreviewDropping', String(p.droppingBelow))}` : line;
}

/** The lead-score rules and MQL threshold, with how many prospects would cross it shown before saving. */
export function ScoringEditor() {
  const { settings, canEdit, error: loadError } = useTeamSettings();
  const [draft, setDraft] = useState<ScoringDraft | null>(null);
  const loaded = useRef<ScoringDraft | null>(null);
  const [preview, setPreview] = useState<{ text: string; error: boolean } | null>(null);
  const previewSeq = useRef(0);
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  // Fields the rep changed show their problem as they type; after a save attempt, every field does.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const problems = draft ? fieldProblems(draft) : {};
  const invalid = Object.keys(problems).length > 0;
  const shown = (path: string) => (submitted || touched.has(path) ? problems[path] : undefined);
  const form = useRef<HTMLFormElement>(null);
  const [focusFirst, setFocusFirst] = useState(0);
  // After a refused save the first field marked invalid (in the order shown) takes focus.
  useEffect(() => {
    if (focusFirst) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusFirst]);

  // Re-read settings (a teammate's change, by sync) replace the form only while it holds no edits of its own.
  useEffect(() => {
    if (!settings) return;
    const fresh = draftFrom(settings);
    if (!draft || !loaded.current || sameDraft(draft, loaded.current)) setDraft(fresh);
    loaded.current = fresh;
  }, [settings]);

  useEffect(() => {
    if (!draft || !settings || !canEdit) return;
    // A draft with a wrong field has no count to preview: the field itself says what to fix.
    if (Object.keys(fieldProblems(draft)).length > 0) return setPreview(null);
    const timer = setTimeout(() => {
      const seq = ++previewSeq.current;
      void ask({ type: 'previewSettings', settings: settingsFrom(draft, settings) }).then((r) => {
        // A slower answer to an older draft must not overwrite the newer one's.
        if (seq !== previewSeq.current) return;
        setPreview(r.ok ? { text: previewText(r.data), error: false } : { text: r.error, error: true });
      });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, settings, canEdit]);

  const change = (path: string, text: string) => {
    setSaved(null);
    setTouched((s) => (s.has(path) ? s : new Set(s).add(path)));
    setDraft((d) => ({ ...d, [path]: text }));
  };
  const save = (e: Event) => {
    e.preventDefault();
    if (!draft || !settings) return;
    if (invalid) {
      setSubmitted(true);
      setFocusFirst((n) => n + 1);
      return;
    }
    void run(async () => {
      const next = settingsFrom(draft, settings);
      const { rescored } = await send({ type: 'saveSettings', settings: next });
      setDraft(draftFrom(next));
      setSaved(rescored === 1 ? t('scoringSavedOne') : t('scoringSaved', String(rescored)));
    });
  };

  return (
    <section aria-labelledby="scoring-h" class="playbook-editor">
      <h2 id="scoring-h">{t('scoringHeading')}</h2>
      <p class="muted">{t('scoringHint')}</p>
      {settings && !canEdit && <p>{t('playbookOwnersOnly')}</p>}
      <ErrorNote error={loadError} />
      {draft && (
        <form class="scoring" noValidate onSubmit={save} ref={form}>
          <fieldset class="plain" disabled={!canEdit} aria-busy={busy}>
            <ScoringInput field={THRESHOLD_FIELD} draft={draft} problem={shown(THRESHOLD_FIELD.path)} onChange={change} />
            {SCORING_GROUPS.map((g) => (
              <fieldset key={g.legend}>
                <legend>{t(g.legend)}</legend>
                {g.hint && <p class="muted">{t(g.hint)}</p>}
                <div class="scoring-grid">
                  {g.fields.map((f) => (
                    <ScoringInput key={f.path} field={f} draft={draft} problem={shown(f.path)} onChange={change} />
                  ))}
                </div>
              </fieldset>
            ))}
            {canEdit && (
              <p role="status" class={preview?.error ? 'error' : 'muted'} data-testid="scoring-preview">
                {preview?.text}
              </p>
            )}
            <ErrorNote error={error} />
            {submitted && invalid && <p class="error">{t('fieldErrorsSummary')}</p>}
            {canEdit && (
              <button type="submit" class="primary">
                {t('scoringSave')}
              </button>
            )}
            <p role="status">{saved}</p>
          </fieldset>
        </form>
      )}
    </section>
  );
}
