import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/**
 * A label tied to its control by id, not by wrapping: a wrapping label would also read out every
 * option of a select as part of the name ("Source Cold call Cold email …").
 */
export function Field({ label, inline, children }: { label: string; inline?: boolean; children: (id: string) => ComponentChildren }) {
  const id = useId();
  return (
    <div class={inline ? 'field inline' : 'field'}>
      <label for={id}>{label}</label>
      {children(id)}
    </div>
  );
}
