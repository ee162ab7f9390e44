import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/** What a control inside a Field spreads onto itself: its error and hint are read out with it. */
export interface FieldAria {
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * A label tied to its control by id, not by wrapping: a wrapping label would also read out every
 * option of a select as part of the name ("Source Cold call Cold email …").
 * With `error`, the message sits under the control, in words a rep understands, and the control
 * carries aria-invalid and aria-describedby (spread the second argument onto it); `hint` likewise.
 */
export function Field({
  label,
  inline,
  hideLabel,
  error,
  hint,
  children,
}: {
  label: string;
  inline?: boolean;
  /** The label is read out but not shown, where the control itself says what it is (a stage pill). */
  hideLabel?: boolean;
  error?: string | null;
  hint?: string | null;
  children: (id: string, aria: FieldAria) => ComponentChildren;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const described = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ');
  const aria: FieldAria = {
    ...(error ? { 'aria-invalid': true as const } : {}),
    ...(described ? { 'aria-describedby': described } : {}),
  };
  return (
    <div class={inline ? 'field inline' : 'field'}>
      <label for={id} class={hideLabel ? 'sr-only' : undefined}>
        {label}
      </label>
      {children(id, aria)}
      {hint && (
        <p id={hintId} class="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
